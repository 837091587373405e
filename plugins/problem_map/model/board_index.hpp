#pragma once
// What the board derives from the cards and needs every frame: which cards lie in
// the visible rectangle (a spatial grid, so a frame does not test every card), the
// categories in use and the count of face-down cards. Part of the snapshot
// (snapshot.hpp): built once when it is read whole, then updated card by card by
// the rows each revision touched, so a revision on a board of 50,000 cards does not
// go over every card again.
#include "types.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace kartla::problem_map {

class CardGrid {
public:
    static constexpr float kCell = 1024.0f;  // world units: a few cards across

    void add(const Card& card);
    void remove(const Card& card);  // as it was added: the same id and position
    // The ids of every card whose rectangle may meet the world rectangle [x0, x1] × [y0, y1],
    // ascending (the board's drawing order: the cards are kept by id). May include a few
    // that do not: the caller culls exactly.
    void query(float x0, float y0, float x1, float y1, std::vector<Id>& out) const;
    // The same cards in the same cells (the bounds a query starts from only narrow it).
    bool operator==(const CardGrid& other) const { return cells_ == other.cells_ && anywhere_ == other.anywhere_; }

private:
    static std::int64_t key(std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); }
    std::unordered_map<std::int64_t, std::vector<Id>> cells_;  // each cell's ids ascending; no empty cell
    std::vector<Id> anywhere_;  // cards whose position is not a finite number (a damaged file), ascending
    // The filled cells lie within these; after a removal they may lie well within.
    std::int64_t min_cx_ = 0, min_cy_ = 0, max_cx_ = -1, max_cy_ = -1;
};

struct BoardIndex {
    CardGrid grid;
    std::vector<Id> used_categories;  // in the categories' order
    int face_down = 0;

    // From nothing: every card, then the categories in use.
    void build(const std::vector<Card>& cards, const std::vector<Category>& categories);
    // One card as it was before a revision (none: it is new) and as it is after (none: it is gone).
    void replace(const Card* before, const Card* after);
    // After cards were replaced or the categories changed: which categories are in use, in their order.
    void name_used_categories(const std::vector<Category>& categories);
    bool operator==(const BoardIndex& other) const {
        return grid == other.grid && used_categories == other.used_categories && face_down == other.face_down &&
               cards_by_category_ == other.cards_by_category_;
    }

private:
    std::unordered_map<Id, int> cards_by_category_;  // no entry at 0 cards
};

}  // namespace kartla::problem_map
