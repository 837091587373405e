#include "placement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace kartla::problem_map::placement {

namespace {

constexpr std::size_t kCardsPerRow = 3;  // in a frame made for selected cards

// The cards and frames in buckets of one grid cell, so testing a cell looks at
// its neighbours only: the board may hold thousands of cards.
class Occupancy {
public:
    Occupancy(const std::vector<Card>& cards, const std::vector<Cluster>& clusters, float cell_w, float cell_h)
        : cell_w_(cell_w), cell_h_(cell_h) {
        for (const auto& card : cards) add(card_rect(card));
        for (const auto& cluster : clusters) add(cluster_rect(cluster));
    }

    // The gap keeps neighbours apart, so a placed card never touches another.
    bool is_free(const Rect& r) const {
        const Rect padded{r.x - kGap / 2, r.y - kGap / 2, r.w + kGap, r.h + kGap};
        bool free = std::none_of(oversized_.begin(), oversized_.end(), [&](const Rect& o) { return padded.overlaps(o); });
        visit(padded, [&](const std::vector<std::size_t>& bucket) {
            for (std::size_t i : bucket)
                if (padded.overlaps(rects_[i])) free = false;
        });
        return free;
    }

private:
    template <typename Fn>
    void visit(const Rect& r, Fn&& fn) const {
        const auto x0 = std::int64_t(std::floor(r.x / cell_w_)), x1 = std::int64_t(std::floor((r.x + r.w) / cell_w_));
        const auto y0 = std::int64_t(std::floor(r.y / cell_h_)), y1 = std::int64_t(std::floor((r.y + r.h) / cell_h_));
        for (auto y = y0; y <= y1; ++y)
            for (auto x = x0; x <= x1; ++x) {
                auto found = buckets_.find({x, y});
                if (found != buckets_.end()) fn(found->second);
            }
    }
    void add(const Rect& r) {
        // A huge frame (or a foreign value) is kept in a bounded number of buckets.
        if (!(r.w >= 0 && r.h >= 0) || r.w / cell_w_ * (r.h / cell_h_) > 1e5) {
            oversized_.push_back(r);
            return;
        }
        rects_.push_back(r);
        const std::size_t index = rects_.size() - 1;
        const auto x0 = std::int64_t(std::floor(r.x / cell_w_)), x1 = std::int64_t(std::floor((r.x + r.w) / cell_w_));
        const auto y0 = std::int64_t(std::floor(r.y / cell_h_)), y1 = std::int64_t(std::floor((r.y + r.h) / cell_h_));
        for (auto y = y0; y <= y1; ++y)
            for (auto x = x0; x <= x1; ++x) buckets_[{x, y}].push_back(index);
    }

    float cell_w_, cell_h_;
    std::vector<Rect> rects_;
    std::vector<Rect> oversized_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> buckets_;
};

// The first free cell of rows [first_row, end_row) of a grid from (x0, y0), `columns` wide, rows going down.
std::optional<Place> first_free_in(const Occupancy& occupied, float x0, float y0, int columns, int first_row,
                                   int end_row, float cell_w, float cell_h, float w, float h) {
    for (int row = first_row; row < end_row; ++row)
        for (int column = 0; column < columns; ++column) {
            const Rect r{x0 + float(column) * cell_w, y0 + float(row) * cell_h, w, h};
            if (occupied.is_free(r)) return Place{r.x, r.y};
        }
    return std::nullopt;
}

// The most rows any search looks at: every occupied cell is taken by at least one item.
int row_bound(std::size_t items, int columns) {
    return int(std::min<std::size_t>(items * 4 + 4, 1'000'000 / std::size_t(std::max(columns, 1)) + 1));
}

// The first free cell of a grid from (x0, y0), `columns` wide, rows going down.
Place first_free(float x0, float y0, int columns, float cell_w, float cell_h, float w, float h,
                 const std::vector<Card>& cards, const std::vector<Cluster>& clusters) {
    const Occupancy occupied(cards, clusters, kCardWidth + kGap, kCardHeight + kGap);
    const int rows = row_bound(cards.size() + clusters.size(), columns);
    if (auto place = first_free_in(occupied, x0, y0, columns, 0, rows, cell_w, cell_h, w, h)) return *place;
    return {x0, y0 + float(rows) * cell_h};  // below everything
}

// A card's cell on the board's one lattice, whatever the view: cards added while
// the view pans or the board narrows still line up.
struct CardLattice {
    float x0, y0;
    int columns;
    static constexpr float cell_w = kCardWidth + kGap, cell_h = kCardHeight + kGap;
    explicit CardLattice(const Rect& view)
        : x0(kGap + std::ceil((view.x - kGap / 2) / cell_w) * cell_w),
          y0(kGap + std::ceil((view.y - kGap / 2) / cell_h) * cell_h),
          columns(std::max(1, int(std::floor((view.x + view.w - x0 + kGap) / cell_w)))) {}
};

}  // namespace

Rect card_rect(const Card& card) { return {card.x, card.y, kCardWidth, kCardHeight}; }
Rect cluster_rect(const Cluster& cluster) { return {cluster.x, cluster.y, cluster.w, cluster.h}; }

