#pragma once
// What all problem_map views share: the host, the per-revision snapshot, the
// selection (so the board, list and panel agree). Edits go through the host
// (edits::…(host(), …)), which shows failures itself.
#include "model/placement.hpp"
#include "model/queries.hpp"

#include "kartla/plugin_api.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace kartla::problem_map::views {

struct Selection {
    std::vector<Id> cards;
    Id cluster = 0;

    bool has(Id card) const;
    Id single() const { return cards.size() == 1 ? cards.front() : 0; }
    void only(Id card);
    void toggle(Id card);
    void clear();
};

enum class Tab { Board, List, Priority, Matrix, Causes, Lists };

// The world rectangle the facilitator's board shows, so the room's board shows the same.
struct BoardFrame {
    ImVec2 min{0, 0};
    ImVec2 max{0, 0};
    bool legend = true;
    bool known = false;
    bool pointing = false;  // the facilitator's mouse is over the board, at `pointer` (world)
    ImVec2 pointer{0, 0};
};

class UiState {
public:
    explicit UiState(Host& host) : host_(host) {}

    const char* tr(const char* msgid) { return host_.tr(msgid); }
    Translate translator() { return host_.translator(); }
    Host& host() { return host_; }
    Workshop* workshop() { return host_.workshop(); }
    // The open workshop's revision (0 without one): views key their derived state on it.
    std::uint64_t revision() {
        Workshop* w = workshop();
        return w ? w->revision() : 0;
    }
    // This frame's picture of the workshop; null when no workshop is open.
    std::shared_ptr<const Snapshot> snapshot();
    bool silent_round_running();

    SnapshotCache cache;
    Selection selection;
    Id cause_problem = 0;  // the problem whose causes the cause view shows
    Id selected_cause = 0;
    BoardFrame board_frame;
    // The world rectangle the room sees on the board (the facilitator's, as last drawn), or
    // none before the board was drawn: where phones' cards go, and where they are revealed.
    std::optional<placement::Rect> room_view() const;
    bool open_tab_requested = false;
    Tab requested_tab = Tab::Board;
    void show_tab(Tab tab) {
        requested_tab = tab;
        open_tab_requested = true;
    }

private:
    Host& host_;
};

}  // namespace kartla::problem_map::views
