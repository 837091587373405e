#include "theme.hpp"

#include <imgui.h>

namespace kartla::gui {

namespace {

void apply_light(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
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
}

void apply_dark(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    // Near-white text on near-black: the contrast a dim room or a bright LCD needs.
    c[ImGuiCol_Text] = ImVec4(0.96f, 0.96f, 0.94f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.70f, 0.70f, 0.70f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.09f, 0.10f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0.08f, 0.09f, 0.10f, 1);
    c[ImGuiCol_PopupBg] = ImVec4(0.12f, 0.13f, 0.15f, 1);
    c[ImGuiCol_Border] = ImVec4(0.50f, 0.52f, 0.56f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.18f, 0.21f, 1);
    c[ImGuiCol_Button] = ImVec4(0.20f, 0.32f, 0.50f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.42f, 0.64f, 1);
    c[ImGuiCol_Header] = ImVec4(0.22f, 0.34f, 0.52f, 1);
}

}  // namespace

void apply_theme(float scale, const std::string& theme) {
    ImGuiStyle style;
    if (theme == "dark") apply_dark(style);
    else apply_light(style);
    style.WindowRounding = 4;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 20;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace kartla::gui
