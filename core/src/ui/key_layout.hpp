#pragma once
// The host's side of kartla/keys.hpp: the keyboard layout of the window, which
// the window reports for the current ImGui context (host/context_data.hpp), through
// `character_of` (a key code to a Unicode code point, upper case for letters; 0
// for keys that type nothing). Empty: a printable key types its own code.
#include "kartla/api.hpp"

#include <functional>

namespace kartla::keys {

KARTLA_API void set_layout(std::function<int(int key)> character_of);

}  // namespace kartla::keys
