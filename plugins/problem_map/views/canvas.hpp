#pragma once
// The pan/zoom transform of a canvas (the board, the cause tree). Owned by the
// view; world units are pixels at 100 % zoom and the base text size.
#include <imgui.h>

namespace kartla::problem_map::views {

struct Canvas {
    ImVec2 pan{0, 0};     // the world point at the canvas's top-left corner
    float zoom = 1.0f;
    ImVec2 origin{0, 0};  // screen position of the canvas, set every frame
    ImVec2 size{0, 0};
    float font_scale = 1.0f;  // GetFontSize() / 20: the host's text zoom

    static constexpr float kMinZoom = 0.08f, kMaxZoom = 4.0f;

    float scale() const { return zoom * font_scale; }
    ImVec2 to_screen(ImVec2 world) const {
        return ImVec2(origin.x + (world.x - pan.x) * scale(), origin.y + (world.y - pan.y) * scale());
    }
    ImVec2 to_world(ImVec2 screen) const {
        return ImVec2(pan.x + (screen.x - origin.x) / scale(), pan.y + (screen.y - origin.y) / scale());
    }
    ImVec2 world_center() const { return to_world(ImVec2(origin.x + size.x / 2, origin.y + size.y / 2)); }
    // Zooms by `factor`, keeping the world point under `screen` where it is.
    void zoom_at(ImVec2 screen, float factor);
    void pan_by_screen(ImVec2 delta);
    // Shows the world rectangle [min, max] whole, with a margin.
    void fit(ImVec2 min, ImVec2 max);
    // Arrow keys pan, + and - zoom (without Ctrl, which is the host's text size). Returns true if used.
    bool handle_keys();
    // The wheel zooms around the mouse when the canvas is hovered.
    void handle_wheel();
};

}  // namespace kartla::problem_map::views
