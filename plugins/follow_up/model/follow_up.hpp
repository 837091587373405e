#pragma once
// Follow-up meetings (uppföljningsmöten): per meeting, one record per measure
// (new status, light with comment, indicator value, decision) and a snapshot of
// every published entity taken when the meeting starts, so "since the last
// meeting" is the difference of two snapshots. Everything lives in this
// plugin's own tables (schema.hpp), keyed by the core meeting id and the measure
// entity id; the action plan's tables are never written. This file reads them;
// edits.hpp writes them.
#include "kartla/core_data.hpp"
#include "kartla/plugin_api.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::follow_up {

using kartla::Database;
using kartla::Entity;

// The kinds a snapshot holds: what the meeting follows up on.
inline constexpr std::string_view kSnapshotKinds[] = {"problem", "cause", "actor", "relation", "measure"};

struct Record {
    std::int64_t meeting_id = 0;
    std::int64_t measure_id = 0;
    std::string status;  // action plan status code, "" = not discussed
    std::string light;   // green / yellow / red / ""
    std::string light_comment;
    std::string indicator_value;
    std::string indicator_date;  // YYYY-MM-DD
    std::string indicator_source;
    std::string decision;  // a code of kDecisionWords (words.hpp) or ""
    std::string decision_note;
    bool operator==(const Record&) const = default;
};

// The columns of follow_up_record in the order of Record's members (reading and saving).
inline constexpr const char* kRecordColumns =
    "meeting_id, measure_id, status, light, light_comment, indicator_value, indicator_date, indicator_source, "
    "decision, decision_note";

std::vector<kartla::core_data::Meeting> follow_up_meetings(Database& db);  // by date, then id

std::optional<Record> record(Database& db, std::int64_t meeting_id, std::int64_t measure_id);
std::vector<Record> records(Database& db, std::int64_t meeting_id);
// Every record of one measure, oldest meeting first (its follow-up history).
std::vector<Record> history(Database& db, std::int64_t measure_id);

std::vector<Entity> snapshot(Database& db, std::int64_t meeting_id);
std::vector<Entity> published_now(const EntitySource& source);

struct Change {
    enum class Type { Added, Changed, Removed } type;
    std::string kind;
    std::int64_t id = 0;
    std::string label;      // the new label (old one for Removed)
    std::string old_label;  // when the label changed
    std::vector<std::string> changed_keys;  // attributes whose value differs
    std::vector<std::string> old_values, new_values;  // per changed key
};
std::vector<Change> diff(const std::vector<Entity>& before, const std::vector<Entity>& after);

// The follow-up meeting before `meeting_id` (by date, then id), if any.
std::optional<std::int64_t> previous_meeting(Database& db, std::int64_t meeting_id);

// "Since the last meeting" for one meeting: the previous follow-up meeting's
// snapshot against this one's; for the first follow-up meeting, its own
// snapshot against what is published now (what changed since it began).
struct SinceLast {
    std::vector<Change> changes;
    std::optional<std::int64_t> previous;  // the meeting compared with, if any
};
SinceLast since_last_meeting(Database& db, std::int64_t meeting_id, const EntitySource& source);

// The action plan's status log as it publishes it on a measure (attribute
// `status_log`: one line per change, "YYYY-MM-DD <status>[: note]", oldest first).
struct StatusEntry {
    std::string date, status, note;
};
std::vector<StatusEntry> status_log(std::string_view published);

// The order the meeting walks through the measures: overdue first, then red,
// yellow, the rest; closed (done, cancelled) last; by due date within a group.
std::vector<Entity> walk_order(std::vector<Entity> measures, std::string_view today);
bool overdue(const Entity& measure, std::string_view today);

}  // namespace kartla::follow_up
