// The shared "add a row" field (kartla/widgets.hpp): one behaviour for every
// list the room fills name by name, so Enter never moves the cursor elsewhere.
#include "kartla/widgets.hpp"

#include "ui/widgets/field_saving.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kartla::ui {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

AddEvent add_field(const char* label, const char* hint, std::string& text, std::string& added) {
    // Whether the field takes the keyboard again this frame, kept in the window's
    // own storage: ImGui ends a one-line field's activation on Enter.
    ImGui::PushID(label);
    const ImGuiID refocus_key = ImGui::GetID("refocus");
    ImGui::PopID();
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (storage->GetBool(refocus_key)) {
        storage->SetBool(refocus_key, false);
        ImGui::SetKeyboardFocusHere();
    }
    const ImGuiID field = ImGui::GetID(label);  // the last item may be the personal-data warning's button
    const bool save = input_text_hint(label, hint, text);
    if (!save) return AddEvent::None;
    if (ImGui::GetActiveID() == field) return AddEvent::Typed;  // a pause in typing: still in the field
    added = trimmed(text);
    text.clear();
    // Typed and erased again: Typed with no text, so a row made at a pause is taken back.
    if (added.empty()) return AddEvent::Typed;
    // Enter ends a one-line field's activation; take it back for the next name at
    // once (the field, or after the personal-data warning's button, next frame), and
    // keep what is typed meanwhile for it. Leaving by a click or Tab goes where the user went.
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (enter) {
        field_saving::expect_field();
        if (ImGui::GetItemID() == field) ImGui::SetKeyboardFocusHere(-1);
        else storage->SetBool(refocus_key, true);
    }
    return AddEvent::Added;
}

}  // namespace kartla::ui
