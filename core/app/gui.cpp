// The window: GLFW + OpenGL 3 around the core's Shell. Event driven: after
// input a few frames are drawn, then the loop sleeps until the next event.
#include "gui.hpp"

#include "gl_frame.hpp"
#include "input_ordering.hpp"
#include "layout_file.hpp"
#include "host/paths.hpp"
#include "room_window.hpp"
#include "host/runtime.hpp"
#include "theme.hpp"
#include "kartla/keys.hpp"
#include "ui/widgets/key_layout.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace kartla::gui {

namespace fs = std::filesystem;

namespace {

// Frames to draw after an event: ImGui settles hover, focus and popups over a couple of frames.
constexpr int kFramesAfterEvent = 3;

bool display_available() {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

void rebuild_fonts(ui::Shell& shell, ui::Settings& settings, Runtime& runtime) {
    if (auto message = ui::build_fonts(shell.drawn_text_scale()); !message.empty())
        runtime.messages().post(LogLevel::Warning, message);
    apply_theme(shell.drawn_text_scale(), settings.theme);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    shell.fonts_rebuilt();
}

// The character a key types on the keyboard layout in use (GLFW's key codes name
// places on a US keyboard), for shortcuts such as Ctrl+plus; see keys.hpp.
int layout_character(int key) {
    const char* name = glfwGetKeyName(key, 0);
    if (!name || !*name) return 0;
    auto byte = [&](int i) { return static_cast<unsigned char>(name[i]); };
    if (byte(0) < 0x80) return name[1] ? 0 : byte(0);
    if ((byte(0) & 0xE0) == 0xC0 && (byte(1) & 0xC0) == 0x80 && !name[2])
        return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);  // å ä ö: two bytes
    return 0;  // longer names are not one character a shortcut could name
}

// Where the window was before it went full screen, to go back there.
struct WindowedPlace {
    int saved[4] = {100, 100, 1280, 800};
};

void toggle_fullscreen(GLFWwindow* window, WindowedPlace& place) {
    int* saved = place.saved;
    if (glfwGetWindowMonitor(window)) {
        glfwSetWindowMonitor(window, nullptr, saved[0], saved[1], saved[2], saved[3], 0);
        return;
    }
    glfwGetWindowPos(window, &saved[0], &saved[1]);
    glfwGetWindowSize(window, &saved[2], &saved[3]);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void render(GLFWwindow* window) {
    ImGui::Render();
    clear_to_background(window);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
}

}  // namespace

int run(const std::string& file, const PluginStartOptions& plugins) {
    if (!display_available()) {
        std::fprintf(stderr, "kartla: no display to open a window on (DISPLAY is not set); "
                             "kartla info, export and sample work without one\n");
        return 1;
    }
    glfwSetErrorCallback([](int, const char* description) { std::fprintf(stderr, "kartla: %s\n", description); });
    if (!glfwInit()) {
        std::fprintf(stderr, "kartla: could not connect to the display\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    // Fill the screen's work area: on a projector every pixel counts.
    int area_x = 0, area_y = 0, area_w = 1400, area_h = 860;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(monitor, &area_x, &area_y, &area_w, &area_h);
    glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(area_w, area_h, "kartla", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "kartla: could not open a window with OpenGL 3.2\n");
        glfwTerminate();
        return 1;
    }
    glfwSetWindowPos(window, area_x, area_y);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Outlives the context (destroyed at the end of this function), which keeps a pointer to it.
    std::string ini_file = (paths::user_config_dir() / "layout.ini").string();
    fs::create_directories(paths::user_config_dir());
    ImGui::GetIO().IniFilename = ini_file.c_str();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    keys::set_layout(layout_character);
    ImGui_ImplOpenGL3_Init("#version 150");

    fs::path settings_file = paths::user_config_dir() / "settings.json";
    ui::Settings settings = ui::Settings::load(settings_file);
    {
        InputOrdering input(window);  // before any event is polled
        WindowedPlace windowed;
        Runtime runtime;
        runtime.plugins().start(plugins, paths::safe_start_dir());
        ui::Shell shell(runtime, settings, settings_file);
        shell.give_plugins_text_scale();
        shell.phones().server().wake = [] { glfwPostEmptyEvent(); };  // a phone's request waits for the next frame
        rebuild_fonts(shell, settings, runtime);
        if (!file.empty()) {
            std::error_code ec;
            if (fs::exists(file, ec)) shell.open_file(file);
            else shell.create_file(file);
        }

        RoomWindow room(window, runtime);
        LayoutFile layout;
        int frames_left = kFramesAfterEvent;
        int quit_frames = -1;
        std::string title;
        std::uint64_t drawn_revision = 0;
        double last_frame_start = glfwGetTime(), last_frame_seconds = 0;
        while (quit_frames != 0) {
            if (glfwWindowShouldClose(window) && quit_frames < 0) {
                shell.request_quit();
                glfwSetWindowShouldClose(window, GLFW_FALSE);
            }
            if (frames_left > 0 || quit_frames > 0 || input.waiting()) {
                glfwPollEvents();
                --frames_left;
            } else {
                // Idle, but not forever: typed text is due to be saved, the countdown
                // ticks, and every few seconds we look whether the file is still there.
                double before = glfwGetTime(), wake = shell.wake_in();
                glfwWaitEventsTimeout(wake);
                bool timed_out = glfwGetTime() - before >= wake;
                frames_left = timed_out ? 1 : kFramesAfterEvent;
            }
            if (shell.fonts_dirty()) rebuild_fonts(shell, settings, runtime);
            // On a slow machine a frame takes long: typed text due before this frame would
            // end is written now, before its drawing work, not after it.
            double frame_start = glfwGetTime();
            ui::write_due_text(frame_start - last_frame_start + last_frame_seconds);
            last_frame_start = frame_start;
            room.follow_screens(shell);
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            layout.begin_frame();
            ImGui::NewFrame();
            shell.frame();
            render(window);
            if (layout.enabled()) {
                int width = 0, height = 0;
                glfwGetWindowSize(window, &width, &height);
                layout.write(shell, settings, width, height);
            }
            room.frame(shell);
            last_frame_seconds = glfwGetTime() - frame_start;
            input.deliver_waiting();
            if (shell.fullscreen_toggle_requested()) toggle_fullscreen(window, windowed);
            // A save late in a frame (typed text) changed what views drawn before it show: draw once more.
            if (Workshop* w = runtime.workshop(); w && w->revision() != drawn_revision) {
                drawn_revision = w->revision();
                frames_left = std::max(frames_left, 1);
            }
            if (auto wanted = shell.window_title(); wanted != title) glfwSetWindowTitle(window, (title = wanted).c_str());
            // Quitting takes two more frames so a text field being typed in is committed first.
            if (shell.quit_requested()) quit_frames = quit_frames < 0 ? 2 : quit_frames - 1;
        }
        settings.save(settings_file);
        keys::set_layout(nullptr);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace kartla::gui
