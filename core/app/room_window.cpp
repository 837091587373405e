#include "room_window.hpp"

#include "host/context_data.hpp"
#include "gl_frame.hpp"
#include "theme.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/shell/room_view.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace kartla::gui {

namespace {

bool contains(GLFWmonitor* monitor, int x, int y) {
    int mx = 0, my = 0;
    glfwGetMonitorPos(monitor, &mx, &my);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    return mode && x >= mx && y >= my && x < mx + mode->width && y < my + mode->height;
}

// Draws in `context` and `window`, then gives both back to the caller's.
class ContextSwitch {
public:
    ContextSwitch(GLFWwindow* window, ImGuiContext* context)
        : gl_before_(glfwGetCurrentContext()), imgui_before_(ImGui::GetCurrentContext()) {
        glfwMakeContextCurrent(window);
        ImGui::SetCurrentContext(context);
    }
    ~ContextSwitch() {
        ImGui::SetCurrentContext(imgui_before_);
        glfwMakeContextCurrent(gl_before_);
    }
    ContextSwitch(const ContextSwitch&) = delete;
    ContextSwitch& operator=(const ContextSwitch&) = delete;

private:
    GLFWwindow* gl_before_;
    ImGuiContext* imgui_before_;
};

// The GLFW backend polls the mouse of every window it serves; a click on the
// projector (the pointer wandered across) must not edit anything.
void ignore_input(ImGuiIO& io) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown) down = false;
    io.MouseWheel = io.MouseWheelH = 0;
}

}  // namespace

GLFWmonitor* RoomWindow::room_monitor() const {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetWindowPos(console_, &x, &y);
    glfwGetWindowSize(console_, &w, &h);
    for (int i = 0; i < count; ++i)
        if (!contains(monitors[i], x + w / 2, y + h / 2)) return monitors[i];
    return nullptr;
}

void RoomWindow::follow_screens(ui::Shell& shell) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count != screens_seen_) failed_ = false;  // a projector plugged in: try again
    screens_seen_ = count;
    shell.set_screen_count(count);
    bool monitor_gone = window_ && std::find(monitors, monitors + count, monitor_) == monitors + count;
    if (window_ && glfwWindowShouldClose(window_)) {
        close();
        shell.toggle_room_view();  // closed by hand: the facilitator does not want it now
        return;
    }
    if (window_ && (!shell.room_view_wanted() || monitor_gone)) close();
    if (!window_ && !failed_ && shell.room_view_wanted())
        if (GLFWmonitor* monitor = room_monitor()) failed_ = !open(monitor, shell.room_window_title());
}

bool RoomWindow::open(GLFWmonitor* monitor, const std::string& title) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode) return false;
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_FALSE);
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stays on the projector while the laptop has the focus
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    window_ = glfwCreateWindow(mode->width, mode->height, title.c_str(), monitor, console_);
    if (!window_) {
        runtime_.messages().post(LogLevel::Warning, runtime_.translate("The room view could not be opened on the second screen."));
        return false;
    }
    monitor_ = monitor;
    context_ = ImGui::CreateContext();
    share_context_data(context_, ImGui::GetCurrentContext());  // the console's translation and probes
    ContextSwitch use(window_, context_);
    glfwSwapInterval(0);  // the console's swap already waits for the display
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window_, false);
    ImGui_ImplOpenGL3_Init("#version 150");
    // As large as the back of the room needs on this screen, from its resolution and its size.
    int width_mm = 0, height_mm = 0;
    glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
    float scale = ui::room_text_scale(mode->width, mode->height, width_mm, height_mm);
    if (auto message = ui::build_fonts(scale); !message.empty()) runtime_.messages().post(LogLevel::Warning, message);
    apply_theme(scale, "light");
    return true;
}

void RoomWindow::close() {
    if (!window_) return;
    {
        ContextSwitch use(window_, context_);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext(context_);
    glfwDestroyWindow(window_);
    window_ = nullptr;
    context_ = nullptr;
    monitor_ = nullptr;
}

void RoomWindow::frame(ui::Shell& shell) {
    if (!window_) return;
    ui::MirroredView view = ui::capture_view(shell.main_view_window().c_str());
    ContextSwitch use(window_, context_);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ignore_input(ImGui::GetIO());
    ImGui::NewFrame();
    ui::RoomLayout layout = shell.draw_room(view);
    ImGui::Render();
    const ImGuiIO& io = ImGui::GetIO();
    clear_to_background(window_);
    if (layout.mirror && !view.empty()) {
        ImDrawData mirror = ui::mirror_draw_data(view, layout, io.DisplaySize, io.DisplayFramebufferScale);
        ImGui_ImplOpenGL3_RenderDrawData(&mirror);
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
}

}  // namespace kartla::gui
