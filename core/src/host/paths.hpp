#pragma once
#include "kartla/api.hpp"

#include <filesystem>

namespace kartla::paths {
KARTLA_API std::filesystem::path program_dir();    // the folder of the running executable
KARTLA_API std::filesystem::path asset_dir();      // fonts list, translations, samples
KARTLA_API std::filesystem::path user_data_dir();  // $XDG_DATA_HOME/kartla
KARTLA_API std::filesystem::path user_config_dir();  // $XDG_CONFIG_HOME/kartla
KARTLA_API std::filesystem::path safe_start_dir();   // user_config_dir()/safe-start: plugin start markers
}  // namespace kartla::paths
