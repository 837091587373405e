#pragma once
// Prioritisation by dot voting: the facilitator sets the dots per voter, records
// each participant's (or organisation's) dots, sees the ranking, marks priorities.
#include "ui_state.hpp"

#include "kartla/core_data.hpp"

namespace kartla::problem_map::views {

class VoteView {
public:
    explicit VoteView(UiState& context) : c_(context) {}
    void draw();

private:
    void refresh_voters(Workshop& w, const Snapshot& s);
    void draw_settings(const Snapshot& s);
    void draw_phone_voting(const Snapshot& s);
    void draw_voters(const Snapshot& s);
    void draw_voter_choice(const Snapshot& s);  // one row, where the ranking needs the width
    std::string voter_label(const Snapshot& s, std::size_t i) const;
    // Text heights of width that take the voters beside the ranking (a 960-px-wide stage's 48 at 100 %).
    static constexpr float kWideEnoughForVoters = 48;
    void draw_ranking(const Snapshot& s);
    UiState& c_;
    std::uint64_t voters_revision_ = 0;
    Workshop* voters_workshop_ = nullptr;
    std::vector<std::pair<Voter, std::string>> voters_;  // who, and how to show them
    Voter current_;
    bool by_rank_ = false;
    bool confirm_clear_ = false;  // while voting, rows stay put under the finger; afterwards, sort by rank
};

}  // namespace kartla::problem_map::views
