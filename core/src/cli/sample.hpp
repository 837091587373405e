#pragma once
#include "kartla/api.hpp"
#include "host/runtime.hpp"

#include <filesystem>
#include <string>

namespace kartla {
// Writes the sample workshop to `out` (which must not exist) from the readable
// sources in assets/samples/, through the same edit paths a user's edits take.
// Returns an error message, or an empty string on success.
KARTLA_API std::string build_sample(Runtime& runtime, const std::filesystem::path& out);
// The core's part: metadata, participants and meetings.
KARTLA_API void load_core_sample(Workshop& workshop, const nlohmann::json& sample);
}  // namespace kartla
