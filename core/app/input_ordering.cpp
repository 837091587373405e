#include "input_ordering.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

namespace kartla::gui {

namespace {

InputOrdering& ordering_of(GLFWwindow* window) { return *static_cast<InputOrdering*>(glfwGetWindowUserPointer(window)); }

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ordering_of(window).queue_or_deliver({InputOrdering::Event::Key, key, scancode, action, mods, 0});
}

void on_char(GLFWwindow* window, unsigned int codepoint) {
    ordering_of(window).queue_or_deliver({InputOrdering::Event::Char, 0, 0, 0, 0, codepoint});
}

void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    if (action == GLFW_PRESS) ordering_of(window).clicked();
}

}  // namespace

InputOrdering::InputOrdering(GLFWwindow* window) : window_(window) {
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, on_mouse_button);
}

InputOrdering::~InputOrdering() {
    glfwSetKeyCallback(window_, nullptr);
    glfwSetCharCallback(window_, nullptr);
    glfwSetMouseButtonCallback(window_, nullptr);
    glfwSetWindowUserPointer(window_, nullptr);
}

// Delivers the event unless a frame has to see what came before it first.
bool InputOrdering::deliver(const Event& e) {
    if (click_since_frame_) return false;  // let the click focus its field first
    if (e.kind == Event::Char) {
        ImGui_ImplGlfw_CharCallback(window_, e.codepoint);
        typing_keys_.insert(last_pressed_);
        return true;
    }
    // While a text field has focus, a key that typed a character matters only as
    // that character: its release need not wait for a frame to see the key down.
    // Fast typing then costs no frame per letter; Backspace, Enter and the
    // arrows, which type nothing, still get their frame.
    bool typing = ImGui::GetIO().WantTextInput && typing_keys_.count(e.key);
    if (e.action == GLFW_RELEASE && pressed_since_frame_.count(e.key) && !typing) return false;
    if (e.action == GLFW_RELEASE) typing_keys_.erase(e.key);
    if (e.action == GLFW_PRESS) {
        pressed_since_frame_.insert(e.key);
        last_pressed_ = e.key;
    }
    ImGui_ImplGlfw_KeyCallback(window_, e.key, e.scancode, e.action, e.mods);
    return true;
}

void InputOrdering::queue_or_deliver(const Event& event) {
    if (!waiting_.empty() || !deliver(event)) waiting_.push_back(event);
}

void InputOrdering::deliver_waiting() {
    pressed_since_frame_.clear();
    click_since_frame_ = false;
    while (!waiting_.empty() && deliver(waiting_.front())) waiting_.pop_front();
}

}  // namespace kartla::gui
