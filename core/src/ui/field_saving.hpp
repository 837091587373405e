#pragma once
// What the shared text fields need to save text as it is typed: which field is
// being visited, when its last key came, whether the host wants everything
// saved now, and the characters that came before a new field had focus.
// Public entry points are in kartla/widgets.hpp; this is for widgets.cpp.
#include <imgui.h>

namespace kartla::ui::field_saving {

// Called by a shared text field right after its ImGui item was drawn. Returns
// true when what it holds should be saved now: the user paused typing, the host
// asked for a save, or (via `confirmed`) Enter or leaving the field.
bool should_save(bool confirmed);

// A field is about to take the keyboard (an add field after Enter): characters
// typed meanwhile wait for it, as they do after a click.
void expect_field();

}  // namespace kartla::ui::field_saving
