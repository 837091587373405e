#pragma once
// The side panel: every field of the selected card (or the selected cluster's name).
#include "fields.hpp"
#include "ui_state.hpp"
#include "model/edits.hpp"

namespace kartla::problem_map::views {

class CardPanel {
public:
    explicit CardPanel(UiState& context) : c_(context) {}
    // Draws into the current window/child; `s` is this frame's snapshot.
    void draw(const Snapshot& s);

private:
    Id shown_card_ = 0;
    void draw_card(const Snapshot& s, const Card& card);
    void draw_cluster(const Snapshot& s, const Cluster& cluster);
    void draw_when(const Card& card);
    void draw_assessment(const Card& card);
    void draw_sources(const Card& card);
    void draw_priority(const Card& card);
    void set_number(Id card, int field, std::int64_t value);
    Commit text_commit(Id card, edits::TextField field);
    UiState& c_;
};

}  // namespace kartla::problem_map::views
