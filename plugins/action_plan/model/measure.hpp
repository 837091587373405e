#pragma once
// A measure (åtgärd) of the action plan, and reading the plan's tables (the
// edits on them are in edits.hpp, the tables in schema.hpp). Links to problems,
// causes and actors live in core_link, because those entities belong to other plugins.
#include "kartla/database.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::action_plan {

using kartla::Database;

inline constexpr std::array<std::string_view, 6> kStatuses = {"proposed", "decided", "in_progress",
                                                              "done",     "paused",  "cancelled"};
inline constexpr std::array<std::string_view, 3> kLights = {"green", "yellow", "red"};
inline constexpr std::array<std::string_view, 2> kPreventionKinds = {"situational", "social"};
inline constexpr std::array<std::string_view, 3> kGoalTypes = {"outcome", "process", "output"};
inline constexpr std::array<std::string_view, 2> kEffectTerms = {"short", "long"};

// Whether `value` is one of the codes in `allowed`.
template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// The text columns a user edits directly; field_spec() tells all about each.
enum class Field {
    Title,
    Description,
    Prevention,
    GoalType,
    Goal,
    Start,
    Due,
    Resources,
    Cost,
    EffectTerm,
    ExpectedEffect,
    Indicator,
    Baseline,
    FollowUpMethod,
    LightComment,
};

struct Measure {
    std::int64_t id = 0;
    std::string title;
    std::string description;
    std::string prevention;  // "situational", "social" or ""
    bool ordinary_work = false;  // false: a one-off effort
    std::string goal_type;       // "outcome", "process", "output" or ""
    std::string goal;            // the operational goal
    std::string start;           // YYYY-MM-DD or ""
    std::string due;             // YYYY-MM-DD or ""
    std::string resources;
    std::string cost;
    std::string effect_term;  // "short", "long" or ""
    std::string expected_effect;
    std::string indicator;
    std::string baseline;
    std::string follow_up_method;
    int priority = 0;  // 1 high, 2 medium, 3 low, 0 not set
    std::string status = "proposed";
    std::string light;  // "green", "yellow", "red" or ""
    std::string light_comment;
    std::int64_t position = 0;
    // From core_link:
    std::vector<std::int64_t> problem_ids;
    std::vector<std::int64_t> cause_ids;
    std::int64_t owner_id = 0;  // actor, 0 when none
    std::vector<std::int64_t> partner_ids;

    std::string text(Field field) const;
    bool closed() const { return status == "done" || status == "cancelled"; }
};

// One row per text field of the one table of them: the member that holds it,
// the one fixed UPDATE statement that writes it (no column name is ever built
// from data), and the values it takes (codes, or a date; neither: any text).
struct FieldSpec {
    Field field;
    std::string Measure::*member;
    const char* update_sql;
    std::span<const std::string_view> codes = {};
    bool date = false;
};
const FieldSpec& field_spec(Field field);

struct StatusChange {
    std::int64_t id = 0;
    std::int64_t measure_id = 0;
    std::string date;  // YYYY-MM-DD
    std::string from_status;
    std::string to_status;
    std::string note;
};

std::vector<Measure> load_measures(Database& db);
std::vector<StatusChange> load_status_log(Database& db);
// A per-workshop identifier, made once when the tables are created: calendar
// UIDs stay the same on every export, so a re-import updates instead of duplicating.
std::string workshop_uid(Database& db);

bool is_status(std::string_view status);
bool is_light(std::string_view light);

// A code as read from the file, mapped onto its allowed set: anything else (a
// hostile or a newer file) becomes the neutral value, "proposed" for a status
// and "" (not set) for the others. load_measures applies these, so the views
// and every export see allowed codes only.
std::string status_code(std::string_view stored);
std::string light_code(std::string_view stored);
std::string prevention_code(std::string_view stored);
std::string goal_type_code(std::string_view stored);
std::string effect_term_code(std::string_view stored);

// The workshop uid as a calendar UID may carry it: [0-9a-z-], at most 64
// characters. Anything else in action_plan_meta becomes a stable hex digest of
// it, so a re-export still updates the same tasks.
std::string uid_code(std::string_view stored);

}  // namespace kartla::action_plan
