#include "board_index.hpp"

#include "snapshot.hpp"

#include <algorithm>
#include <cmath>

namespace kartla::problem_map {

namespace {

// Far beyond any real board; keeps a damaged file's coordinates from overflowing.
constexpr double kMostCells = 1 << 24;

std::int64_t cell_of(float v) {
    return std::int64_t(std::clamp(std::floor(double(v) / CardGrid::kCell), -kMostCells, kMostCells));
}

bool placed(const Card& card) { return std::isfinite(card.x) && std::isfinite(card.y); }

void insert_sorted(std::vector<Id>& ids, Id id) { ids.insert(std::upper_bound(ids.begin(), ids.end(), id), id); }

void erase_sorted(std::vector<Id>& ids, Id id) {
    const auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at != ids.end() && *at == id) ids.erase(at);
}

}  // namespace

void CardGrid::add(const Card& card) {
    if (!placed(card)) return insert_sorted(anywhere_, card.id);
    const std::int64_t cx = cell_of(card.x), cy = cell_of(card.y);
    if (max_cx_ < min_cx_) min_cx_ = max_cx_ = cx, min_cy_ = max_cy_ = cy;
    min_cx_ = std::min(min_cx_, cx), max_cx_ = std::max(max_cx_, cx);
    min_cy_ = std::min(min_cy_, cy), max_cy_ = std::max(max_cy_, cy);
    insert_sorted(cells_[key(cx, cy)], card.id);
}

void CardGrid::remove(const Card& card) {
    if (!placed(card)) return erase_sorted(anywhere_, card.id);
    const auto cell = cells_.find(key(cell_of(card.x), cell_of(card.y)));
    if (cell == cells_.end()) return;
    erase_sorted(cell->second, card.id);
    if (cell->second.empty()) cells_.erase(cell);  // the bounds stay: a query only looks at more empty cells
}

void CardGrid::query(float x0, float y0, float x1, float y1, std::vector<Id>& out) const {
    out.clear();
    out.insert(out.end(), anywhere_.begin(), anywhere_.end());
    if (!cells_.empty() && !(x1 < x0) && !(y1 < y0)) {
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
            for (const auto& [k, ids] : cells_) {
                const std::int64_t cx = k >> 32, cy = std::int32_t(k & 0xffffffff);
                if (cx >= cx0 && cx <= cx1 && cy >= cy0 && cy <= cy1) out.insert(out.end(), ids.begin(), ids.end());
            }
        }
    }
    std::sort(out.begin(), out.end());
}

void BoardIndex::build(const std::vector<Card>& cards, const std::vector<Category>& categories) {
    *this = {};
    for (const auto& card : cards) replace(nullptr, &card);
    name_used_categories(categories);
}

void BoardIndex::replace(const Card* before, const Card* after) {
    if (before) {
        grid.remove(*before);
        face_down -= before->hidden ? 1 : 0;
        if (auto count = cards_by_category_.find(before->category_id);
            count != cards_by_category_.end() && --count->second <= 0)
            cards_by_category_.erase(count);
    }
    if (after) {
        grid.add(*after);
        face_down += after->hidden ? 1 : 0;
        ++cards_by_category_[after->category_id];
    }
}

void BoardIndex::name_used_categories(const std::vector<Category>& categories) {
    used_categories.clear();
    for (const auto& category : categories)
        if (cards_by_category_.count(category.id)) used_categories.push_back(category.id);
}

std::vector<Card> cards_meeting(const Snapshot& s, const placement::Rect& r) {
    // A unit's slack: the file compares its stored numbers, the snapshot their float copies;
    // a few cards more change no place (placement asks for at least these).
    constexpr float kSlack = 1.0f;
    std::vector<Id> ids;
    s.board.grid.query(r.x - kSlack, r.y - kSlack, r.x + r.w + kSlack, r.y + r.h + kSlack, ids);
    std::vector<Card> out;
    for (Id id : ids) {
        const Card* card = s.card(id);
        if (!card || !placed(*card)) continue;  // the file's query never matches a position that is no number
        if (card->x < r.x - kSlack || card->x > r.x + r.w + kSlack || card->y < r.y - kSlack || card->y > r.y + r.h + kSlack)
            continue;
        Card near;
        near.id = id;
        near.x = card->x;
        near.y = card->y;
        out.push_back(std::move(near));
    }
    return out;
}

}  // namespace kartla::problem_map
