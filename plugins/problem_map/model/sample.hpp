#pragma once
// Builds problem_map's part of the sample workshop (plugins/problem_map/sample.json)
// through the same edits the views use. The core sample (participants) is loaded first.
#include "kartla/workshop.hpp"

#include <nlohmann/json_fwd.hpp>

namespace kartla::problem_map {
void load_sample(Workshop& workshop, const nlohmann::json& sample);
}  // namespace kartla::problem_map
