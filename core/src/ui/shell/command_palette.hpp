#pragma once
// Ctrl+K: find any command by (part of) its name in the current language and
// run it with Enter. The shell hands over the commands each time it opens.
#include "kartla/api.hpp"
#include "kartla/plugin_api.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::ui {

struct PaletteCommand {
    std::string label;     // translated
    std::string shortcut;  // "Ctrl+Z", may be empty
    std::function<void()> run;
    bool enabled = true;
};

// "Ctrl+Shift+Z", for menus and the palette.
KARTLA_API std::string shortcut_text(const Shortcut& shortcut);

// Lower case for matching: ASCII and the Latin-1 letters (Å Ä Ö É ...), in UTF-8.
KARTLA_API std::string fold_case(std::string_view utf8);
// The commands whose label contains every word of the query, in their order.
KARTLA_API std::vector<const PaletteCommand*> filter_commands(const std::vector<PaletteCommand>& commands,
                                                           std::string_view query);

class KARTLA_API CommandPalette {
public:
    void open(std::vector<PaletteCommand> commands);
    bool visible() const { return visible_; }
    void close() { visible_ = false; }
    // Draws the palette; runs the chosen command after closing it.
    void draw(const char* title, const char* no_match);
    const std::string& query() const { return query_; }

private:
    bool visible_ = false;
    bool focus_ = false;
    std::vector<PaletteCommand> commands_;
    std::string query_;
    char buffer_[256] = {};
    int selected_ = 0;
};

}  // namespace kartla::ui
