#pragma once
// What the board derives from one snapshot and needs every frame: which cards
// lie in the visible rectangle (a spatial grid, so a frame does not test every
// card), the categories in use and the count of
// face-down cards. Built once per snapshot, i.e. per workshop revision.
#include "snapshot.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace kartla::problem_map {

class CardGrid {
public:
    static constexpr float kCell = 1024.0f;  // world units: a few cards across

    explicit CardGrid(const std::vector<Card>& cards);
    // Positions in `cards` of every card whose rectangle may meet the world rectangle
    // [x0, x1] × [y0, y1], ascending (the board's drawing order). May include a few
    // that do not: the caller culls exactly.
    void query(float x0, float y0, float x1, float y1, std::vector<std::size_t>& out) const;

private:
    static std::int64_t key(std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); }
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
    std::vector<std::uint32_t> anywhere_;  // positions that are not finite numbers (a damaged file)
    std::int64_t min_cx_ = 0, min_cy_ = 0, max_cx_ = -1, max_cy_ = -1;
};

struct BoardIndex {
    explicit BoardIndex(const Snapshot& s);
    CardGrid grid;
    std::vector<Id> used_categories;          // in the categories' order
    int face_down = 0;
};

}  // namespace kartla::problem_map
