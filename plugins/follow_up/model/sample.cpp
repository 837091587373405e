#include "sample.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace follow_up {

namespace cd = kartla::core_data;

void load_sample(kartla::Workshop& workshop, const nlohmann::json& sample, const EntitySource& source) {
    const auto& m = sample.at("meeting");
    std::int64_t meeting_id = 0;
    auto check = [](const kartla::EditResult& r) {
        if (!r) throw std::runtime_error(r.message);
    };
    check(workshop.edit("Start follow-up meeting", [&](Database& db) {
        meeting_id = start_meeting(db,
                                   {0, "follow_up", m.at("title").get<std::string>(), m.at("date").get<std::string>(),
                                    m.value("place", ""), m.value("notes", "")},
                                   source);
        // Who attended: every participant of the listed organisations.
        const auto organisations = m.value("organisations", std::vector<std::string>{});
        for (const auto& p : cd::participants(db))
            for (const auto& o : organisations)
                if (p.organisation == o) cd::set_attended(db, meeting_id, p.id, true);
    }));
    const auto measures = source("measure");
    for (const auto& item : sample.at("records")) {
        const std::string title = item.at("measure").get<std::string>();
        for (const auto& measure : measures) {
            if (measure.label != title) continue;
            Record r{meeting_id,
                     measure.id,
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
}

}  // namespace follow_up
