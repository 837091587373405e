#include "kartla/widgets.hpp"

#include "ui/widgets/field_saving.hpp"
#include "ui/widgets/fonts.hpp"
#include "host/context_data.hpp"
#include "ui/widgets/host_widgets.hpp"

#include "kartla/privacy.hpp"
#include "kartla/text_encode.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <unordered_map>

namespace kartla::ui {

namespace {
// Text over this size is refused by the field itself rather than by the database.
constexpr std::size_t kMaxFieldBytes = 200'000;

// What the widgets keep per ImGui context (host/context_data.hpp).
struct WidgetState {
    std::function<const char*(const char*)> translate;  // set by the host (set_widget_translator)
    // Results per text, so fields that are only shown cost a hash lookup per frame.
    std::unordered_map<std::string, bool> personal_data;
};

WidgetState* widget_state() { return context_data<WidgetState>(); }

bool has_personal_data(const std::string& value) {
    if (value.size() < 5) return false;  // no e-mail, phone or identity number is shorter
    WidgetState* state = widget_state();
    if (!state) return privacy::contains_personal_data(value);
    auto& cache = state->personal_data;
    auto found = cache.find(value);
    if (found != cache.end()) return found->second;
    if (cache.size() > 4096) cache.clear();
    return cache[value] = privacy::contains_personal_data(value);
}

// Marks a field holding what looks like personal data, with a one-tap mask.
// Returns true when the user masked it (the value changed and must be saved).
bool personal_data_warning(std::string& value) {
    if (!has_personal_data(value)) return false;
    ImGui::PushID(static_cast<int>(ImGui::GetItemID()));  // the field's own id: stable whatever holds its text
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.05f, 0.05f, 1.0f));
    ImGui::TextWrapped("%s", widget_text("Personal data? An identity number, phone number or e-mail address: "
                                         "workshop notes may become public documents."));
    ImGui::PopStyleColor();
    mark_item("privacy.warning");
    bool masked = big_button(widget_text("Mask"));  // touch screens: a finger-sized target
    mark_item("privacy.mask");
    if (masked) value = privacy::redact(value);
    ImGui::PopID();
    return masked;
}

}  // namespace

bool field_saving::finish(std::string& value, bool entered) {
    // A field's text scrolls inside it: the layout audit does not call it cut.
    if (probes_enabled()) mark_item("text_field." + std::to_string(ImGui::GetItemID()));
    bool commit = field_saving::should_save(entered);  // first: it asks about the field just drawn
    commit |= personal_data_warning(value);
    if (commit) repair(value);
    return commit;
}

void field_saving::repair(std::string& value) {
    if (!text::is_valid_utf8(value) || value.find('\0') != std::string::npos) value = text::valid_utf8(value);
    if (value.size() > kMaxFieldBytes) value = text::truncate_utf8(value, kMaxFieldBytes);
}

void set_widget_translator(std::function<const char*(const char*)> translate) {
    if (WidgetState* state = widget_state()) state->translate = std::move(translate);
}

const char* widget_text(const char* msgid) {
    WidgetState* state = widget_state();
    return state && state->translate ? state->translate(msgid) : msgid;
}

bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags) {
    bool entered = ImGui::InputText(label, &value, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    return field_saving::finish(value, entered);
}

bool input_text_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags) {
    bool entered = ImGui::InputTextWithHint(label, hint, &value, flags | ImGuiInputTextFlags_EnterReturnsTrue);
    return field_saving::finish(value, entered);
}

bool input_multiline(const char* label, std::string& value, float height_in_lines, ImGuiInputTextFlags flags) {
    ImVec2 size(-1.0f, ImGui::GetTextLineHeight() * height_in_lines + ImGui::GetStyle().FramePadding.y * 2);
    ImGui::InputTextMultiline(label, &value, size, flags);
    return field_saving::finish(value, false);
}

void field_error(const std::string& message) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.05f, 0.05f, 1.0f));
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

bool big_button(const char* label) {
    track_text_input();  // "New card" and the like open a field: keys typed right after wait for it
    float height = ImGui::GetFrameHeight() * 1.4f;
    return ImGui::Button(label, ImVec2(0, height));
}

void hint(const char* text) {
    // On a short screen (300 % on 1080 lines) in the chrome's size: a three-line hint
    // at full size took the room of the grid or the network it explains.
    ChromeText chrome;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

}  // namespace kartla::ui
