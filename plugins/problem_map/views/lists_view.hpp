#pragma once
// The workshop's own lists, edited by the facilitator: problem categories
// (name and colour) and areas (name and police area class).
#include "ui_state.hpp"

#include <string>

namespace kartla::problem_map::views {

class ListsView {
public:
    explicit ListsView(UiState& context) : c_(context) {}
    void draw();

private:
    void draw_categories(const Snapshot& s);
    void draw_areas(const Snapshot& s);
    UiState& c_;
    std::string new_category_, new_area_;  // the shared add fields (ui::add_field)
};

}  // namespace kartla::problem_map::views
