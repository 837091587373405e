#pragma once
// ImGui 1.86 samples input state once per frame, so fast input gets lost: a
// key pressed and released between two frames is never seen, and keys or
// characters that arrive in the same frame as the click that focuses a text
// field go nowhere. We keep such events in order and deliver them over the
// following frames. The state is the window's: an InputOrdering the program
// owns, found by GLFW's callbacks through the window's user pointer.
#include <deque>
#include <set>

struct GLFWwindow;

namespace kartla::gui {

class InputOrdering {
public:
    explicit InputOrdering(GLFWwindow* window);  // after ImGui_ImplGlfw_Init
    ~InputOrdering();
    InputOrdering(const InputOrdering&) = delete;
    InputOrdering& operator=(const InputOrdering&) = delete;

    void deliver_waiting();                      // after each rendered frame
    bool waiting() const { return !waiting_.empty(); }  // more frames are needed to deliver it

    struct Event {
        enum Kind { Key, Char } kind;
        int key = 0, scancode = 0, action = 0, mods = 0;
        unsigned int codepoint = 0;
    };
    void queue_or_deliver(const Event& event);
    void clicked() { click_since_frame_ = true; }

private:
    bool deliver(const Event& e);

    GLFWwindow* window_;
    std::set<int> pressed_since_frame_;
    std::set<int> typing_keys_;  // pressed keys that typed a character
    int last_pressed_ = -1;
    bool click_since_frame_ = false;
    // Once one event waits, all later ones wait too, or Ctrl could be released
    // before the frame that sees Ctrl+Q.
    std::deque<Event> waiting_;
};

}  // namespace kartla::gui