Place free_card_place(const std::vector<Card>& cards, const std::vector<Cluster>& clusters, const Rect& view) {
    const CardLattice grid(view);
    return first_free(grid.x0, grid.y0, grid.columns, grid.cell_w, grid.cell_h, kCardWidth, kCardHeight, cards, clusters);
}

Place free_card_place_near(const CardsMeeting& cards_meeting, const std::vector<Cluster>& clusters, const Rect& view) {
    CardLattice grid(view);
    // Where a card can be read however far the view is zoomed out: its left columns, a few
    // rows at a time, so each band asks for a few hundred cards at most, wherever it looks.
    constexpr int kMostColumns = 16, kBandRows = 8;
    grid.columns = std::min(grid.columns, kMostColumns);
    const int most_rows = row_bound(1'000'000, grid.columns);
    const int view_rows = std::max(1, int(std::ceil((view.y + view.h - grid.y0) / grid.cell_h)));
    const float width = float(grid.columns) * grid.cell_w, height = float(kBandRows) * grid.cell_h;
    auto free_in_band = [&](int band) {
        const int first = band * kBandRows;
        const float top = grid.y0 + float(first) * grid.cell_h;
        // Reaching back a card's size and a gap: a card whose corner lies outside still covers a cell inside.
        const Rect asked{grid.x0 - kCardWidth - kGap, top - kCardHeight - kGap, width + kCardWidth + 2 * kGap,
                         height + kCardHeight + 2 * kGap};
        std::vector<Cluster> near;
        for (const auto& cluster : clusters)
            if (!(cluster.w >= 0 && cluster.h >= 0) || cluster_rect(cluster).overlaps(asked)) near.push_back(cluster);
        const Occupancy occupied(cards_meeting(asked), near, grid.cell_w, grid.cell_h);
        return first_free_in(occupied, grid.x0, grid.y0, grid.columns, first, first + kBandRows, grid.cell_w, grid.cell_h,
                             kCardWidth, kCardHeight);
    };
    // In view, the first free cell, band by band.
    const int view_bands = (view_rows + kBandRows - 1) / kBandRows, most_bands = most_rows / kBandRows;
    for (int band = 0; band < view_bands; ++band)
        if (auto place = free_in_band(band)) return *place;
    // Below a full view: bands at doubling distances until one has room, then halving back
    // to a band with room right below a full one. A full board of 50,000 cards costs a few
    // bands a card, and the cards still fill the rows below the full ones one after another.
    int full = view_bands - 1, distance = 1;
    std::optional<Place> found;
    int found_band = 0;
    while (!found && full + distance < most_bands) {
        found_band = full + distance;
        found = free_in_band(found_band);
        if (!found) full = found_band, distance *= 2;
    }
    if (!found) return {grid.x0, grid.y0 + float(most_rows) * grid.cell_h};
    while (found_band - full > 1) {
        const int middle = full + (found_band - full) / 2;
        if (auto place = free_in_band(middle)) found = place, found_band = middle;
        else full = middle;
    }
    return *found;
}

Place free_cluster_place(const std::vector<Card>& cards, const std::vector<Cluster>& clusters, const Rect& view,
                         float width, float height) {
    float x0 = view.x + kGap, y0 = view.y + kGap, rightmost = x0;
    if (!clusters.empty()) {
        x0 = clusters.front().x;
        y0 = clusters.front().y;
        for (const auto& c : clusters) {
            x0 = std::min(x0, c.x);
            y0 = std::min(y0, c.y);
        }
        for (const auto& c : clusters) rightmost = std::max(rightmost, c.x + c.w);
    }
    // Steps of a card cell: frames of different sizes still line up beside each other.
    const float step_w = (kCardWidth + kGap) / 2, step_h = (kCardHeight + kGap) / 2;
    // The first row reaches past the rightmost frame, so there is always a place beside it.
    const float right = std::max({view.x + view.w, x0 + width, rightmost + kGap + width + step_w});
    const int columns = std::max(1, int(std::floor((right - x0 - width) / step_w)) + 1);
    return first_free(x0, y0, columns, step_w, step_h, width, height, cards, clusters);
}

Place cluster_size_for(std::size_t count, float header) {
    const std::size_t columns = std::clamp<std::size_t>(count, 1, kCardsPerRow);
    const std::size_t rows = std::max<std::size_t>(1, (count + kCardsPerRow - 1) / kCardsPerRow);
    return {float(columns) * (kCardWidth + kGap) + kGap, header + float(rows) * (kCardHeight + kGap) + kGap};
}

Place slot_in_cluster(float x, float y, float header, std::size_t index) {
    return {x + kGap + float(index % kCardsPerRow) * (kCardWidth + kGap),
            y + header + kGap + float(index / kCardsPerRow) * (kCardHeight + kGap)};
}

std::vector<const Cluster*> stacking_order(const std::vector<Cluster>& clusters) {
    std::vector<const Cluster*> order;
    for (const auto& c : clusters) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const Cluster* a, const Cluster* b) {
        const float area_a = a->w * a->h, area_b = b->w * b->h;
        return area_a != area_b ? area_a > area_b : a->id < b->id;
    });
    return order;
}

std::optional<Id> cluster_at(const std::vector<Cluster>& clusters, float x, float y) {
    const auto order = stacking_order(clusters);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (cluster_rect(**it).contains(x, y)) return (*it)->id;
    return std::nullopt;
}

}  // namespace kartla::problem_map::placement
