// kartla: the command line decides whether a window is needed at all.
#include "audit/audit_main.hpp"
#include "cli/cli.hpp"
#include "gui.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    // The layout audit draws with the window's own theme, which lives with the window.
    if (!args.empty() && args[0] == "audit-layout") return kartla::audit::audit_layout_command(args, std::cout, std::cerr);
    auto outcome = kartla::cli::run(args, std::cout, std::cerr);
    if (!outcome.open_gui) return outcome.exit_code;
    return kartla::gui::run(outcome.gui_file, outcome.plugins);
}
