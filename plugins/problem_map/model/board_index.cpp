#include "board_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace kartla::problem_map {

namespace {

// Far beyond any real board; keeps a damaged file's coordinates from overflowing.
constexpr double kMostCells = 1 << 24;

std::int64_t cell_of(float v) {
    return std::int64_t(std::clamp(std::floor(double(v) / CardGrid::kCell), -kMostCells, kMostCells));
}

}  // namespace

CardGrid::CardGrid(const std::vector<Card>& cards) {
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const Card& card = cards[i];
        if (!std::isfinite(card.x) || !std::isfinite(card.y)) {
            anywhere_.push_back(std::uint32_t(i));
            continue;
        }
        const std::int64_t cx = cell_of(card.x), cy = cell_of(card.y);
        if (max_cx_ < min_cx_) min_cx_ = max_cx_ = cx, min_cy_ = max_cy_ = cy;
        min_cx_ = std::min(min_cx_, cx), max_cx_ = std::max(max_cx_, cx);
        min_cy_ = std::min(min_cy_, cy), max_cy_ = std::max(max_cy_, cy);
        cells_[key(cx, cy)].push_back(std::uint32_t(i));
    }
}

void CardGrid::query(float x0, float y0, float x1, float y1, std::vector<std::size_t>& out) const {
    out.clear();
    out.insert(out.end(), anywhere_.begin(), anywhere_.end());
    if (max_cx_ >= min_cx_ && !(x1 < x0) && !(y1 < y0)) {
        // A card is filed under the cell of its top-left corner, so look a card's size further up and left.
        const std::int64_t cx0 = std::max(min_cx_, cell_of(x0 - kCardWidth)), cx1 = std::min(max_cx_, cell_of(x1));
        const std::int64_t cy0 = std::max(min_cy_, cell_of(y0 - kCardHeight)), cy1 = std::min(max_cy_, cell_of(y1));
        const double asked = double(cx1 - cx0 + 1) * double(cy1 - cy0 + 1);
        if (cx1 >= cx0 && cy1 >= cy0 && asked <= double(cells_.size())) {
            for (std::int64_t cy = cy0; cy <= cy1; ++cy)
                for (std::int64_t cx = cx0; cx <= cx1; ++cx)
                    if (auto found = cells_.find(key(cx, cy)); found != cells_.end())
                        out.insert(out.end(), found->second.begin(), found->second.end());
        } else if (cx1 >= cx0 && cy1 >= cy0) {  // more cells asked than there are: walk the filled ones
            for (const auto& [k, positions] : cells_) {
                const std::int64_t cx = k >> 32, cy = std::int32_t(k & 0xffffffff);
                if (cx >= cx0 && cx <= cx1 && cy >= cy0 && cy <= cy1) out.insert(out.end(), positions.begin(), positions.end());
            }
        }
    }
    std::sort(out.begin(), out.end());
}

BoardIndex::BoardIndex(const Snapshot& s) : grid(s.cards) {
    std::unordered_set<Id> used;
    for (const auto& card : s.cards) {
        used.insert(card.category_id);
        face_down += card.hidden ? 1 : 0;
    }
    for (const auto& category : s.categories)
        if (used.count(category.id)) used_categories.push_back(category.id);
}

}  // namespace kartla::problem_map
