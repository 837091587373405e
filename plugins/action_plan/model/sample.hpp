#pragma once
// Builds the action-plan part of the sample workshop from
// plugins/action_plan/sample.json through the same model functions the views
// use. Problems, causes and actors are referred to by label; labels that no
// loaded plugin publishes are skipped, so the sample also loads alone.
#include "plan.hpp"

#include <nlohmann/json_fwd.hpp>

namespace kartla::action_plan {

void load_sample(kartla::Workshop& workshop, const nlohmann::json& sample, const EntitySource& source);

}  // namespace kartla::action_plan
