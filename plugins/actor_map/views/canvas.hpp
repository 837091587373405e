#pragma once
// Drawing helpers shared by the grid and the network canvas.
#include "model/actor_types.hpp"
#include "model/layout.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace kartla::actor_map::views {

ImU32 colour(Rgb rgb, float alpha = 1.0f);

// World (network units) <-> screen, owned by a view: pan and zoom.
struct PanZoom {
    ImVec2 origin;           // screen position of the canvas' top-left corner
    ImVec2 pan{0, 0};        // screen offset of the world origin from the canvas centre
    ImVec2 canvas_size{1, 1};
    float zoom = 1.0f;       // user zoom
    float unit = 1.0f;       // pixels per world unit at zoom 1 (follows the text size)

    float scale() const { return zoom * unit; }
    ImVec2 to_screen(Point p) const;
    Point to_world(ImVec2 s) const;
    // Zooms by `factor` keeping the world point under `screen` in place.
    void zoom_at(ImVec2 screen, float factor);
};

void dashed_line(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash, float gap);
void dashed_rect(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 col, float thickness);
void arrow_head(ImDrawList* list, ImVec2 from, ImVec2 tip, ImU32 col, float thickness);
// Where the segment from a box centre towards `toward` leaves the box.
ImVec2 box_exit(ImVec2 centre, ImVec2 half, ImVec2 toward);

struct NodeStyle {
    ImU32 fill = 0;
    ImU32 outline = 0;
    float outline_width = 1.0f;
    bool dashed_outline = false;
    ImU32 highlight = 0;  // a second, outer ring (selection); 0: none
};

// A rounded box with the label lines centred in it; `scale` = pixels per world unit.
void draw_node(ImDrawList* list, ImVec2 centre, Size size, const std::vector<std::string>& lines, float scale,
               const NodeStyle& style);

// A toolbar button that stays lit while its mode is on.
bool tool_button(const char* label, bool active);

}  // namespace kartla::actor_map::views
