#pragma once
// Automatic layout of the relationship network: a deterministic force-directed
// layout (Fruchterman-Reingold from a fixed spiral start, fixed iteration count,
// no randomness) followed by a pass that pushes overlapping boxes apart. The same
// input always gives the same positions, so a layout can be redone without the
// picture jumping around for no reason.
#include "model/store.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace kartla::actor_map {

struct Point {
    double x = 0, y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
    double width = 0, height = 0;
};

struct LayoutEdge {
    std::size_t a = 0, b = 0;
    double weight = 1.0;
};

// World units: the canvas at zoom 1 with a 20 px font. Node boxes are sized from
// an estimate of the label width (no font is needed), the same estimate the
// canvas and the images use, so the three agree.
inline constexpr double kNodeFont = 20.0;
inline constexpr double kNodeMaxWidth = 260.0;
inline constexpr double kNodeMinWidth = 120.0;
inline constexpr double kNodePadding = 12.0;
inline constexpr double kNodeLineHeight = 24.0;
inline constexpr double kChipMaxWidth = 210.0;  // actors on the grid: narrower, so more fit

double estimate_text_width(std::string_view utf8, double font_size);
// The label broken into lines that fit the node (at most three; the last is shortened with "…").
// A single word may run up to 30 % wider than max_width (the box widens); longer ones are hyphenated.
std::vector<std::string> wrap_label(std::string_view utf8, double font_size, double max_width, std::size_t max_lines = 3);
Size node_size(std::string_view name, double max_width = kNodeMaxWidth);

// Positions (box centres) in the order of `sizes`. Boxes do not overlap. `aspect` is the
// width/height of the area it should fill (the canvas, or a 16:9 image).
inline constexpr double kDefaultAspect = 1.8;
std::vector<Point> force_layout(const std::vector<Size>& sizes, const std::vector<LayoutEdge>& edges,
                                double aspect = kDefaultAspect);

// A spot near `near` where a box of `size` overlaps no actor (for a new actor).
Point free_spot(const Snapshot& snapshot, Point near, Size size);

// The layout of a whole actor network, in the order of snapshot.actors.
std::vector<Point> layout_network(const Snapshot& snapshot, double aspect = kDefaultAspect);

}  // namespace kartla::actor_map
