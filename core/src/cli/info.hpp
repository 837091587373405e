#pragma once
#include "host/runtime.hpp"

#include <nlohmann/json.hpp>

namespace kartla {
// What `kartla info` prints: title, schema version, plugins and entity counts.
KARTLA_API nlohmann::json workshop_info(Runtime& runtime);
}  // namespace kartla
