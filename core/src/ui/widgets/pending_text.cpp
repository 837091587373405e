// Typed text is never dropped: the one rule every field that edits the workshop
// follows (ui::text_field). While a field is visited, and for as long as what was
// typed into it could not be written (the file gone, the disk full, read-only), its
// text lives here, under the field's ImGui id, not in the view: a view that selects
// another card, reloads its copy of a measure or closes a field cannot lose it.
// The host writes what is pending as soon as the workshop takes it again, and
// before a slow frame's drawing what is about to be due (write_due_text).
#include "ui/widgets/field_saving.hpp"

#include "kartla/widgets.hpp"
#include "kartla/workshop.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace kartla::ui {

namespace {

using field_saving::PendingText;

bool draw_input(const char* label, std::string& value, const TextFieldOptions& options) {
    if (options.lines > 0) {
        ImVec2 size(-1.0f, ImGui::GetTextLineHeight() * options.lines + ImGui::GetStyle().FramePadding.y * 2);
        ImGui::InputTextMultiline(label, &value, size, options.flags);
        return false;
    }
    ImGuiInputTextFlags flags = options.flags | ImGuiInputTextFlags_EnterReturnsTrue;
    return options.hint ? ImGui::InputTextWithHint(label, options.hint, &value, flags)
                        : ImGui::InputText(label, &value, flags);
}

// Writes the text unless the workshop already has it. False: it stays pending.
bool write(PendingText& text) {
    field_saving::repair(text.text);  // also when written before its field's next frame
    text.typed = false;
    text.invalid.clear();
    if (text.text == text.stored || (!text.failed && text.text == text.written)) {
        text.failed = false;
        return true;
    }
    if (text.check) text.invalid = text.check(text.text);
    if (!text.invalid.empty()) return false;  // kept as typed, not retried until it changes
    bool ok = false;
    try {
        FieldEditor editor(*text.editor, text.group);  // the visit's undo step, in the call
        ok = text.write && text.write(editor, text.text);
    } catch (...) {
        ok = false;  // a plugin's write that throws keeps its text like any other failure
    }
    if (!ok) field_saving::visit_failed(text.group);  // its field tries again
    if (ok) text.written = text.text;
    text.failed = !ok;
    if (!ok) text.failed_at = ImGui::GetTime();
    return ok;
}

// Marks the field itself, red frame and a tab on its top edge saying `label`, without
// moving anything below it: a note under the field would push the next field down
// in the very frame the click that left this one lands on it. The whole `reason`
// shows on hover or touch-and-hold.
void mark_field(ImVec2 min, ImVec2 max, const char* label, const char* reason, const char* probe) {
    const ImU32 red = IM_COL32(178, 20, 20, 255);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRect(min, max, red, ImGui::GetStyle().FrameRounding, 0, 2.0f);
    float size = ImGui::GetFontSize() * 0.8f;
    float pad = size * 0.3f;
    ImVec2 text = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
    const float room = std::max(size, max.x - min.x - pad * 4);
    const bool cut = text.x > room;  // a long reason is cut to the field, whole in the tip
    text.x = std::min(text.x, room);
    ImVec2 tab_max(max.x - pad * 2, min.y + text.y * 0.5f);
    ImVec2 tab_min(tab_max.x - text.x - pad * 2, tab_max.y - text.y - pad);
    list->AddRectFilled(tab_min, tab_max, red, size * 0.2f);
    ImVec2 at(tab_min.x + pad, tab_min.y + pad * 0.5f);
    if (cut) draw_clipped_text(list, ImGui::GetFont(), size, at, IM_COL32_WHITE, label, text.x, 1);
    else list->AddText(ImGui::GetFont(), size, at, IM_COL32_WHITE, label);
    mark_rect(probe, tab_min, tab_max);
    whole_text_tip(tab_min, max, reason);
}

// Text the file could not take: the status bar says it too.
void mark_not_saved(ImVec2 min, ImVec2 max) {
    mark_field(min, max, widget_text("Not saved"),
               widget_text("Not saved: the file cannot take it now. "
                           "The text is kept here and saved as soon as it can be."),
               "text.not_saved");
}

// A text with nothing left to write whose field is not being typed in needs no keeping.
bool done(const PendingText& text) {
    return !text.typed && !text.failed && text.invalid.empty() && ImGui::GetActiveID() != text.field;
}

template <class Keep>
void for_each_text(Keep&& visit) {
    auto& texts = field_saving::pending_texts();
    for (auto it = texts.begin(); it != texts.end();) {
        visit(it->second);
        it = done(it->second) ? texts.erase(it) : std::next(it);
    }
}

}  // namespace

