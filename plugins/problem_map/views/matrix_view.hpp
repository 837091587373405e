#pragma once
// The priority matrix: severity × trend or impact × ability to influence, as
// the facilitator chooses. Cards sit where their fields put them; dragging a
// card to another cell changes those fields.
#include <string>
#include "ui_state.hpp"

namespace kartla::problem_map::views {

class MatrixView {
public:
    explicit MatrixView(UiState& context) : c_(context) {}
    void draw();
    bool draw_room();

private:
    struct Grid {
        ImVec2 origin;  // top-left of the cell area
        ImVec2 cell;
        int columns = 0;
        float strip = 0;  // height of the "not assessed" strip below the cells
        float labels = 0;  // width of the row labels' column, left of the cells
        // Cell under a screen point; row kMatrixRows is the strip; false when outside.
        bool cell_at(ImVec2 p, int& column, int& row) const;
        ImVec2 cell_min(int column, int row) const;
    };
    std::string row_label(MatrixMode mode, int row);  // row kMatrixRows: the strip
    void draw_grid(const Snapshot& s, const Grid& grid, MatrixMode mode);
    void draw_cards(const Snapshot& s, const Grid& grid, MatrixMode mode);
    UiState& c_;
    bool only_prioritised_ = false;
    bool room_ = false;  // drawing for the room: no controls
};

}  // namespace kartla::problem_map::views
