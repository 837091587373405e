#pragma once
// What all problem_map views share: the host, the per-revision snapshot, the
// selection (so the board, list and panel agree), and a way to report failures.
#include "model/queries.hpp"

#include "kartla/plugin_api.hpp"

#include <memory>
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

class Context {
public:
    explicit Context(Host& host) : host_(host) {}

    const char* tr(const char* msgid) { return host_.tr(msgid); }
    Translate translator();
    Host& host() { return host_; }
    Workshop* workshop() { return host_.workshop(); }
    // This frame's picture of the workshop; null when no workshop is open.
    std::shared_ptr<const Snapshot> snapshot();
    // True when the edit went through; otherwise tells the user why.
    bool report(const EditResult& result);
    bool silent_round_running();

    SnapshotCache cache;
    Selection selection;
    Id cause_problem = 0;  // the problem whose causes the cause view shows
    Id selected_cause = 0;
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
