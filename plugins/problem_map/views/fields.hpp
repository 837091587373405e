#pragma once
// Field helpers for the side panels: each stored value is edited in a local copy
// and saved once when the user leaves the field, even when leaving means
// selecting another card (so the field is never drawn again for this card).
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace kartla::problem_map::views {

using Commit = std::function<void(const std::string&)>;

// Call once per frame before any text_field, so a field left unseen is saved.
void flush_pending_text();
void text_field(const char* label, const char* probe, const std::string& stored, const Commit& commit,
                float multiline_lines = 0.0f);
// A caption above a field, in the normal text colour (readable from afar).
void caption(const char* text);
// One button per choice in a row, the chosen one highlighted. Returns true when changed.
bool choice_row(const char* id, int& value, const std::vector<const char*>& labels, const char* probe = nullptr);
// Check boxes for a bit set, wrapping to new lines as space runs out.
bool flag_row(const char* id, int& bits, const std::vector<const char*>& labels, const char* probe = nullptr);

}  // namespace kartla::problem_map::views
