#include "theme.hpp"

#include <imgui.h>

namespace kartla::gui {

void apply_theme(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 20;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.05f, 0.05f, 0.08f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.62f, 0.75f, 0.93f, 1);
    c[ImGuiCol_TitleBg] = ImVec4(0.75f, 0.80f, 0.88f, 1);
    c[ImGuiCol_Border] = ImVec4(0.55f, 0.57f, 0.62f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Button] = ImVec4(0.82f, 0.87f, 0.95f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.68f, 0.78f, 0.93f, 1);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 0.95f, 1);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace kartla::gui
