#pragma once
// The SDK: the views a plugin adds to the window (Host::add_view).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

// Main views take the stage one at a time (the room sees one board); side
// views (an editor, a list of checks) open in a column beside it.
enum class ViewPlacement { Main, Side };

// A tab inside a main view, which an agenda step (or the palette) can open by
// the name "<view key>/<tab key>": "problem_map.board/priority".
struct ViewTab {
    std::string key;    // stable: "priority"
    std::string title;  // English msgid of the view's plugin: "Prioritise"
};

struct ViewSpec {
    std::string key;          // stable id, survives a language switch: "problem_map.board"
    std::string title;        // English msgid, translated by the host
    bool open_by_default = true;  // side views: open at first start; main views: always available
    std::function<void()> draw;  // draws the window's contents; the host owns Begin/End
    ViewPlacement placement = ViewPlacement::Main;
    // Place in the view bar, in the order of the meeting: workshop 0, problems 10,
    // actors 20, measures 30, follow-up 40.
    int order = 50;
    // Optional: draws this main view for the room view on a second screen, in that
    // screen's own ImGui context (large text, no input): no editing controls, the
    // facilitator's selection and view shown. Returns false at once, drawing
    // nothing, to let the room see the facilitator's view mirrored instead (e.g.
    // on a tab without a room drawing). Empty: always mirrored.
    std::function<bool()> draw_room;
    // Optional: the view's tabs, and how to bring one to the front (its key).
    std::vector<ViewTab> tabs;
    std::function<void(std::string_view tab)> show_tab;
};

}  // namespace kartla
