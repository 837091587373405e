#include "views/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace kartla::actor_map::views {

ImU32 colour(Rgb rgb, float alpha) { return IM_COL32(rgb.r, rgb.g, rgb.b, int(alpha * 255)); }

ImVec2 PanZoom::to_screen(Point p) const {
    return ImVec2(origin.x + canvas_size.x / 2 + pan.x + float(p.x) * scale(),
                  origin.y + canvas_size.y / 2 + pan.y + float(p.y) * scale());
}

Point PanZoom::to_world(ImVec2 s) const {
    return {(s.x - origin.x - canvas_size.x / 2 - pan.x) / scale(), (s.y - origin.y - canvas_size.y / 2 - pan.y) / scale()};
}

void PanZoom::zoom_at(ImVec2 screen, float factor) {
    Point before = to_world(screen);
    zoom = std::clamp(zoom * factor, 0.15f, 4.0f);
    ImVec2 after = to_screen(before);
    pan.x += screen.x - after.x;
    pan.y += screen.y - after.y;
}

namespace {

// Liang-Barsky: cuts the segment to the rectangle; false when nothing is left.
bool clip_segment(ImVec2& a, ImVec2& b, ImVec2 min, ImVec2 max) {
    float t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy};
    const float q[4] = {a.x - min.x, max.x - a.x, a.y - min.y, max.y - a.y};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        float t = q[i] / p[i];
        if (p[i] < 0) t0 = std::max(t0, t);
        else t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    ImVec2 start(a.x + dx * t0, a.y + dy * t0), end(a.x + dx * t1, a.y + dy * t1);
    a = start, b = end;
    return true;
}

}  // namespace

void dashed_line(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 col, float thickness, float dash, float gap) {
    // Only the visible part is dashed: a zoomed-in link can be many screens long,
    // and every dash costs vertices.
    ImVec2 full_a = a;
    ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
    float pad = thickness + dash;
    if (!clip_segment(a, b, ImVec2(clip_min.x - pad, clip_min.y - pad), ImVec2(clip_max.x + pad, clip_max.y + pad))) return;
    // Keep the dash pattern anchored at the real start, so it does not crawl while panning.
    float period = dash + gap, skipped = std::sqrt((a.x - full_a.x) * (a.x - full_a.x) + (a.y - full_a.y) * (a.y - full_a.y));
    float phase = std::fmod(skipped, period);
    float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f) return;
    dx /= len, dy /= len;
    for (float t = -phase; t < len; t += period) {
        float s = std::max(t, 0.0f), e = std::min(t + dash, len);
        if (e > s) list->AddLine(ImVec2(a.x + dx * s, a.y + dy * s), ImVec2(a.x + dx * e, a.y + dy * e), col, thickness);
    }
}

void dashed_rect(ImDrawList* list, ImVec2 min, ImVec2 max, ImU32 col, float thickness) {
    float dash = thickness * 3, gap = thickness * 2;
    dashed_line(list, min, ImVec2(max.x, min.y), col, thickness, dash, gap);
    dashed_line(list, ImVec2(max.x, min.y), max, col, thickness, dash, gap);
    dashed_line(list, max, ImVec2(min.x, max.y), col, thickness, dash, gap);
    dashed_line(list, ImVec2(min.x, max.y), min, col, thickness, dash, gap);
}

void arrow_head(ImDrawList* list, ImVec2 from, ImVec2 tip, ImU32 col, float thickness) {
    float dx = tip.x - from.x, dy = tip.y - from.y, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f) return;
    dx /= len, dy /= len;
    float length = 8 + thickness * 2.5f, half = 4 + thickness * 1.2f;
    ImVec2 base(tip.x - dx * length, tip.y - dy * length);
    list->AddTriangleFilled(tip, ImVec2(base.x - dy * half, base.y + dx * half), ImVec2(base.x + dy * half, base.y - dx * half),
                            col);
}

ImVec2 box_exit(ImVec2 centre, ImVec2 half, ImVec2 toward) {
    float dx = toward.x - centre.x, dy = toward.y - centre.y;
    if (std::abs(dx) < 1e-6f && std::abs(dy) < 1e-6f) return centre;
    float tx = dx != 0 ? half.x / std::abs(dx) : 1e30f, ty = dy != 0 ? half.y / std::abs(dy) : 1e30f;
    float t = std::min({tx, ty, 1.0f});
    return ImVec2(centre.x + dx * t, centre.y + dy * t);
}

void draw_node(ImDrawList* list, ImVec2 c, Size size, const std::vector<std::string>& lines, float scale,
               const NodeStyle& style) {
    ImVec2 half(float(size.width) * scale / 2, float(size.height) * scale / 2);
    ImVec2 min(c.x - half.x, c.y - half.y), max(c.x + half.x, c.y + half.y);
    float rounding = 8 * scale;
    if (style.highlight) {
        float pad = 5 * scale;
        list->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), style.highlight, rounding + pad,
                      0, std::max(3.0f, 4 * scale));
    }
    list->AddRectFilled(min, max, style.fill, rounding);
    if (style.dashed_outline) dashed_rect(list, min, max, style.outline, style.outline_width);
    else list->AddRect(min, max, style.outline, rounding, 0, style.outline_width);
    float font_size = float(kNodeFont) * scale;
    if (font_size < 5) return;  // unreadably small: boxes only
    ImFont* font = ImGui::GetFont();
    float line_h = float(kNodeLineHeight) * scale;
    float top = c.y - line_h * float(lines.size()) / 2 + (line_h - font_size) / 2;
    // A line the canvas's edge cuts is left out: its remnant ("ger…") reads as a word of its own.
    const ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const char* text = lines[i].c_str();
        ImVec2 extent = font->CalcTextSizeA(font_size, 1e9f, 0, text);
        ImVec2 at(c.x - extent.x / 2, top + line_h * float(i));
        if (at.x < clip_min.x || at.y < clip_min.y || at.x + extent.x > clip_max.x || at.y + extent.y > clip_max.y) continue;
        list->AddText(font, font_size, at, IM_COL32(25, 25, 25, 255), text);
    }
}

bool tool_button(const char* label, bool active) {
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_Text]);
    }
    bool pressed = ImGui::Button(label, ImVec2(0, ImGui::GetFrameHeight() * 1.3f));
    if (active) ImGui::PopStyleColor(2);
    return pressed;
}

}  // namespace kartla::actor_map::views
