#include "ui/widgets/top_strip.hpp"

#include <cfloat>

namespace kartla::ui {

void begin_top_strip(const char* id, ImVec2 origin, float width, ImVec4 background, ImVec4 text) {
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
}

float end_top_strip() {
    ImGui::PopTextWrapPos();
    float height = ImGui::GetWindowHeight();
    ImGui::End();
    ImGui::PopStyleColor(2);
    return height;
}

}  // namespace kartla::ui
