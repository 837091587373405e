#pragma once
// A strip across the top of the window, full width, as tall as its content: the
// file banner and the missing-parts notice. Between begin and end the caller
// draws its text (wrapped at the strip's width); end returns the strip's height,
// which the stage below gives up.
#include <imgui.h>

namespace kartla::ui {

void begin_top_strip(const char* id, ImVec2 origin, float width, ImVec4 background, ImVec4 text);
float end_top_strip();

}  // namespace kartla::ui
