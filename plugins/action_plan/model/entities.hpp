#pragma once
// The "measure" entity other plugins may reference:
// {kind "measure", id, label = title, attributes status, light, due, start,
// owner_actor_id, goal, indicator, baseline, status_log}; see the README.
#include "kartla/plugin_api.hpp"

#include <vector>

namespace kartla::action_plan {

std::vector<kartla::Entity> measure_entities(kartla::Workshop& workshop);

}  // namespace kartla::action_plan
