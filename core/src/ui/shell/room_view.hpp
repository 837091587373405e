#pragma once
// The room view: what the projector shows while the facilitator keeps the
// console on the laptop. It mirrors the main view on the facilitator's stage,
// the very picture the facilitator works on, selection included, so the room
// follows every step without a second copy of any plugin's state. The picture
// is scaled to fill the room's screen below a strip with the agenda step and
// its countdown, and marks show where the facilitator points and which control
// they work in (follow me). Only pictures cross over: the room's screen takes
// no input, so nothing is edited there by accident.
#include "kartla/api.hpp"

#include <imgui.h>

#include <vector>

namespace kartla::ui {

// The facilitator's main view as drawn this frame, in console coordinates.
struct MirroredView {
    std::vector<ImDrawList*> lists;  // the window and its child windows, back to front
    ImVec2 min{0, 0};
    ImVec2 size{0, 0};
    bool has_pointer = false;  // the facilitator's mouse is over the view
    ImVec2 pointer{0, 0};
    float font_pixels = 0;  // the console's text size when it drew the view
    bool has_focus = false;  // the control in use (a field being typed in), when it is not the whole view
    ImVec2 focus_min{0, 0};
    ImVec2 focus_max{0, 0};

    bool empty() const { return lists.empty() || size.x <= 0 || size.y <= 0; }
};

// Reads the window named `window_name` ("###key" is enough) from the current
// context after ImGui::Render(); the lists stay valid until its next NewFrame().
KARTLA_API MirroredView capture_view(const char* window_name);

// Where the mirrored view lands on the room's screen: one scale for both axes
// (nothing stretched), centred in the area left below the strip. With
// `least_pixels`, never so small that the console's text is drawn below it: the
// room then sees a part of the view (around where the facilitator works, else
// its top left) rather than all of it too small to read.
struct RoomLayout {
    float scale = 1;
    ImVec2 offset{0, 0};  // the room position of the view's top-left corner
    ImVec2 view_min{0, 0};
    bool mirror = true;  // false: the room shows its own drawing, not the console's picture

    ImVec2 to_room(ImVec2 console) const {
        return ImVec2(offset.x + (console.x - view_min.x) * scale, offset.y + (console.y - view_min.y) * scale);
    }
};
KARTLA_API RoomLayout fit_view(const MirroredView& view, ImVec2 area_min, ImVec2 area_size, float least_pixels = 0);

// Draw data that paints the mirrored lists at `layout` on a room screen of
// `room_size` (points) and `framebuffer_scale`. It points into `view`.
KARTLA_API ImDrawData mirror_draw_data(const MirroredView& view, const RoomLayout& layout, ImVec2 room_size,
                                       ImVec2 framebuffer_scale = ImVec2(1, 1));

// Follow me: a ring where the facilitator points and a frame round the control
// they work in, drawn in the current (room) context over everything.
KARTLA_API void draw_follow_marks(const MirroredView& view, const RoomLayout& layout);

// The room screen's text size (1.0 = 100 %), from its resolution and, when the
// system reports a plausible one, its physical size (0 mm: unknown).
KARTLA_API float room_text_scale(int width_px, int height_px, int width_mm, int height_mm);

}  // namespace kartla::ui
