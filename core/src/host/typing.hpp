#pragma once
// Which undo step the edits of this frame join. The shared text fields
// (ui/field_saving.cpp) set the group of a field's visit for the frame in which
// it reports a save; whoever makes the edit that saves it (PluginHost::edit, the
// core's panels) passes that group to Session::edit or Workshop::edit, and tells
// here when the edit failed: the field then keeps its text as unsaved and tries
// again. Kept with the current ImGui context (host/context_data.hpp), so two
// windows or a test's context never share it; without a context there is no
// group (the command line).
#include "kartla/workshop.hpp"

namespace kartla::typing {

EditGroup group();                     // 0: no field is saving in this frame
EditGroup swap_group(EditGroup group); // for the text fields; returns the group it replaces
void failed(EditGroup group);          // an edit in `group` was not saved
EditGroup take_failed();               // for the text fields, at the end of the frame

}  // namespace kartla::typing
