#pragma once
// Where things go on the board: the free place for a new card or frame, the
// order frames lie in (which one is on top), and which frame a card joins.
// Pure functions of the board's rectangles, so the views, the edits and the
// tests ask one rule.
#include "types.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace kartla::problem_map::placement {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
    bool contains(float px, float py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
};

struct Place {
    float x = 0, y = 0;
};

inline constexpr float kGap = 24.0f;  // world units between placed cards and frames

Rect card_rect(const Card& card);
Rect cluster_rect(const Cluster& cluster);

// The top-left corner of the first free cell of a grid of card-sized cells laid
// over `view` (left to right, then down; below the view when it is full): free
// means touching no card and no frame, so a new card never hides another or
// joins a cluster by accident.
Place free_card_place(const std::vector<Card>& cards, const std::vector<Cluster>& clusters, const Rect& view);

// The same place while the view has one free (in its first 16 columns), asking
// `cards_meeting` only for the cards that meet the band of rows it looks at (8
// rows at a time, downwards), so that on a board of 50,000 cards a place costs
// what it costs on one of 15: give it a query on an index of position. Below a
// full view the bands lie at doubling distances, so the card goes below the full
// rows, not into the first hole far down. `cards_meeting` may return more than
// asked, never fewer.
using CardsMeeting = std::function<std::vector<Card>(const Rect&)>;
Place free_card_place_near(const CardsMeeting& cards_meeting, const std::vector<Cluster>& clusters, const Rect& view);

// Where a new frame of `size` goes: beside the existing frames (a grid from the
// first frame's corner, rightwards, then down), or in view when there are none,
// never over a card or another frame.
Place free_cluster_place(const std::vector<Card>& cards, const std::vector<Cluster>& clusters, const Rect& view,
                         float width, float height);

// The size of a frame that holds `count` cards in rows of up to three, with its header.
Place cluster_size_for(std::size_t count, float header);
// Where the i-th of the cards goes inside a frame at (x, y) made by cluster_size_for.
Place slot_in_cluster(float x, float y, float header, std::size_t index);

// Frames from bottom to top as the board draws them: larger under smaller, so a
// nested frame is never hidden; equal sizes by id, the newer on top.
std::vector<const Cluster*> stacking_order(const std::vector<Cluster>& clusters);
// The topmost frame holding the point, or none: the frame a card whose centre
// is there joins, and the frame a press there picks.
std::optional<Id> cluster_at(const std::vector<Cluster>& clusters, float x, float y);

}  // namespace kartla::problem_map::placement
