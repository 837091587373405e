#pragma once
struct GLFWwindow;

namespace kartla::gui {
// ImGui 1.86 samples input state once per frame, so fast input gets lost: a
// key pressed and released between two frames is never seen, and keys or
// characters that arrive in the same frame as the click that focuses a text
// field go nowhere. We keep such events in order and deliver them over the
// following frames.
void install_input_ordering(GLFWwindow* window);  // after ImGui_ImplGlfw_Init
void deliver_waiting_input(GLFWwindow* window);   // after each rendered frame
bool input_waiting();                             // more frames are needed to deliver it
}  // namespace kartla::gui
