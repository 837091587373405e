#pragma once
// The SDK: a plugin's part of the sample workshop (Host::add_sample_loader).
#include "kartla/workshop.hpp"

#include <nlohmann/json_fwd.hpp>

#include <functional>

namespace kartla {

// Builds this plugin's part of the sample workshop from its folder's sample.json (staged as share/kartla/samples/<plugin id>.json),
// through the same edit paths a user takes. Parts load in ascending `order`, so a
// part can refer (by label, through Host::entities) to entities of an earlier one:
// problems 10, actors 20, measures 30, meeting and follow-up material 40.
struct SampleSpec {
    int order = 50;
    std::function<void(Workshop&, const nlohmann::json&)> load;
};

}  // namespace kartla
