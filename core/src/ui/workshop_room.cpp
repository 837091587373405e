// The workshop panel drawn for the room (the room view, presentation mode): what
// the meeting is and who takes part, read from the back of the room; no fields.
#include "workshop_panel.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace kartla::ui {

bool WorkshopPanel::draw_room() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop) return false;
    reload_if_changed(*workshop);
    auto meta = [&](std::string_view key) -> const std::string& {
        static const std::string none;
        for (std::size_t i = 0; i < core_data::kMetaKeys.size() && i < meta_.size(); ++i)
            if (core_data::kMetaKeys[i] == key) return meta_[i];
        return none;
    };
    ImGui::SetWindowFontScale(1.4f);
    ImGui::TextWrapped("%s", meta("title").c_str());
    ImGui::SetWindowFontScale(1.0f);
    std::string line;
    for (auto key : {"organisation", "date", "place"})
        if (!meta(key).empty()) line += (line.empty() ? "" : "  ·  ") + meta(key);
    if (!line.empty()) ImGui::TextWrapped("%s", line.c_str());
    if (!meta("purpose").empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", meta("purpose").c_str());
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextDisabled("%s (%zu)", runtime_.translate("Participants"), participants_.size());
    // Two columns of roles and organisations, wrapped rather than cut.
    if (!participants_.empty() && ImGui::BeginTable("##room_participants", 2, ImGuiTableFlags_SizingStretchSame)) {
        for (const auto& p : participants_) {
            ImGui::TableNextColumn();
            std::string who = p.organisation.empty() ? p.role : fmt::format("{}, {}", p.role, p.organisation);
            ImGui::TextWrapped("%s", who.c_str());
        }
        ImGui::EndTable();
    }
    mark_item("core.room.workshop");
    return true;
}

}  // namespace kartla::ui
