#include "fields.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::problem_map::views {

void caption(const char* text) { ImGui::TextUnformatted(text); }

std::string card_title_key(std::int64_t card) { return fmt::format("problem_map.card.{}.title", card); }

void text_field(const char* label, const char* probe, const std::string& stored, Editor& editor, const Commit& commit,
                float multiline_lines, const std::string& key) {
    if (label && *label) caption(label);
    std::string hidden_label = fmt::format("##{}", probe ? probe : label);
    ImGui::SetNextItemWidth(-1);
    ui::text_field(hidden_label.c_str(), stored, editor, commit, {.lines = multiline_lines, .probe = probe ? probe : "", .key = key});
}

bool choice_row(const char* id, int& value, const std::vector<const char*>& labels, const char* probe) {
    ImGui::PushID(id);
    bool changed = false;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) ui::same_line_if_fits(ui::button_width(labels[i]));
        bool chosen = value == int(i);
        if (chosen) {  // white on dark blue in every state, so the choice reads from afar
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.16f, 0.39f, 0.78f, 1));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.12f, 0.33f, 0.70f, 1));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.10f, 0.28f, 0.62f, 1));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        ImGui::PushID(int(i));
        if (ImGui::Button(labels[i]) && !chosen) {
            value = int(i);
            changed = true;
        }
        if (probe) ui::mark_item(fmt::format("{}.{}", probe, i));
        ImGui::PopID();
        if (chosen) ImGui::PopStyleColor(4);
    }
    ImGui::PopID();
    return changed;
}

bool flag_row(const char* id, int& bits, const std::vector<const char*>& labels, const char* probe) {
    ImGui::PushID(id);
    bool changed = false;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) {
            float next = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + ImGui::GetFrameHeight() +
                         ImGui::CalcTextSize(labels[i]).x + ImGui::GetStyle().ItemInnerSpacing.x;
            if (next < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
        }
        bool on = (bits >> i) & 1;
        ImGui::PushID(int(i));
        if (ImGui::Checkbox(labels[i], &on)) {
            bits = on ? (bits | (1 << i)) : (bits & ~(1 << i));
            changed = true;
        }
        if (probe) ui::mark_item(fmt::format("{}.{}", probe, i));
        ImGui::PopID();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace kartla::problem_map::views
