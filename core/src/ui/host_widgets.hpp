#pragma once
// The host's side of the shared widgets (kartla/widgets.hpp): what the window's
// shell, the command line and the tests set up or ask, and no plugin calls.
// Each of these belongs to the current ImGui context (host/context_data.hpp).
#include "kartla/api.hpp"

#include <functional>

namespace kartla::ui {

// The host's translation, for the few texts the shared widgets show themselves.
KARTLA_API void set_widget_translator(std::function<const char*(const char*)> translate);

// Whether a field holds typed text not yet reported for saving.
KARTLA_API bool text_unsaved();

}  // namespace kartla::ui
