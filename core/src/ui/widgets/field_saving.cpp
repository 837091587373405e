// Text is saved while it is typed: a shared text field reports a save at most
// kPause after the first key not yet saved (so also during a long stretch of
// typing, not only at a pause), on Enter, on leaving the field, and when the
// host asks (a view switch, closing). All the saves of one visit to a
// field carry the same edit group, so the workshop makes them one undo step.
//
// Characters that arrive just after a click, before the field the click
// created has keyboard focus ("New card", then typing at once), would be thrown
// away by ImGui at the end of the frame. We keep them for a few frames and hand
// them to the field that takes focus, in the order they were typed.
#include "ui/widgets/field_saving.hpp"

#include "host/context_data.hpp"
#include "ui/widgets/host_widgets.hpp"

#include "kartla/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdint>

namespace kartla::ui {

using field_saving::kPause;
using field_saving::kRetry;

namespace {

// Characters that no field took wait this long after a click for the field it brings.
// Short, so that a letter typed on the board well after a click never lands in a field.
constexpr int kEarlyFrames = 4;
constexpr double kEarlySeconds = 0.6;

struct Visit {
    ImGuiID field = 0;
    std::uint64_t group = 0;  // shared by every save of this visit: one undo step
    bool unsaved = false;     // typed since the last reported save
    double first_key = 0;     // the first key of those
    int seen_frame = 0;       // a field no longer drawn (its view closed) ends its visit
    bool left = false;        // the field is no longer active; the visit ends once its text is saved
};

struct FieldState {
    Visit current;
    Visit previous;  // a field left in the same frame another was entered still saves in its own group
    int save_now_frame = -1;
    int click_frame = -1000;
    double click_time = -1000;
    ImVector<ImWchar> early;  // characters no field has taken yet
    std::map<ImGuiID, field_saving::PendingText> texts;  // see ui::text_field
    EditGroup saving = 0;  // the group of the save reported in this frame (FieldEditor)
    // The next visit's group. Seeded from this state's address, so that visits in
    // two contexts (two windows, tests) never share a group in one workshop.
    EditGroup next_group = (EditGroup(reinterpret_cast<std::uintptr_t>(this)) << 16) + 1;
};

// This context's state: made with the context's hooks on first use (host/context_data.hpp).
FieldState& state_of(ImGuiContext* ctx);

void note_click(ImGuiContext* ctx, FieldState& s) {
    if (ctx->IO.MouseClicked[0] || ctx->IO.MouseReleased[0]) {
        s.click_frame = ctx->FrameCount;
        s.click_time = ctx->Time;
    }
}

bool just_clicked(const ImGuiContext* ctx, const FieldState& s) {
    return ctx->FrameCount - s.click_frame <= kEarlyFrames && ctx->Time - s.click_time <= kEarlySeconds;
}

void keep_early(ImVector<ImWchar>& early, ImVector<ImWchar>& queue) {
    for (ImWchar c : queue) early.push_back(c);
    queue.clear();
}

// Before the frame's widgets. ImGui 1.86 also drops the characters of the frame
// in which a field takes focus by request (SetKeyboardFocusHere), so characters
// reach a field only once it was active at the start of a frame: those that
// waited first, then what came since.
void on_new_frame(ImGuiContext* ctx, ImGuiContextHook*) {
    FieldState& s = state_of(ctx);
    note_click(ctx, s);
    ImVector<ImWchar>& queue = ctx->IO.InputQueueCharacters;
    bool field_active = ctx->ActiveId != 0 && ctx->ActiveId == ctx->InputTextState.ID;
    if (field_active && !s.early.empty()) {
        keep_early(s.early, queue);
        queue.swap(s.early);
    } else if (!field_active && just_clicked(ctx, s)) {
        keep_early(s.early, queue);  // a field may be on its way
    }
}

// After the frame's widgets, before ImGui drops what no field took.
void on_end_frame(ImGuiContext* ctx, ImGuiContextHook*) {
    FieldState& s = state_of(ctx);
    field_saving::write_left_text();
    s.saving = 0;  // a group lives for the frame in which its field reported a save
    for (Visit* v : {&s.current, &s.previous}) {
        // A field no longer drawn (its view closed), or left with its text saved, ends its visit.
        if (v->field && (v->seen_frame < ctx->FrameCount || (v->left && !v->unsaved))) *v = Visit{};
    }
    if (s.save_now_frame >= 0 && s.save_now_frame < ctx->FrameCount) s.save_now_frame = -1;
    note_click(ctx, s);
    if (just_clicked(ctx, s)) keep_early(s.early, ctx->IO.InputQueueCharacters);
    else s.early.clear();  // no field came: dropped, as ImGui would
}

FieldState& state_of(ImGuiContext* ctx) {
    bool made = false;
    FieldState* s = context_data<FieldState>(ctx, &made);
    if (made) {
        ImGuiContext* owner = context_data_owner(ctx);  // whose frames these are
        ImGuiContextHook hook;
        hook.Type = ImGuiContextHookType_NewFramePost;
        hook.Callback = on_new_frame;
        ImGui::AddContextHook(owner, &hook);
        hook.Type = ImGuiContextHookType_EndFramePre;
        hook.Callback = on_end_frame;
        ImGui::AddContextHook(owner, &hook);
    }
    return *s;
}

FieldState& state() { return state_of(ImGui::GetCurrentContext()); }

}  // namespace

namespace field_saving {

std::map<ImGuiID, PendingText>& pending_texts() { return state().texts; }

std::uint64_t visit_group(ImGuiID field) {
    const FieldState& s = state();
    return s.current.field == field ? s.current.group : s.previous.field == field ? s.previous.group : 0;
}

void expect_field() {
    FieldState& s = state();
    s.click_frame = ImGui::GetFrameCount();
    s.click_time = ImGui::GetTime();
}

bool should_save(bool confirmed) {
    FieldState& s = state();
    ImGuiID id = ImGui::GetItemID();
    double now = ImGui::GetTime();
    if (ImGui::IsItemActive() && s.current.field != id) {
        s.previous = s.current;
        s.current = Visit{id, s.next_group++, false, now, 0, false};
    }
    Visit* visit = s.current.field == id ? &s.current : s.previous.field == id ? &s.previous : nullptr;
    if (visit) visit->seen_frame = ImGui::GetFrameCount();
    if (visit && ImGui::IsItemEdited() && !visit->unsaved) {
        visit->unsaved = true;
        visit->first_key = now;
    }
    bool asked = s.save_now_frame >= 0;
    bool due = visit && visit->unsaved && (asked || now - visit->first_key >= kPause);
    bool save = confirmed || due || ImGui::IsItemDeactivatedAfterEdit();
    if (visit) visit->left = !ImGui::IsItemActive();  // ends at the end of the frame, once saved
    if (save && visit) {
        visit->unsaved = false;
        s.saving = visit->group;
    }
    return save;
}

std::uint64_t saving_group() { return state().saving; }

void visit_failed(std::uint64_t group) {
    if (!group) return;
    FieldState& s = state();
    for (Visit* v : {&s.current, &s.previous}) {
        if (v->group != group) continue;
        v->unsaved = true;  // not saved after all: tried again after kRetry
        v->first_key = ImGui::GetTime() + kRetry - kPause;
    }
}

}  // namespace field_saving

FieldEditor::FieldEditor(Editor& to)
    : to_(to), group_(ImGui::GetCurrentContext() ? field_saving::saving_group() : 0) {}

EditResult FieldEditor::edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                             EditGroup group) {
    EditResult result = to_.edit(label_msgid, change, group ? group : group_);
    if (!result && ImGui::GetCurrentContext()) field_saving::visit_failed(group_);
    return result;
}

void track_text_input() { state(); }

bool text_unsaved() {
    if (!ImGui::GetCurrentContext()) return false;
    const FieldState& s = state();
    if (s.current.unsaved || s.previous.unsaved) return true;
    return std::any_of(s.texts.begin(), s.texts.end(), [](const auto& t) { return t.second.typed || t.second.failed; });
}

double text_save_due_in() {
    if (!ImGui::GetCurrentContext()) return -1;
    const FieldState& s = state();
    double due = -1;
    auto consider = [&](double at) { due = due < 0 ? at : std::min(due, at); };
    for (const Visit* v : {&s.current, &s.previous})
        if (v->unsaved) consider(v->first_key + kPause);
    for (const auto& [id, text] : s.texts) {
        if (text.typed) consider(text.first_key + kPause);
        if (text.failed) consider(text.failed_at + kRetry);  // tried again, also with its field out of sight
    }
    if (due < 0) return -1;
    double left = due - ImGui::GetTime();
    return left > 0 ? left : 0;
}

void save_typed_text_now() {
    if (!ImGui::GetCurrentContext()) return;
    state().save_now_frame = ImGui::GetFrameCount();
}

}  // namespace kartla::ui
