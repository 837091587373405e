#pragma once
// Shared widgets for plugins and the host. Text fields edit a local copy and
// report a save while the user types (at most 0.2 s after a key), on Enter,
// on leaving the field, and when the host asks (a view switch, closing). Every
// save of one visit to a field joins one undo step, so Ctrl+Z takes back the
// whole visit, not a letter. Every text field that edits the workshop uses them.
#include "kartla/document.hpp"
#include "kartla/api.hpp"
#include "kartla/workshop.hpp"

#include <imgui.h>

#include <functional>
#include <vector>
#include <string>

namespace kartla::ui {

// Returns true when the edited value should be saved now; the caller saves it
// at once, in this frame, with a FieldEditor (below), so that the saves of one
// visit are one undo step. Invalid UTF-8 and NUL bytes (from a paste) are
// repaired before it is returned.
KARTLA_API bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);

// The Editor a text field's save is made with: every edit through it joins the
// undo step of one visit to a field (its group, in the call), and an edit that
// fails makes that field try again. ui::text_field hands one to its write; after
// input_text or add_field reported a save, make one with the view's Host: it
// takes the group of the field that reported the save in this frame.
class KARTLA_API FieldEditor final : public Editor {
public:
    explicit FieldEditor(Editor& to);
    FieldEditor(Editor& to, EditGroup group) : to_(to), group_(group) {}
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                    EditGroup group) override;
    using Editor::edit;

private:
    Editor& to_;
    EditGroup group_;
};

// A text field bound to one stored value of the workshop: what every text field
// that edits the workshop should use. `write` makes the one edit with the editor it
// is handed (a FieldEditor over `editor`) and says whether the text reached the
// workshop. Typed text that could not be written (the file gone, the disk full,
// read-only) is never dropped: it stays pending, kept under the field's ImGui id
// (push the entity's id, so each card or measure has its own), shown in the field
// when it is drawn again (after another card was selected and this one again),
// marked "Not saved" on the field, and written as soon as the workshop takes it
// (write_pending_text). `editor` must outlive the field's pending text: a plugin
// passes its Host. Returns true in a frame in which its text was written.
using TextWrite = std::function<bool(Editor& editor, const std::string& text)>;
struct TextFieldOptions {
    float lines = 0;             // > 0: a multi-line field this many lines high
    const char* hint = nullptr;  // shown while the field is empty
    ImGuiInputTextFlags flags = 0;
    std::string probe;  // mark_item key of the field itself (a personal-data note may follow it)
    // Names the stored value when two fields edit it (a card's title on the board and
    // in the card panel): they share one pending text. Empty: the field's ImGui id.
    std::string key;
    // For a value with a form (a date): the reason, in the UI's language, why a text
    // cannot be stored yet, "" when it can. Text that fails is not written; it stays
    // in the field as typed (kept like unsaved text, through any change of selection)
    // with the reason under it once the field is left, and is written when it passes.
    std::function<std::string(const std::string&)> check;
};
KARTLA_API bool text_field(const char* label, const std::string& stored, Editor& editor, const TextWrite& write,
                           const TextFieldOptions& options = {});
// The text a text_field named `label` (in the current ID stack; or by its options'
// key) keeps while it is visited or not yet written; nullptr when it shows the stored
// value. For a view that shows the value in another form meanwhile (wrapped text).
KARTLA_API const std::string* kept_text(const char* label, const std::string& key = {});
// A field that adds rows one after another (a new actor, type, participant,
// area, category): Enter adds what was typed, empties the field and leaves the
// cursor in it, so the room can dictate a list name by name. What it reports:
//   Typed  the typed text should be saved now (a pause): a view that creates its
//          row from the first pause, so that nothing typed is lost, creates or
//          renames it from `text` (empty: typed and erased, take the row back);
//   Added  the row is complete: `added` holds its text, trimmed (never empty), and
//          the field is empty. Enter keeps the cursor in the field; leaving the
//          field with text in it adds it too.
enum class AddEvent { None, Typed, Added };
KARTLA_API AddEvent add_field(const char* label, const char* hint, std::string& text, std::string& added);


