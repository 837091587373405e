#pragma once
// The core's own tables. Each entry is one forward migration; entry i takes
// user_version from i to i + 1. Never edit a shipped entry: append a new one.
#include <cstdint>
#include <string>
#include <vector>

namespace kartla::core_schema {
const std::vector<std::string>& migrations();
}