const std::string* kept_text(const char* label, const std::string& key) {
    auto& texts = field_saving::pending_texts();
    auto found = texts.find(key.empty() ? ImGui::GetID(label) : ImHashStr(key.c_str()));
    return found == texts.end() ? nullptr : &found->second.text;
}

bool text_field(const char* label, const std::string& stored, Editor& editor, const TextWrite& write_text,
                const TextFieldOptions& options) {
    ImGuiID id = ImGui::GetID(label);
    ImGuiID key = options.key.empty() ? id : ImHashStr(options.key.c_str());
    auto& texts = field_saving::pending_texts();
    auto found = texts.find(key);
    std::string shown;
    std::string& value = found != texts.end() ? found->second.text : (shown = stored);
    bool entered = draw_input(label, value, options);
    if (!options.probe.empty()) mark_item(options.probe);
    bool active = ImGui::IsItemActive(), edited = ImGui::IsItemEdited();  // before the notes under it
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    bool save = field_saving::finish(value, entered);
    if (found == texts.end()) {
        if (!active && !edited && !save) return false;  // only shown: nothing to keep
        found = texts.emplace(key, PendingText{}).first;
        found->second.text = std::move(shown);
    }
    PendingText& text = found->second;
    text.stored = stored;
    text.write = write_text;
    text.editor = &editor;
    text.check = options.check;
    if (active || edited || save) {
        text.field = id;
        text.drawn_frame = ImGui::GetFrameCount();
    }  // not another field that only shows the same value
    text.group = field_saving::visit_group(text.field);
    if (edited && !text.typed) {
        text.typed = true;
        text.first_key = ImGui::GetTime();
    }
    bool written = save && write(text);
    if (text.failed) mark_not_saved(min, max);
    else if (!text.invalid.empty() && !active) mark_field(min, max, text.invalid.c_str(), text.invalid.c_str(), "text.invalid");
    if (done(text)) texts.erase(found);
    return written;
}

std::size_t pending_text_count() {
    if (!ImGui::GetCurrentContext()) return 0;
    std::size_t count = 0;
    for (const auto& [id, text] : field_saving::pending_texts()) count += text.failed || text.typed;
    return count;
}

std::size_t invalid_text_count() {
    if (!ImGui::GetCurrentContext()) return 0;
    std::size_t count = 0;
    for (const auto& [id, text] : field_saving::pending_texts()) count += !text.invalid.empty();
    return count;
}

std::size_t write_pending_text() {
    if (!ImGui::GetCurrentContext()) return 0;
    for_each_text([](PendingText& text) {
        if (text.failed || text.typed) write(text);
    });
    return pending_text_count();
}

void write_due_text(double seconds_ahead) {
    if (!ImGui::GetCurrentContext()) return;
    double now = ImGui::GetTime() + seconds_ahead;
    for_each_text([&](PendingText& text) {
        if (text.typed && text.first_key + field_saving::kPause <= now) write(text);
        else if (text.failed && text.failed_at + field_saving::kRetry <= now) write(text);
    });
}

void field_saving::write_left_text() {
    int frame = ImGui::GetFrameCount();
    for_each_text([&](PendingText& text) {
        if (text.typed && text.drawn_frame < frame && ImGui::GetActiveID() != text.field) write(text);
    });
}

void discard_pending_text() {
    if (ImGui::GetCurrentContext()) field_saving::pending_texts().clear();
}

}  // namespace kartla::ui
