#pragma once
// The plugin's tables, as forward migrations (one transaction each, applied by the core).
#include <string>
#include <vector>

namespace kartla::actor_map {

const std::vector<std::string>& migrations();

}  // namespace kartla::actor_map
