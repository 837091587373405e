#pragma once
// The host's side of the shared widgets (kartla/widgets.hpp): what the window's
// shell, the command line and the tests set up or ask, and no plugin calls.
// Each of these belongs to the current ImGui context (host/context_data.hpp).
#include "kartla/api.hpp"

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>

namespace kartla::ui {

// The host's translation, for the few texts the shared widgets show themselves.
KARTLA_API void set_widget_translator(std::function<const char*(const char*)> translate);

// Whether a field holds typed text not yet reported for saving.
KARTLA_API bool text_unsaved();

// input_text (kartla/widgets.hpp) with a hint, and on several lines: the
// host's own fields that edit no stored value directly.
KARTLA_API bool input_text_hint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
KARTLA_API bool input_multiline(const char* label, std::string& value, float height_in_lines = 4.0f,
                                ImGuiInputTextFlags flags = 0);
// The height of one toolbar row (kartla/widgets.hpp's toolbar), for windows that reserve it.
KARTLA_API float toolbar_height();

// Pending text, for the host: how many fields hold text that could not be written;
// try to write all of it now (after space was freed or a copy was saved; returns how
// many are still pending); write typed text that will be due within `seconds_ahead`
// (before a slow frame's drawing, so a slow frame does not hold it up); and forget
// it all (the user chose to quit without saving).
KARTLA_API std::size_t pending_text_count();
KARTLA_API std::size_t write_pending_text();
KARTLA_API void write_due_text(double seconds_ahead);
KARTLA_API void discard_pending_text();
// How many fields hold text not in its form yet (a date typed "5 mars"): never
// written until corrected, so quitting or opening another file would lose it.
KARTLA_API std::size_t invalid_text_count();

// Saving as it is typed: in how many seconds typed text will be reported for
// saving (negative: none waits), and a request that it be reported on its next
// frame (before a view switch).
KARTLA_API double text_save_due_in();
KARTLA_API void save_typed_text_now();
// Starts watching the current ImGui context's text input (the shared fields also
// do on first use): characters typed just after a click wait for the field it opens.
KARTLA_API void track_text_input();
// The host's translation (set_widget_translator), for the few texts the shared widgets show themselves.
KARTLA_API const char* widget_text(const char* msgid);

// The test probes' other side (kartla/widgets.hpp, mark_item): turning recording
// on, starting a frame's record, and reading back where an item was drawn; every
// probe of the last frame, for the host's layout file (KARTLA_LAYOUT_FILE).
KARTLA_API void set_probes_enabled(bool enabled);
KARTLA_API void clear_probes();
KARTLA_API bool item_rect(const std::string& key, ImVec2& min, ImVec2& max);
KARTLA_API void for_each_probe(const std::function<void(const std::string& key, ImVec2 min, ImVec2 max)>& visit);

}  // namespace kartla::ui
