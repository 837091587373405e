#include "sample.hpp"

#include "edits.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace kartla::follow_up {

namespace cd = kartla::core_data;

namespace {

void check(const kartla::EditResult& r) {
    if (!r) throw std::runtime_error(r.message);
}

const Entity* measure_titled(const std::vector<Entity>& measures, const std::string& title) {
    for (const auto& m : measures)
        if (m.label == title) return &m;
    return nullptr;
}

// The sample's earlier meeting took its snapshot months ago: `as_it_was` puts
// back how a measure stood then (other attributes, or not there yet), so
// "since the last meeting" shows the changes the sample tells of.
void backdate_snapshot(Database& db, std::int64_t meeting_id, const nlohmann::json& as_it_was,
                       const std::vector<Entity>& measures) {
    for (const auto& item : as_it_was) {
        const Entity* measure = measure_titled(measures, item.at("measure").get<std::string>());
        if (!measure) continue;
        if (item.value("absent", false)) {
            db.run("DELETE FROM follow_up_snapshot WHERE meeting_id = ? AND kind = 'measure' AND entity_id = ?", meeting_id,
                   measure->id);
            continue;
        }
        nlohmann::json attributes(measure->attributes);
        for (const auto& [key, value] : item.at("attributes").items()) attributes[key] = value;
        db.run("UPDATE follow_up_snapshot SET attributes = ? WHERE meeting_id = ? AND kind = 'measure' AND entity_id = ?",
               attributes.dump(), meeting_id, measure->id);
    }
}

void load_meeting(kartla::Workshop& workshop, const nlohmann::json& m, const EntitySource& source) {
    const auto measures = source("measure", nullptr);
    std::int64_t meeting_id = 0;
    check(workshop.edit("Start follow-up meeting", [&](Database& db) {
        meeting_id = start_meeting(db,
                                   {0, "follow_up", m.at("title").get<std::string>(), m.at("date").get<std::string>(),
                                    m.value("place", ""), m.value("notes", "")},
                                   source);
        backdate_snapshot(db, meeting_id, m.value("as_it_was", nlohmann::json::array()), measures);
        // Who attended: every participant of the listed organisations.
        const auto organisations = m.value("organisations", std::vector<std::string>{});
        for (const auto& p : cd::participants(db))
            for (const auto& o : organisations)
                if (p.organisation == o) cd::set_attended(db, meeting_id, p.id, true);
    }));
    for (const auto& item : m.at("records")) {
        const Entity* measure = measure_titled(measures, item.at("measure").get<std::string>());
        if (!measure) continue;
        Record r{meeting_id,
                 measure->id,
                 item.value("status", ""),
                 item.value("light", ""),
                 item.value("light_comment", ""),
                 item.value("indicator_value", ""),
                 item.value("indicator_date", ""),
                 item.value("indicator_source", ""),
                 item.value("decision", ""),
                 item.value("decision_note", "")};
        check(workshop.edit("Record follow-up", [&](Database& db) { save_record(db, r); }));
    }
}

}  // namespace

void load_sample(kartla::Workshop& workshop, const nlohmann::json& sample, const EntitySource& source) {
    for (const auto& meeting : sample.at("meetings")) load_meeting(workshop, meeting, source);
}

}  // namespace kartla::follow_up
