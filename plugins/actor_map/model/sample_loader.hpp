#pragma once
// Builds the actor part of the sample workshop (plugins/actor_map/sample.json)
// through the same store functions the views use, one edit per item.
#include "kartla/plugin_api.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace kartla::actor_map {

struct SampleReport {
    std::vector<std::string> missing_problems;  // titles in the sample that no loaded plugin publishes
};

// `problems`: the "problem" entities published so far (matched by title).
// Throws std::runtime_error when an edit fails or the sample refers to an unknown actor.
SampleReport load_sample(kartla::Workshop& workshop, const nlohmann::json& sample,
                         const std::vector<kartla::Entity>& problems);

}  // namespace kartla::actor_map
