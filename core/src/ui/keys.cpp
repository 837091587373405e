// Shortcuts by the character typed on the user's keyboard layout (see keys.hpp).
#include "kartla/keys.hpp"

#include <imgui.h>

#include <iterator>
#include <vector>

namespace kartla::keys {

namespace {

std::function<int(int)> g_layout;

constexpr bool printable(int key) { return key >= Space && key < 127; }

int upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

// The characters of the keys pressed in this frame, found once per frame:
// most frames have none, and a shortcut check is then one comparison.
const std::vector<int>& characters_this_frame() {
    static std::vector<int> characters;
    static int frame = -1;
    static ImGuiContext* context = nullptr;
    if (frame == ImGui::GetFrameCount() && context == ImGui::GetCurrentContext()) return characters;
    frame = ImGui::GetFrameCount();
    context = ImGui::GetCurrentContext();
    characters.clear();
    const ImGuiIO& io = ImGui::GetIO();
    for (int key = 0; key < int(std::size(io.KeysDown)); ++key)
        if (io.KeysDownDuration[key] == 0.0f)  // went down this frame, as IsKeyPressed(key, false)
            if (int c = character_of(key)) characters.push_back(c);
    return characters;
}

}  // namespace

void set_layout(std::function<int(int key)> character_of) { g_layout = std::move(character_of); }

int character_of(int key) {
    if (g_layout) return upper(g_layout(key));
    return printable(key) ? upper(key) : 0;
}

bool character_pressed(int character, bool ctrl) {
    if (ImGui::GetIO().KeyCtrl != ctrl) return false;
    character = upper(character);
    for (int c : characters_this_frame())
        if (c == character) return true;
    return false;
}

bool chord_pressed(int key, bool ctrl, bool shift) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl != ctrl || io.KeyShift != shift) return false;
    if (!printable(key)) return ImGui::IsKeyPressed(key, false);
    return character_pressed(key, ctrl);
}

}  // namespace kartla::keys
