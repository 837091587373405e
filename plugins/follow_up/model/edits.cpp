#include "edits.hpp"

#include "words.hpp"

#include "kartla/dates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace kartla::follow_up {

namespace cd = kartla::core_data;

namespace {

bool is_status(std::string_view s) { return s.empty() || msgid_of(kStatusWords, s); }

}  // namespace

std::int64_t start_meeting(Database& db, const cd::Meeting& meeting, const EntitySource& source) {
    cd::Meeting m = meeting;
    m.kind = "follow_up";
    const std::int64_t id = cd::add_meeting(db, m);
    for (const Entity& e : published_now(source)) {
        nlohmann::json attributes(e.attributes);
        db.run("INSERT INTO follow_up_snapshot(id, meeting_id, kind, entity_id, label, attributes) VALUES (kartla_key(), ?, ?, ?, ?, ?)", id,
               e.kind, e.id, e.label, attributes.dump());
    }
    return id;
}

void save_record(Database& db, const Record& r) {
    if (!is_status(r.status)) throw std::invalid_argument("unknown status: " + r.status);
    if (!r.indicator_date.empty() && !kartla::dates::is_valid(r.indicator_date))
        throw std::invalid_argument("the indicator date is not YYYY-MM-DD: " + r.indicator_date);
    const auto meetings = follow_up_meetings(db);
    if (std::none_of(meetings.begin(), meetings.end(), [&](auto& m) { return m.id == r.meeting_id; }))
        throw std::invalid_argument("no follow-up meeting " + std::to_string(r.meeting_id));
    // The CHECK constraints refuse an unknown light or decision.
    db.run(std::string("INSERT INTO follow_up_record(id, ") + kRecordColumns +
               ") VALUES (kartla_key(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id, measure_id) DO UPDATE SET "
               "status = excluded.status, light = excluded.light, light_comment = excluded.light_comment, "
               "indicator_value = excluded.indicator_value, indicator_date = excluded.indicator_date, "
               "indicator_source = excluded.indicator_source, decision = excluded.decision, "
               "decision_note = excluded.decision_note",
           r.meeting_id, r.measure_id, r.status, r.light, r.light_comment, r.indicator_value, r.indicator_date,
           r.indicator_source, r.decision, r.decision_note);
}

}  // namespace kartla::follow_up
