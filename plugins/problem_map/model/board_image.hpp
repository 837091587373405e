#pragma once
// A picture of the problem board for the workshop report: the clusters with
// their names and the cards where the room put them, coloured by category,
// prioritised cards framed. Drawn with cairo and Pango straight from the
// snapshot, so it needs no window and no ImGui.
#include "queries.hpp"

#include <string>

namespace kartla::problem_map {

// PNG bytes, at most `max_width` pixels wide; empty when the board has no cards.
// Cards still face down in a silent round are drawn blank, as on the board.
std::string board_png(const Snapshot& s, int max_width = 1600);

}  // namespace kartla::problem_map
