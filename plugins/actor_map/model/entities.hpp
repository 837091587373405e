#pragma once
// What the actor map publishes for other plugins (the action plan's owners and partners):
//   "actor"    {type (a stable type key), type_label, contact_role}
//   "relation" {from_actor_id, to_actor_id, type, strength}
#include "kartla/plugin_api.hpp"

#include <vector>

namespace kartla::actor_map {

std::vector<kartla::Entity> actor_entities(kartla::Database& db);
std::vector<kartla::Entity> relation_entities(kartla::Database& db);

}  // namespace kartla::actor_map
