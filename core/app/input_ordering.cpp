#include "input_ordering.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <deque>
#include <set>

namespace kartla::gui {

namespace {

struct InputEvent {
    enum Kind { Key, Char } kind;
    int key = 0, scancode = 0, action = 0, mods = 0;
    unsigned int codepoint = 0;
};

std::set<int> g_pressed_since_frame;
std::set<int> g_typing_keys;  // pressed keys that typed a character
int g_last_pressed = -1;
bool g_click_since_frame = false;
// Once one event waits, all later ones wait too, or Ctrl could be released
// before the frame that sees Ctrl+Q.
std::deque<InputEvent> g_waiting;

// Delivers the event unless a frame has to see what came before it first.
bool deliver(GLFWwindow* window, const InputEvent& e) {
    if (g_click_since_frame) return false;  // let the click focus its field first
    if (e.kind == InputEvent::Char) {
        ImGui_ImplGlfw_CharCallback(window, e.codepoint);
        g_typing_keys.insert(g_last_pressed);
        return true;
    }
    // While a text field has focus, a key that typed a character matters only as
    // that character: its release need not wait for a frame to see the key down.
    // Fast typing then costs no frame per letter; Backspace, Enter and the
    // arrows, which type nothing, still get their frame.
    bool typing = ImGui::GetIO().WantTextInput && g_typing_keys.count(e.key);
    if (e.action == GLFW_RELEASE && g_pressed_since_frame.count(e.key) && !typing) return false;
    if (e.action == GLFW_RELEASE) g_typing_keys.erase(e.key);
    if (e.action == GLFW_PRESS) {
        g_pressed_since_frame.insert(e.key);
        g_last_pressed = e.key;
    }
    ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
    return true;
}

void queue_or_deliver(GLFWwindow* window, const InputEvent& event) {
    if (!g_waiting.empty() || !deliver(window, event)) g_waiting.push_back(event);
}

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    queue_or_deliver(window, {InputEvent::Key, key, scancode, action, mods, 0});
}

void on_char(GLFWwindow* window, unsigned int codepoint) {
    queue_or_deliver(window, {InputEvent::Char, 0, 0, 0, 0, codepoint});
}

void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    if (action == GLFW_PRESS) g_click_since_frame = true;
}

}  // namespace

void install_input_ordering(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, on_mouse_button);
}

void deliver_waiting_input(GLFWwindow* window) {
    g_pressed_since_frame.clear();
    g_click_since_frame = false;
    while (!g_waiting.empty() && deliver(window, g_waiting.front())) g_waiting.pop_front();
}

bool input_waiting() { return !g_waiting.empty(); }

}  // namespace kartla::gui
