// kartla: the command line decides whether a window is needed at all.
#include "cli/cli.hpp"
#include "gui.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto outcome = kartla::cli::run(args, std::cout, std::cerr);
    if (!outcome.open_gui) return outcome.exit_code;
    return kartla::gui::run(outcome.gui_file, outcome.plugins);
}
