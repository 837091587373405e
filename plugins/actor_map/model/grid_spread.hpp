#pragma once
// Where the actors on the influence × interest grid are drawn so that none covers
// another. At a large text size the chips grow and the grid does not: drawn at
// their own positions they piled up with their names hidden (300 % on 720 lines).
// So each chip stays in its quadrant (the grid's meaning), as near its own
// position as a free spot allows; the chips a quadrant has no room for are
// counted on one "+N" badge in its lower right corner, which opens the whole list
// (so is a chip larger than its quadrant: it would cover the neighbour's).
// Pure geometry on screen pixels, so it is tested without a window.
#include "model/layout.hpp"

#include <cstdint>
#include <vector>

namespace kartla::actor_map {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const Box& o, double gap) const {
        return x0 < o.x1 + gap && o.x0 < x1 + gap && y0 < o.y1 + gap && o.y0 < y1 + gap;
    }
};

struct GridChip {
    std::int64_t id = 0;
    Point want;  // its own position's centre
    Size size;
    int cell = 0;  // the index of its quadrant in `cells`
};

struct GridSpread {
    struct Placed {
        std::int64_t id;
        Point centre;
    };
    struct Badge {
        int cell;
        Box box;
        std::vector<std::int64_t> hidden;  // the chips not drawn, in the order given
    };
    std::vector<Placed> placed;  // in the order given
    std::vector<Badge> badges;   // one per quadrant that is full
};

// `badge` is the size of the "+N" badge; `gap` the least space between two chips.
GridSpread spread_chips(const std::vector<GridChip>& chips, const std::vector<Box>& cells, Size badge, double gap);

}  // namespace kartla::actor_map
