#include "entities.hpp"

#include "measure.hpp"
#include "plan.hpp"

#include <map>

namespace kartla::action_plan {

namespace {

// One line per status change, oldest first: "2026-08-01 paused: Finansiering omprövas".
// Codes, not words, so the value is the same in every language; readers translate.
std::map<std::int64_t, std::string> status_logs(Database& db) {
    std::map<std::int64_t, std::string> out;
    for (const StatusChange& change : load_status_log(db)) {
        std::string& text = out[change.measure_id];
        if (!text.empty()) text += '\n';
        text += change.date + ' ' + change.to_status;
        if (!change.note.empty()) text += ": " + change.note;
    }
    return out;
}

}  // namespace

std::vector<kartla::Entity> measure_entities(kartla::Workshop& workshop) {
    auto logs = status_logs(workshop.db());
    std::vector<kartla::Entity> out;
    for (const Measure& m : load_measures(workshop.db())) {
        out.push_back({"measure",
                       m.id,
                       m.title,
                       {{"status", m.status},
                        {"status_label", status_msgid(m.status)},  // English msgids, for readers to translate
                        {"light", m.light},
                        {"light_label", light_msgid(m.light)},
                        {"due", m.due},
                        {"start", m.start},
                        {"owner_actor_id", m.owner_id ? std::to_string(m.owner_id) : std::string()},
                        {"goal", m.goal},
                        {"indicator", m.indicator},
                        {"baseline", m.baseline},
                        {"status_log", logs[m.id]}}});
    }
    return out;
}

}  // namespace kartla::action_plan
