#pragma once
// Shared widgets for plugins and the host. Text fields edit a local copy and
// report a save while the user types (at most 0.2 s after a key), on Enter,
// on leaving the field, and when the host asks (a view switch, closing). Every
// save of one visit to a field joins one undo step, so Ctrl+Z takes back the
// whole visit, not a letter. Every text field that edits the workshop uses them.
#include "kartla/document.hpp"
#include "kartla/export.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace kartla::ui {

// Returns true when the edited value should be saved now; the caller saves it
// at once with Workshop::edit (in this frame). Invalid UTF-8 and NUL bytes
// (from a paste) are repaired before it is returned.
KARTLA_API bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
KARTLA_API bool input_text_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
KARTLA_API bool input_multiline(const char* label, std::string& value, float height_in_lines = 4.0f,
                                ImGuiInputTextFlags flags = 0);
// Saving as it is typed, for the host: whether a field holds typed text not yet
// reported for saving, in how many seconds it will be (negative: none waits),
// and a request that it be reported on its next frame (before a view switch).
KARTLA_API bool text_unsaved();
KARTLA_API double text_save_due_in();
KARTLA_API void save_typed_text_now();
// Starts watching the current ImGui context's text input (the shared fields also
// do on first use): characters typed just after a click wait for the field it opens.
KARTLA_API void track_text_input();
// The host's translation, for the few texts the shared widgets show themselves.
KARTLA_API void set_widget_translator(std::function<const char*(const char*)> translate);
KARTLA_API const char* widget_text(const char* msgid);

// A hint under a field, e.g. for a failed save: the typed value stays in the field.
KARTLA_API void field_error(const std::string& message);
// Text for a big, touch-friendly button width.
KARTLA_API bool big_button(const char* label);
// Shows a line of help text in a muted colour.
KARTLA_API void hint(const char* text);
// A small line chart (an indicator over time) in a box of `size` pixels: the
// geometry of the report's charts, scaled with the text size.
KARTLA_API void chart(const doc::Chart& chart, ImVec2 size);

}  // namespace kartla::ui

namespace kartla::ui {
// Test probes: views name the items a test needs to find (a button, a card),
// and tests read back where they were drawn in the last frame. Recording is
// off unless a test turns it on, so it costs nothing in the meeting room.
KARTLA_API void mark_item(const std::string& key);  // the last item drawn
KARTLA_API void mark_rect(const std::string& key, ImVec2 min, ImVec2 max);
KARTLA_API void set_probes_enabled(bool enabled);
KARTLA_API void clear_probes();  // at the start of a frame, so the probes tell what the last frame drew
KARTLA_API bool item_rect(const std::string& key, ImVec2& min, ImVec2& max);
}  // namespace kartla::ui
