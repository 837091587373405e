#include "common.hpp"

#include "kartla/widgets.hpp"

namespace kartla::action_plan::views {

ImU32 light_colour(std::string_view light) {
    if (light == "green") return IM_COL32(46, 160, 67, 255);
    if (light == "yellow") return IM_COL32(230, 185, 20, 255);
    if (light == "red") return IM_COL32(210, 45, 40, 255);
    return IM_COL32(150, 150, 150, 255);
}

ImU32 status_colour(std::string_view status) {
    if (status == "proposed") return IM_COL32(120, 130, 150, 255);
    if (status == "decided") return IM_COL32(44, 93, 138, 255);
    if (status == "in_progress") return IM_COL32(200, 130, 20, 255);
    if (status == "done") return IM_COL32(46, 140, 67, 255);
    if (status == "paused") return IM_COL32(140, 110, 160, 255);
    return IM_COL32(120, 120, 120, 255);  // cancelled
}

void light_dot(std::string_view light) {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(at.x + size * 0.5f, at.y + size * 0.5f);
    if (light.empty()) draw->AddCircle(centre, size * 0.35f, light_colour(light), 16, px(2));
    else draw->AddCircleFilled(centre, size * 0.4f, light_colour(light), 16);
}

void finding_badges(UiState& state, const Measure& measure, int lines) {
    // A fixed height, scrolling when there are more: the fields below never move
    // when a warning comes, goes or wraps, so a tap pressed before an edit and
    // released after it still lands on the field it was aimed at.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = ImGui::GetTextLineHeightWithSpacing() * float(lines) + style.WindowPadding.y * 2;
    ImGui::BeginChild("##warnings", ImVec2(-1, height), true);
    const Translate tr = state.translator();
    const auto findings = findings_for_measure(state.findings(), measure);
    if (findings.empty()) kartla::ui::hint(state.tr("No open questions for this measure."));
    for (const Finding* f : findings) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
        ImGui::TextWrapped("! %s", finding_text(*f, state.plan(), tr).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

void finding_count(UiState& state, const Measure& measure) {
    const auto count = findings_for_measure(state.findings(), measure).size();
    if (count == 0) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
    ImGui::Text("!%zu", count);
    ImGui::PopStyleColor();
}

std::string folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // Å Ä Ö É are C3 85 / C3 84 / C3 96 / C3 89; their small forms add 0x20 to the second byte.
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            out += text[i];
            out += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
            ++i;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    return folded(haystack).find(folded(needle)) != std::string::npos;
}

void unavailable_note(UiState& state, const char* msgid) { kartla::ui::hint(state.tr(msgid)); }

}  // namespace kartla::action_plan::views
