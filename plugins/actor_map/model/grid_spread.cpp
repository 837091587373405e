#include "model/grid_spread.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kartla::actor_map {

namespace {

Box box_at(Point c, Size s) { return {c.x - s.width / 2, c.y - s.height / 2, c.x + s.width / 2, c.y + s.height / 2}; }

// The centres a chip may take along one axis of its cell, in steps of half the chip:
// the chip whole inside the cell (place_cell leaves out a chip larger than its cell).
std::vector<double> stops(double lo, double hi, double extent, double want) {
    double first = lo + extent / 2, last = std::max(first, hi - extent / 2);
    std::vector<double> out{std::clamp(want, first, last)};
    const int steps = int(std::ceil((last - first) / std::max(extent / 2, 4.0)));
    for (int i = 0; i <= steps; ++i) out.push_back(steps ? first + (last - first) * i / steps : first);
    return out;
}

// Places the chips of one cell around what is taken already; returns the ones that found no spot.
std::vector<std::int64_t> place_cell(const std::vector<const GridChip*>& chips, const Box& cell, std::vector<Box> taken,
                                     double gap, std::vector<GridSpread::Placed>& placed) {
    std::vector<std::int64_t> left_out;
    for (const GridChip* chip : chips) {
        // Larger than the cell: drawn anyway it ran past the quadrant over its neighbour (300 %).
        if (chip->size.width > cell.x1 - cell.x0 || chip->size.height > cell.y1 - cell.y0) {
            left_out.push_back(chip->id);
            continue;
        }
        const auto xs = stops(cell.x0, cell.x1, chip->size.width, chip->want.x);
        const auto ys = stops(cell.y0, cell.y1, chip->size.height, chip->want.y);
        double best = std::numeric_limits<double>::max();
        Point spot;
        for (double y : ys)
            for (double x : xs) {
                const double d = std::hypot(x - chip->want.x, y - chip->want.y);
                if (d >= best) continue;
                const Box b = box_at({x, y}, chip->size);
                if (std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return b.overlaps(t, gap); })) {
                    best = d;
                    spot = {x, y};
                }
            }
        if (best == std::numeric_limits<double>::max()) {
            left_out.push_back(chip->id);
            continue;
        }
        taken.push_back(box_at(spot, chip->size));
        placed.push_back({chip->id, spot});
    }
    return left_out;
}

}  // namespace

GridSpread spread_chips(const std::vector<GridChip>& chips, const std::vector<Box>& cells, Size badge, double gap) {
    GridSpread out;
    for (int cell = 0; cell < int(cells.size()); ++cell) {
        std::vector<const GridChip*> mine;
        for (const auto& chip : chips)
            if (chip.cell == cell) mine.push_back(&chip);
        if (mine.empty()) continue;
        const Box& c = cells[std::size_t(cell)];
        std::vector<GridSpread::Placed> placed;
        auto left_out = place_cell(mine, c, {}, gap, placed);
        if (!left_out.empty()) {
            // Again with the badge's corner kept free, so the badge covers no name.
            const Box corner{std::max(c.x0, c.x1 - gap - badge.width), std::max(c.y0, c.y1 - gap - badge.height), c.x1 - gap,
                             c.y1 - gap};
            placed.clear();
            left_out = place_cell(mine, c, {corner}, gap, placed);
            out.badges.push_back({cell, corner, std::move(left_out)});
        }
        out.placed.insert(out.placed.end(), placed.begin(), placed.end());
    }
    // In the order given, so the drawing order (and what lies on top while dragging) stays the snapshot's.
    std::vector<GridSpread::Placed> ordered;
    for (const auto& chip : chips)
        for (const auto& p : out.placed)
            if (p.id == chip.id) ordered.push_back(p);
    out.placed = std::move(ordered);
    return out;
}

}  // namespace kartla::actor_map
