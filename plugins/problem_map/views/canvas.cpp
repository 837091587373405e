#include "canvas.hpp"

#include "kartla/keys.hpp"

#include <algorithm>
#include <cmath>

namespace kartla::problem_map::views {

void Canvas::zoom_at(ImVec2 screen, float factor) {
    ImVec2 anchor = to_world(screen);
    zoom = std::clamp(zoom * factor, kMinZoom, kMaxZoom);
    pan = ImVec2(anchor.x - (screen.x - origin.x) / scale(), anchor.y - (screen.y - origin.y) / scale());
}

void Canvas::pan_by_screen(ImVec2 delta) {
    pan.x -= delta.x / scale();
    pan.y -= delta.y / scale();
}

void Canvas::fit(ImVec2 min, ImVec2 max) {
    if (size.x <= 0 || size.y <= 0) return;
    float margin = 40.0f;
    float w = std::max(max.x - min.x, 1.0f) + margin * 2, h = std::max(max.y - min.y, 1.0f) + margin * 2;
    zoom = std::clamp(std::min(size.x / w, size.y / h) / font_scale, kMinZoom, 1.5f);
    ImVec2 center((min.x + max.x) / 2, (min.y + max.y) / 2);
    pan = ImVec2(center.x - size.x / 2 / scale(), center.y - size.y / 2 / scale());
}

bool Canvas::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt) return false;
    float step = ImGui::GetFontSize() * 3;
    bool used = true;
    ImVec2 center(origin.x + size.x / 2, origin.y + size.y / 2);
    if (ImGui::IsKeyPressed(keys::Left)) pan_by_screen(ImVec2(step, 0));
    else if (ImGui::IsKeyPressed(keys::Right)) pan_by_screen(ImVec2(-step, 0));
    else if (ImGui::IsKeyPressed(keys::Up)) pan_by_screen(ImVec2(0, step));
    else if (ImGui::IsKeyPressed(keys::Down)) pan_by_screen(ImVec2(0, -step));
    // By the character typed, so "+" zooms in on a Swedish keyboard too (keys.hpp).
    else if (keys::character_pressed('+', false) || keys::character_pressed('=', false)) zoom_at(center, 1.2f);
    else if (keys::character_pressed('-', false)) zoom_at(center, 1 / 1.2f);
    else used = false;
    return used;
}

void Canvas::handle_wheel() {
    float wheel = ImGui::GetIO().MouseWheel;
    if (wheel != 0.0f) zoom_at(ImGui::GetIO().MousePos, std::pow(1.15f, wheel));
}

}  // namespace kartla::problem_map::views
