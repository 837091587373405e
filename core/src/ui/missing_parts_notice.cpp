#include "missing_parts_notice.hpp"

#include "kartla/widgets.hpp"

#include <cfloat>

namespace kartla::ui {

float MissingPartsNotice::draw(Runtime& runtime, ImVec2 origin, float width) {
    Workshop* workshop = runtime.workshop();
    if (!workshop) return 0;
    if (workshop != workshop_ || workshop->revision() != revision_) {
        workshop_ = workshop;
        revision_ = workshop->revision();
        missing_ = runtime.missing_plugins(*workshop);
    }
    if (missing_.empty()) return 0;
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    // Calm, not the red of a file in danger: nothing is wrong with the file.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.93f, 0.70f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.20f, 0.15f, 0.0f, 1.0f));
    ImGui::Begin("###core.missing_plugins", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
    for (const auto& id : missing_) {
        ImGui::TextUnformatted(runtime.missing_plugin_notice(id).c_str());
        mark_item("core.missing_plugins." + id);
    }
    ImGui::PopTextWrapPos();
    float height = ImGui::GetWindowHeight();
    ImGui::End();
    ImGui::PopStyleColor(2);
    return height;
}

}  // namespace kartla::ui
