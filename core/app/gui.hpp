#pragma once
#include "host/runtime.hpp"

#include <string>

namespace kartla::gui {
// Opens the window; `file` is opened, or created when it does not exist.
int run(const std::string& file, const PluginStartOptions& plugins);
}  // namespace kartla::gui
