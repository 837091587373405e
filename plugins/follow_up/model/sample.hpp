#pragma once
#include "follow_up.hpp"

#include <nlohmann/json_fwd.hpp>

namespace kartla::follow_up {

// Loads plugins/follow_up/sample.json: the follow-up meetings with their records
// (and, for an earlier meeting, how measures stood then: `as_it_was`).
// Measures are found by title among the published ones; unknown titles are skipped.
void load_sample(kartla::Workshop& workshop, const nlohmann::json& sample, const EntitySource& source);

}  // namespace kartla::follow_up