// A hint under a field, e.g. for a failed save: the typed value stays in the field.
KARTLA_API void field_error(const std::string& message);
// Text for a big, touch-friendly button width.
KARTLA_API bool big_button(const char* label);
// One of a row of choices (kind, priority, …): beside the item before it when the
// line has room, else at the start of the next line, so a row of choices wraps
// in a narrow side drawer at 300 % instead of running past its edge.
KARTLA_API bool radio_in_row(const char* label, bool active);
// Keeps the next item, `width` wide, on this line when it fits in the window's content
// region, else it starts the next line (radio_in_row's rule, for any row of items).
KARTLA_API void same_line_if_fits(float width);
// The width a button (ImGui::Button or big_button) takes for `label` ("##id" not shown),
// for same_line_if_fits before it.
KARTLA_API float button_width(const char* label);
// Shows a line of help text in a muted colour.
KARTLA_API void hint(const char* text);
// A small line chart (an indicator over time) in a box of `size` pixels: the
// geometry of the report's charts, scaled with the text size.
KARTLA_API void chart(const doc::Chart& chart, ImVec2 size);

}  // namespace kartla::ui

namespace kartla::ui {
// Test probes: views name the items a test needs to find (a button, a card),
// and tests read back where they were drawn in the last frame (ui/widgets/host_widgets.hpp).
// Recording is off unless a test turns it on, so it costs nothing in the meeting room.
KARTLA_API void mark_item(const std::string& key);  // the last item drawn
KARTLA_API void mark_rect(const std::string& key, ImVec2 min, ImVec2 max);
KARTLA_API bool probes_enabled();  // so a view builds a probe's key only when a test reads it
// A canvas that pans marks itself "scrolls.<view key>" (mark_rect), so the layout
// audit knows that text at its edge scrolls into view and is not cut.
}  // namespace kartla::ui

namespace kartla::ui {
// Nothing cut without a way to read it: text wraps where there is room and is
// cut with "…" where there is not; what was cut shows whole in a tooltip when
// the pointer rests on it or a finger holds it (touch screens have no hover).

// Draws `text` wrapped at `width` in at most `max_lines` lines (0: as many as it
// needs), the last one cut with "…" when the text is longer. Returns the height
// used; `cut` tells whether anything was left out.
KARTLA_API float draw_clipped_text(ImDrawList* list, ImFont* font, float size, ImVec2 position, ImU32 colour,
                                   const char* text, float width, int max_lines, bool* cut = nullptr);
// The whole text in a tooltip while the pointer rests on [min, max] in the current
// window, or a finger has held it there for a moment; nothing while dragging.
KARTLA_API void whole_text_tip(ImVec2 min, ImVec2 max, const char* text);
// A text line as an item, `width` wide (0: to the end of the line), cut with "…"
// and the whole text on hover and hold.
KARTLA_API void clipped_text(const char* text, float width = 0.0f);
// A selectable row showing `text` in up to `max_lines` lines (0: wrapped whole) of
// the current column's width, cut with "…" and the whole text on hover and hold.
// `id` keeps the item apart from others with the same text.
KARTLA_API bool clipped_selectable(const char* id, const char* text, bool selected, int max_lines = 1,
                                   ImGuiSelectableFlags flags = 0);
// A collapsing header whose title is cut with "…" where the window is narrow (ImGui's
// own is clipped mid-letter), whole on hover and hold. `id` keeps its open state apart
// from others with the same title ("###…"). Returns whether it is open.
KARTLA_API bool clipped_header(const char* id, const char* text, ImGuiTreeNodeFlags flags = 0);

// A row of buttons that never wraps onto a second line: what does not fit in
// the width goes into a "More" menu at the end of the row, so a toolbar at
// 300 % text on a projector stays one row high.
struct ToolItem {
    enum class Kind { Button, Toggle, Note, Custom };
    std::string label;  // translated; "##..." for a stable id is allowed
    std::function<void()> pressed;  // Button: when pressed; Toggle: after *value changed
    Kind kind = Kind::Button;
    bool* value = nullptr;  // Toggle only
    bool enabled = true;
    bool pinned = false;  // kept in the row whatever else moves into "More" (the view on stage)
    ImVec4 colour{0, 0, 0, 0};  // a button's colour; alpha 0: the theme's
    ImVec4 text_colour{0, 0, 0, 0};
    std::string probe;  // mark_item key, for tests and the layout file
    // Custom: draws its own item (a combo box), `custom_width` wide, in the row or in "More".
    std::function<void()> custom;
    float custom_width = 0;
};
// Draws the row at the cursor, `width` wide (0: the rest of the line). `id` also
// names the "More" button's probe: "<id>.more".
KARTLA_API void toolbar(const char* id, const std::vector<ToolItem>& items, float width = 0.0f);
}  // namespace kartla::ui
