#pragma once
#include "kartla/api.hpp"

#include <imgui.h>

#include <string>

namespace kartla::ui {
inline constexpr float kBaseFontPixels = 20.0f;  // at 100 %: readable from the back of a meeting room

// Rebuilds the font atlas of the current ImGui context at base size × scale
// from DejaVu Sans (Swedish glyphs). Falls back to ImGui's built-in font and
// returns a message when the TTF is missing. The renderer must re-upload the atlas.
KARTLA_API std::string build_fonts(float scale);

// The chrome (menu bar, view bar, status line) never takes more than this text size
// when the screen is short for the text (fewer than kCompactLines lines of it): at
// 300 % on 1080 lines, or 200 % on 720, full-size chrome left a table two rows.
inline constexpr float kChromeScaleCap = 1.5f;
inline constexpr float kCompactLines = 24.0f;

// Whether the chrome is drawn compact now: the screen holds fewer than kCompactLines
// lines of the content's text and the text is larger than the chrome's cap.
KARTLA_API bool compact_chrome();

// Draws what is inside it in the chrome's text size (nothing changes when not compact).
class KARTLA_API ChromeText {
public:
    ChromeText();
    ~ChromeText();
    ChromeText(const ChromeText&) = delete;
    ChromeText& operator=(const ChromeText&) = delete;

private:
    bool pushed_ = false;
};

// The height of a frame (a menu bar, a button) in the chrome's text size.
KARTLA_API float chrome_frame_height();
}  // namespace kartla::ui
