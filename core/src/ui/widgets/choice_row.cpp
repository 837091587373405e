// Rows of items that wrap where the window is narrow (kartla/widgets.hpp: radio_in_row).
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <imgui.h>

namespace kartla::ui {

void same_line_if_fits(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool radio_in_row(const char* label, bool active) {
    const ImGuiStyle& style = ImGui::GetStyle();
    // ImGui's radio button: a circle a frame high, the inner spacing, then the label.
    same_line_if_fits(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x);
    return ImGui::RadioButton(label, active);
}

}  // namespace kartla::ui
