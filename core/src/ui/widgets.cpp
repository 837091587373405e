#include "kartla/widgets.hpp"

#include "kartla/text_encode.hpp"

#include <imgui_stdlib.h>

namespace kartla::ui {

namespace {
// Text over this size is refused by the field itself rather than by the database.
constexpr std::size_t kMaxFieldBytes = 200'000;

bool finish(std::string& value, bool edited) {
    bool commit = edited || ImGui::IsItemDeactivatedAfterEdit();
    if (!commit) return false;
    if (!text::is_valid_utf8(value) || value.find('\0') != std::string::npos) value = text::valid_utf8(value);
    if (value.size() > kMaxFieldBytes) value = text::truncate_utf8(value, kMaxFieldBytes);
    return true;
}
}  // namespace

bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags) {
    bool entered = ImGui::InputText(label, &value, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    return finish(value, entered);
}

bool input_multiline(const char* label, std::string& value, float height_in_lines, ImGuiInputTextFlags flags) {
    ImVec2 size(-1.0f, ImGui::GetTextLineHeight() * height_in_lines + ImGui::GetStyle().FramePadding.y * 2);
    ImGui::InputTextMultiline(label, &value, size, flags);
    return finish(value, false);
}

void field_error(const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.05f, 0.05f, 1.0f));
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

bool big_button(const char* label) {
    float height = ImGui::GetFrameHeight() * 1.4f;
    return ImGui::Button(label, ImVec2(0, height));
}

void hint(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

}  // namespace kartla::ui
