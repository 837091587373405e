#include "layout_file.hpp"

#include "kartla/widgets.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

namespace kartla::gui {

LayoutFile::LayoutFile() {
    if (const char* path = std::getenv("KARTLA_LAYOUT_FILE"); path && *path) path_ = path;
    if (enabled()) ui::set_probes_enabled(true);
}

void LayoutFile::begin_frame() const {
    if (enabled()) ui::clear_probes();
}

void LayoutFile::write(ui::Shell& shell, const ui::Settings& settings, int window_width, int window_height) {
    if (!enabled()) return;
    std::vector<std::string> lines;
    ui::for_each_probe([&](const std::string& key, ImVec2 min, ImVec2 max) {
        lines.push_back(fmt::format("probe {} {:.0f} {:.0f} {:.0f} {:.0f}", key, min.x, min.y, max.x, max.y));
    });
    std::sort(lines.begin(), lines.end());
    std::string text = fmt::format("state window {} {}\nstate text_scale {:.2f}\nstate presenting {}\nstate view {}\n",
                                   window_width, window_height, settings.text_scale, shell.presenting() ? 1 : 0,
                                   shell.stage().current());
    for (const auto& line : lines) text += line + "\n";
    if (text == last_) return;
    last_ = text;
    // Written aside and renamed, so a test never reads half a file.
    std::string temporary = path_ + ".tmp";
    {
        std::ofstream out(temporary);
        out << text;
    }
    std::rename(temporary.c_str(), path_.c_str());
}

}  // namespace kartla::gui
