#include "model/grid_spread.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kartla::actor_map;

namespace {

// The four quadrants of a grid of w × h at the origin: 0 top left, 1 top right, 2 bottom left, 3 bottom right.
std::vector<Box> quadrants(double w, double h) {
    return {{0, 0, w / 2, h / 2}, {w / 2, 0, w, h / 2}, {0, h / 2, w / 2, h}, {w / 2, h / 2, w, h}};
}

bool inside(const Box& inner, const Box& outer) {
    return inner.x0 >= outer.x0 - 1e-9 && inner.y0 >= outer.y0 - 1e-9 && inner.x1 <= outer.x1 + 1e-9 && inner.y1 <= outer.y1 + 1e-9;
}

Box box_of(const GridSpread::Placed& p, Size s) {
    return {p.centre.x - s.width / 2, p.centre.y - s.height / 2, p.centre.x + s.width / 2, p.centre.y + s.height / 2};
}

}  // namespace

TEST_CASE("grid chips wanting one spot are spread apart within their quadrant") {
    const auto cells = quadrants(1200, 800);  // each quadrant 600 × 400
    const Size chip{180, 80};
    std::vector<GridChip> chips;
    for (int i = 0; i < 5; ++i) chips.push_back({i + 1, {450, 150}, chip, 0});  // all at the same place
    chips.push_back({9, {900, 600}, chip, 3});
    const GridSpread spread = spread_chips(chips, cells, {70, 50}, 6);
    REQUIRE(spread.placed.size() == 6);
    CHECK(spread.badges.empty());
    for (std::size_t i = 0; i < spread.placed.size(); ++i) {
        const Box b = box_of(spread.placed[i], chip);
        CHECK(inside(b, cells[std::size_t(chips[i].cell)]));
        for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(b.overlaps(box_of(spread.placed[j], chip), 5.9));
    }
    // The first keeps its own spot; an actor alone in its quadrant is not moved.
    CHECK(spread.placed[0].centre == Point{450, 150});
    CHECK(spread.placed[5].centre == Point{900, 600});
}

TEST_CASE("a full quadrant counts the chips it has no room for on a badge that covers none") {
    // 300 % on 720 lines: a quadrant of 500 × 130 holds two chips of 220 × 120.
    const auto cells = quadrants(1000, 260);
    const Size chip{220, 120}, badge{80, 40};
    std::vector<GridChip> chips;
    for (int i = 0; i < 12; ++i) chips.push_back({i + 1, {100.0 + 30 * i, 60}, chip, 0});
    chips.push_back({20, {800, 200}, chip, 3});
    const GridSpread spread = spread_chips(chips, cells, badge, 4);
    REQUIRE(spread.badges.size() == 1);
    const auto& full = spread.badges[0];
    CHECK(full.cell == 0);
    CHECK(inside(full.box, cells[0]));
    std::set<std::int64_t> seen;
    for (const auto& p : spread.placed) {
        seen.insert(p.id);
        CHECK_FALSE(box_of(p, chip).overlaps(full.box, 3.9));
        for (const auto& q : spread.placed)
            if (q.id != p.id) CHECK_FALSE(box_of(p, chip).overlaps(box_of(q, chip), 3.9));
    }
    for (auto id : full.hidden) seen.insert(id);
    CHECK(seen.size() == 13);  // every actor drawn or on the badge, none twice
    CHECK(spread.placed.size() + full.hidden.size() == 13);
    CHECK(full.hidden.size() >= 10);
}

TEST_CASE("a chip larger than its quadrant is counted on the badge, never drawn past the quadrant's edge") {
    // 300 % on 1080 lines: a quadrant 100 px high, a chip of two lines 158 px high beside one of 90.
    const auto cells = quadrants(1200, 200);
    const Size tall{400, 158}, low{300, 90}, badge{80, 40};
    const std::vector<GridChip> chips = {{1, {300, 50}, tall, 0}, {2, {900, 50}, low, 1}};
    const GridSpread spread = spread_chips(chips, cells, badge, 4);
    REQUIRE(spread.placed.size() == 1);
    CHECK(spread.placed[0].id == 2);
    CHECK(inside(box_of(spread.placed[0], low), cells[1]));
    REQUIRE(spread.badges.size() == 1);
    CHECK(spread.badges[0].cell == 0);
    CHECK(spread.badges[0].hidden == std::vector<std::int64_t>{1});
}
