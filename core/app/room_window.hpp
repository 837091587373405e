#pragma once
// The room's window on the second screen (the projector): full screen, its own
// ImGui context with large fonts and the light projector theme, and no input
// callbacks. It shares the facilitator's OpenGL objects, so the font texture
// the mirrored view refers to is valid here too.
#include "host/runtime.hpp"
#include "ui/shell/shell.hpp"

struct GLFWwindow;
struct GLFWmonitor;
struct ImGuiContext;

namespace kartla::gui {

class RoomWindow {
public:
    RoomWindow(GLFWwindow* console, Runtime& runtime) : console_(console), runtime_(runtime) {}
    ~RoomWindow() { close(); }
    RoomWindow(const RoomWindow&) = delete;
    RoomWindow& operator=(const RoomWindow&) = delete;

    // Opens or closes the window as the screens and the facilitator's choice say.
    void follow_screens(ui::Shell& shell);
    // Draws one frame; call in the console's context right after it rendered.
    void frame(ui::Shell& shell);

private:
    bool open(GLFWmonitor* monitor, const std::string& title);
    void close();
    GLFWmonitor* room_monitor() const;  // a screen the console does not stand on

    GLFWwindow* console_;
    Runtime& runtime_;
    GLFWwindow* window_ = nullptr;
    GLFWmonitor* monitor_ = nullptr;
    ImGuiContext* context_ = nullptr;
    bool failed_ = false;  // said once; not retried until the screens change
    int screens_seen_ = 0;
};

}  // namespace kartla::gui
