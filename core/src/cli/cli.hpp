#pragma once
// The command line, sharing the core with the GUI but opening no window.
#include "kartla/api.hpp"
#include "host/runtime.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace kartla::cli {

struct Outcome {
    int exit_code = 0;
    bool open_gui = false;
    std::string gui_file;  // may be empty: start without a workshop
    PluginStartOptions plugins;  // --safe-mode, --disable-plugin, --retry-plugin: for the window too
};

// argv without the program name. Writes results to out and errors (one line) to err.
KARTLA_API Outcome run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kartla::cli
