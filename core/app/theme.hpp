#pragma once
namespace kartla::gui {
// A light, high-contrast look that stays readable on a washed-out projector.
void apply_theme(float scale);
}  // namespace kartla::gui
