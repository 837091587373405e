#pragma once
// What the shared text fields need to save text as it is typed: which field is
// being visited, when its last key came, whether the host wants everything
// saved now, and the characters that came before a new field had focus.
// Public entry points are in kartla/widgets.hpp; this is for widgets.cpp.
#include "kartla/widgets.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace kartla::ui::field_saving {

constexpr double kPause = 0.2;  // seconds a typed key waits at most; a kill later than this loses nothing
constexpr double kRetry = 1.0;  // seconds before a failed save is tried again

// The text of a field bound to a stored value (ui::text_field) while it is being
// visited or could not be written: pending_text.cpp keeps it here, in the state of
// the ImGui context, under the field's id.
struct PendingText {
    std::string text;     // what the field holds
    std::string stored;   // what the workshop held when the field was last drawn
    std::string written;  // the last text that reached the workshop in this visit
    TextWrite write;
    Editor* editor = nullptr;  // what `write` edits through (a plugin's Host, the core's session)
    ImGuiID field = 0;        // the field that typed it last
    int drawn_frame = 0;      // the last frame that drew that field
    std::uint64_t group = 0;  // the visit's edit group: every write of one visit is one undo step
    bool typed = false;       // typed since the last write
    double first_key = 0;     // the first key of those (ImGui's clock)
    bool failed = false;      // the last write was refused: kept until the workshop takes it
    double failed_at = 0;
    std::function<std::string(const std::string&)> check;  // TextFieldOptions::check
    std::string invalid;      // why the text is not written (the check's reason): kept until it passes
};
std::map<ImGuiID, PendingText>& pending_texts();
// At the end of a frame: text whose field was left without being drawn again (the
// click that left it selected another card) is written now (pending_text.cpp).
void write_left_text();

// The edit group of the visit to `field` (0 when it is not being visited).
std::uint64_t visit_group(ImGuiID field);
// The group of the field that reported a save in this frame (0: none did).
std::uint64_t saving_group();
// An edit of `group` was not saved (the disk full, the file gone): its field tries again.
void visit_failed(std::uint64_t group);

// Called by a shared text field right after its ImGui item was drawn. Returns
// true when what it holds should be saved now: the user paused typing, the host
// asked for a save, or (via `confirmed`) Enter or leaving the field.
bool should_save(bool confirmed);
// should_save for the field just drawn, then the personal-data mark under it, and the
// value repaired (valid UTF-8, no NUL, not too long) when it is to be saved (widgets.cpp).
bool finish(std::string& value, bool entered);
// Valid UTF-8, no NUL, not too long: what every save writes, whoever makes it (a
// field's own frame, or the host writing what fell due before the next one).
void repair(std::string& value);

// A field is about to take the keyboard (an add field after Enter): characters
// typed meanwhile wait for it, as they do after a click.
void expect_field();

}  // namespace kartla::ui::field_saving
