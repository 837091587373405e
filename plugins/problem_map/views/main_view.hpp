#pragma once
// The problem picture window: one tab per way of looking at the same problems,
// big enough to hit on a touch screen.
#include "board_view.hpp"
#include "card_panel.hpp"
#include "cause_view.hpp"
#include "list_view.hpp"
#include "lists_view.hpp"
#include "matrix_view.hpp"
#include "ui_state.hpp"
#include "vote_view.hpp"

namespace kartla::problem_map::views {

class MainView {
public:
    explicit MainView(UiState& context);
    void draw();
    // The room view: the board drawn for the room while the facilitator is on the
    // board's tab; false on other tabs, which the room sees mirrored.
    bool draw_room();
    void reveal_all();
    // The tabs an agenda step can open (ViewSpec::tabs), and opening one by its key.
    static std::vector<ViewTab> tabs();
    void show_tab(std::string_view key);

private:
    UiState& c_;
    CardPanel panel_;
    BoardView board_;
    BoardView room_board_;
    Tab shown_tab_ = Tab::Board;  // the tab the facilitator has open
    ListView list_;
    VoteView vote_;
    MatrixView matrix_;
    CauseView causes_;
    ListsView lists_;
};

}  // namespace kartla::problem_map::views
