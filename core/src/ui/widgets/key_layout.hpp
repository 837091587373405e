#pragma once
// The host's side of kartla/keys.hpp: the keyboard layout of the window, which
// the window reports for the current ImGui context (host/context_data.hpp), through
// `character_of` (a key code to a Unicode code point, upper case for letters; 0
// for keys that type nothing). Empty: a printable key types its own code.
#include "kartla/api.hpp"

#include <functional>

namespace kartla::keys {

KARTLA_API void set_layout(std::function<int(int key)> character_of);

// GLFW's codes name a key's place on a US keyboard, not what it types: on a
// Swedish keyboard "+" is the key a US one has "-" on, on a German one Z and Y
// trade places. Shortcuts therefore match the character the key types on the
// user's layout, which the host reports (set_layout).
// Without one (headless tests) a printable key types its own code.
KARTLA_API int character_of(int key);

// A shortcut as plugins declare it (Shortcut{key, ctrl, shift}): printable keys
// (letters, digits) by the character they type, the others (F5, Delete, the
// keypad) by key code; Ctrl and Shift as given.
KARTLA_API bool chord_pressed(int key, bool ctrl, bool shift = false);

}  // namespace kartla::keys
