#pragma once
// Field helpers for the side panels. Text fields are the SDK's ui::text_field:
// saved as typed, and text the file could not take is kept until it can, also
// when another card is selected (push the card's id before drawing them).
#include "kartla/widgets.hpp"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kartla::problem_map::views {

// Writes the text through one edit with the editor it is handed (the field's
// visit's undo step); false when the workshop did not take it.
using Commit = ui::TextWrite;

// `key`: see ui::TextFieldOptions::key (empty: the field's own id).
void text_field(const char* label, const char* probe, const std::string& stored, Editor& editor, const Commit& commit,
                float multiline_lines = 0.0f, const std::string& key = {});
// The one name of a card's title for fields that edit it (the board's editor, the card panel),
// so text either of them could not save shows in both.
std::string card_title_key(std::int64_t card);
// A caption above a field, in the normal text colour (readable from afar).
void caption(const char* text);
// One button per choice in a row, the chosen one highlighted. Returns true when changed.
bool choice_row(const char* id, int& value, const std::vector<const char*>& labels, const char* probe = nullptr);
// Check boxes for a bit set, wrapping to new lines as space runs out.
bool flag_row(const char* id, int& bits, const std::vector<const char*>& labels, const char* probe = nullptr);

}  // namespace kartla::problem_map::views
