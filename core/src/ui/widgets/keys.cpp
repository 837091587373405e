// Shortcuts by the character typed on the user's keyboard layout (see keys.hpp).
#include "kartla/keys.hpp"

#include "ui/widgets/key_layout.hpp"
#include "host/context_data.hpp"

#include <imgui.h>

#include <iterator>
#include <vector>

namespace kartla::keys {

namespace {

// Kept with the ImGui context whose keys they read (host/context_data.hpp).
struct KeyState {
    std::function<int(int)> layout;  // the host's keyboard layout (set_layout); none: a US layout
    std::vector<int> characters;     // of the keys pressed in `frame` of `context`
    int frame = -1;
    ImGuiContext* context = nullptr;  // a room view's context shares this state (host/context_data.hpp)
};

constexpr bool printable(int key) { return key >= Space && key < 127; }

int upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }

// The characters of the keys pressed in this frame, found once per frame:
// most frames have none, and a shortcut check is then one comparison.
const std::vector<int>& characters_this_frame() {
    KeyState& state = *context_data<KeyState>();
    if (state.frame == ImGui::GetFrameCount() && state.context == ImGui::GetCurrentContext()) return state.characters;
    state.frame = ImGui::GetFrameCount();
    state.context = ImGui::GetCurrentContext();
    state.characters.clear();
    const ImGuiIO& io = ImGui::GetIO();
    for (int key = 0; key < int(std::size(io.KeysDown)); ++key)
        if (io.KeysDownDuration[key] == 0.0f)  // went down this frame, as IsKeyPressed(key, false)
            if (int c = character_of(key)) state.characters.push_back(c);
    return state.characters;
}

}  // namespace

void set_layout(std::function<int(int key)> character_of) {
    if (KeyState* state = context_data<KeyState>()) {
        state->layout = std::move(character_of);
        state->frame = -1;
    }
}

int character_of(int key) {
    KeyState* state = context_data<KeyState>();
    if (state && state->layout) return upper(state->layout(key));
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
