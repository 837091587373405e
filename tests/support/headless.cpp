#include "headless.hpp"

#include "host/context_data.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <stdexcept>

namespace kartla::test {

Headless::Headless(ImVec2 display) : context_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    // The same key codes as the GLFW backend, so shortcuts match the real program.
    io.KeyMap[ImGuiKey_Tab] = keys::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = keys::Left;
    io.KeyMap[ImGuiKey_RightArrow] = keys::Right;
    io.KeyMap[ImGuiKey_UpArrow] = keys::Up;
    io.KeyMap[ImGuiKey_DownArrow] = keys::Down;
    io.KeyMap[ImGuiKey_PageUp] = keys::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = keys::PageDown;
    io.KeyMap[ImGuiKey_Home] = keys::Home;
    io.KeyMap[ImGuiKey_End] = keys::End;
    io.KeyMap[ImGuiKey_Insert] = keys::Insert;
    io.KeyMap[ImGuiKey_Delete] = keys::Delete;
    io.KeyMap[ImGuiKey_Backspace] = keys::Backspace;
    io.KeyMap[ImGuiKey_Space] = keys::Space;
    io.KeyMap[ImGuiKey_Enter] = keys::Enter;
    io.KeyMap[ImGuiKey_Escape] = keys::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = keys::KeypadEnter;
    io.KeyMap[ImGuiKey_A] = keys::A;
    io.KeyMap[ImGuiKey_C] = keys::C;
    io.KeyMap[ImGuiKey_V] = keys::V;
    io.KeyMap[ImGuiKey_X] = keys::X;
    io.KeyMap[ImGuiKey_Y] = keys::Y;
    io.KeyMap[ImGuiKey_Z] = keys::Z;
    rebuild_fonts(1.0f);
    ui::set_probes_enabled(true);
}

Headless::~Headless() {
    ui::set_probes_enabled(false);
    ImGui::DestroyContext(context_);
}

void Headless::rebuild_fonts(float scale) {
    ui::build_fonts(scale);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

void Headless::frame(int count) {
    for (int i = 0; i < count; ++i) {
        ui::clear_probes();
        ImGui::NewFrame();
        if (ui_) ui_();
        ImGui::Render();
    }
}

void Headless::move_to(ImVec2 position) {
    ImGui::GetIO().MousePos = position;
    frame();
}

void Headless::click(ImVec2 position) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(position);
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
}

void Headless::double_click(ImVec2 position) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(position);
    for (int i = 0; i < 2; ++i) {
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
}

void Headless::drag(ImVec2 from, ImVec2 to, int steps) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(from);
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        float t = float(i) / float(steps);
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    // Move away so a later double click does not merge with this release.
    io.DeltaTime = 1.0f;
    frame();
    io.DeltaTime = 1.0f / 60.0f;
}

void Headless::wheel(ImVec2 position, float amount) {
    move_to(position);
    ImGui::GetIO().MouseWheel = amount;
    frame();
}

bool Headless::has_item(const std::string& key) {
    ImVec2 min, max;
    return ui::item_rect(key, min, max);
}

ImVec2 Headless::item_center(const std::string& key) {
    ImVec2 min, max;
    if (!ui::item_rect(key, min, max)) throw std::runtime_error("no item drawn with the key " + key);
    return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
}

void Headless::click_item(const std::string& key) { click(item_center(key)); }
void Headless::double_click_item(const std::string& key) { double_click(item_center(key)); }

void Headless::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void Headless::click_then_type(ImVec2 position, const std::string& during_press, const std::string& during_release) {
    ImGuiIO& io = ImGui::GetIO();
    move_to(position);
    io.MouseDown[0] = true;
    io.AddInputCharactersUTF8(during_press.c_str());
    frame();
    io.MouseDown[0] = false;
    io.AddInputCharactersUTF8(during_release.c_str());
    frame();
}

void Headless::key_typing(int code, const std::string& utf8) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[code] = true;
    io.AddInputCharactersUTF8(utf8.c_str());
    frame();
    io.KeysDown[code] = false;
    frame();
}

void Headless::advance(double seconds) {
    ImGuiIO& io = ImGui::GetIO();
    float usual = io.DeltaTime;
    io.DeltaTime = float(seconds);
    frame();
    io.DeltaTime = usual;
}

void Headless::key(int code, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[code] = true;
    frame();
    io.KeysDown[code] = false;
    frame();
    io.KeyCtrl = io.KeyShift = false;
    frame();
}

RoomScreen::RoomScreen(ImVec2 display) {
    ImGuiContext* console = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();  // leaves the console's context current
    share_context_data(context_, console);  // as the window's room view: the console's probes
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display;
    io.DeltaTime = 1.0f / 60.0f;
    ui::build_fonts(1.5f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ImGui::SetCurrentContext(console);
}

RoomScreen::~RoomScreen() { ImGui::DestroyContext(context_); }

void RoomScreen::frame(const std::function<void()>& draw, ImVec2 mouse, bool down) {
    ImGuiContext* console = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().MousePos = mouse;
    ImGui::GetIO().MouseDown[0] = down;
    ui::clear_probes();
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    foreground_vertices_ = ImGui::GetForegroundDrawList()->VtxBuffer.Size;
    ImGui::SetCurrentContext(console);
}

}  // namespace kartla::test
