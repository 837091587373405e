#pragma once
#include "kartla/api.hpp"

#include <string>

namespace kartla::ui {
inline constexpr float kBaseFontPixels = 20.0f;  // at 100 %: readable from the back of a meeting room

// Rebuilds the font atlas of the current ImGui context at base size × scale
// from DejaVu Sans (Swedish glyphs). Falls back to ImGui's built-in font and
// returns a message when the TTF is missing. The renderer must re-upload the atlas.
KARTLA_API std::string build_fonts(float scale);
}  // namespace kartla::ui
