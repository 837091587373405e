#pragma once
// The SDK: the commands a plugin adds to the palette and the menus (Host::add_command).
#include <functional>
#include <string>

namespace kartla {

struct Shortcut {
    int key = 0;  // a kartla::keys code; 0: no shortcut
    bool ctrl = false;
    bool shift = false;
};

struct CommandSpec {
    std::string key;    // "problem_map.new_card"
    std::string label;  // English msgid
    Shortcut shortcut;
    std::function<void()> run;
    std::function<bool()> enabled;  // may be empty: always enabled
};

}  // namespace kartla
