#include "model/entities.hpp"

#include "model/store.hpp"

#include <string>

namespace kartla::actor_map {

std::vector<kartla::Entity> actor_entities(kartla::Database& db) {
    Snapshot snapshot = load(db);
    std::vector<kartla::Entity> out;
    out.reserve(snapshot.actors.size());
    for (const auto& actor : snapshot.actors) {
        const ActorType* type = snapshot.type(actor.type_id);
        out.push_back({"actor",
                       actor.id,
                       actor.name,
                       {{"type", type ? type->key : "other"},
                        {"type_label", type ? type->label : ""},
                        {"contact_role", actor.contact_role}}});
    }
    return out;
}

std::vector<kartla::Entity> relation_entities(kartla::Database& db) {
    Snapshot snapshot = load(db);
    std::vector<kartla::Entity> out;
    out.reserve(snapshot.relations.size());
    for (const auto& relation : snapshot.relations) {
        const Actor* from = snapshot.actor(relation.from);
        const Actor* to = snapshot.actor(relation.to);
        std::string label = (from ? from->name : "?") + " → " + (to ? to->name : "?");
        out.push_back({"relation",
                       relation.id,
                       label,
                       {{"from_actor_id", std::to_string(relation.from)},
                        {"to_actor_id", std::to_string(relation.to)},
                        {"type", relation.type},
                        {"strength", std::to_string(relation.strength)}}});
    }
    return out;
}

}  // namespace kartla::actor_map
