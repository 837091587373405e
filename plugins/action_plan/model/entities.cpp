#include "entities.hpp"

#include "measure.hpp"
#include "plan.hpp"

namespace action_plan {

std::vector<kartla::Entity> measure_entities(kartla::Workshop& workshop) {
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
                        {"owner_actor_id", m.owner_id ? std::to_string(m.owner_id) : std::string()}}});
    }
    return out;
}

}  // namespace action_plan
