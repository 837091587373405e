#pragma once
// Drives real panels in an ImGui context with no window. The only file that
// touches ImGui's input API (which changes in ImGui 1.87+).
#include <imgui.h>

#include <cfloat>
#include <functional>
#include <string>

namespace kartla::test {

class Headless {
public:
    explicit Headless(ImVec2 display = ImVec2(1600, 900));
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // What to draw each frame (between NewFrame and Render).
    void set_ui(std::function<void()> ui) { ui_ = std::move(ui); }
    void frame(int count = 1);

    void move_to(ImVec2 position);
    void click(ImVec2 position);
    void double_click(ImVec2 position);
    void drag(ImVec2 from, ImVec2 to, int steps = 6);
    void wheel(ImVec2 position, float amount);
    // Clicks the centre of an item a view marked with kartla::ui::mark_item().
    void click_item(const std::string& key);
    void double_click_item(const std::string& key);
    ImVec2 item_center(const std::string& key);
    bool has_item(const std::string& key);
    void type(const std::string& utf8);
    // A click whose press and release frames already carry typed characters, as
    // when someone clicks "New card" and types at once on a busy machine.
    void click_then_type(ImVec2 position, const std::string& during_press, const std::string& during_release);
    // A key pressed together with the character it types (a letter key on the board).
    void key_typing(int code, const std::string& utf8);
    // One frame that takes `seconds` of the clock (ImGui's time, which the shared
    // text fields read): time passes without sleeping.
    void advance(double seconds);
    // Presses and releases a key (kartla::keys code) with modifiers.
    void key(int code, bool ctrl = false, bool shift = false);
    void rebuild_fonts(float scale);
    ImGuiContext* context() const { return context_; }

private:
    ImGuiContext* context_;
    std::function<void()> ui_;
};

// A second ImGui context, as the host makes one for the room view on a second
// screen: larger text (150 %). Each frame switches to it and back, so the
// console's context stays current for the test.
class RoomScreen {
public:
    explicit RoomScreen(ImVec2 display = ImVec2(1280, 720));
    ~RoomScreen();
    RoomScreen(const RoomScreen&) = delete;
    RoomScreen& operator=(const RoomScreen&) = delete;

    // One frame: `draw` runs between NewFrame and Render, the mouse at `mouse` with
    // its left button `down`. Probes then show what this frame drew: draw a console
    // frame before reading the console's again.
    void frame(const std::function<void()>& draw, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false);
    // Vertices drawn over everything in the last frame (the follow-me marks).
    int foreground_vertices() const { return foreground_vertices_; }

private:
    ImGuiContext* context_;
    int foreground_vertices_ = 0;
};

}  // namespace kartla::test
