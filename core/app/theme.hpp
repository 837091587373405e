#pragma once
#include <string>
namespace kartla::gui {
// "light": a light, high-contrast look that stays readable on a washed-out
// projector (the default). "dark": for a dim room or a bright screen.
void apply_theme(float scale, const std::string& theme = "light");
}  // namespace kartla::gui
