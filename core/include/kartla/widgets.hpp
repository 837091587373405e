#pragma once
// Shared widgets for plugins and the host. Text fields edit a local copy and
// report a commit when the user leaves the field or presses Enter, so one
// typed value becomes one undo step, not one per keystroke.
#include "kartla/document.hpp"
#include "kartla/export.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace kartla::ui {

// Returns true when the edited value should be saved. Invalid UTF-8 and NUL
// bytes (from a paste) are repaired before it is returned.
KARTLA_API bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
KARTLA_API bool input_multiline(const char* label, std::string& value, float height_in_lines = 4.0f,
                                ImGuiInputTextFlags flags = 0);
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
KARTLA_API bool probes_enabled();  // so a view builds a probe's key only when a test reads it
KARTLA_API void clear_probes();  // at the start of a frame, so the probes tell what the last frame drew
KARTLA_API bool item_rect(const std::string& key, ImVec2& min, ImVec2& max);
}  // namespace kartla::ui
