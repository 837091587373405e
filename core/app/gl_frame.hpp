#pragma once
// What the console's window and the room's window do alike around a frame.
struct GLFWwindow;

namespace kartla::gui {

// Sets the viewport to the window's framebuffer and clears it to the current
// ImGui style's window colour, so nothing of an older frame shows through.
void clear_to_background(GLFWwindow* window);

}  // namespace kartla::gui
