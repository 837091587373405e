#pragma once
// Everything the views draw, read from the file in one go and kept until the
// workshop's revision changes. Views never run SQL per frame.
#include "board_index.hpp"
#include "placement.hpp"
#include "types.hpp"

#include "kartla/workshop.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>

namespace kartla::problem_map {

struct RankRow {
    Id card_id = 0;
    int dots = 0;
    int voters = 0;
    int rank = 0;  // 1 = most dots; cards with equal dots share a rank; 0: no dots
    bool operator==(const RankRow&) const = default;
};

struct Snapshot {
    std::vector<Category> categories;
    std::vector<Area> areas;
    std::vector<Cluster> clusters;
    std::vector<Card> cards;
    std::vector<Vote> votes;
    std::vector<Cause> causes;
    std::vector<Triangle> triangles;
    Settings settings;
    int face_down_from_phones = 0;  // cards phones sent during the silent round, still face down

    // Indexes into the vectors above, by id.
    std::unordered_map<Id, std::size_t> card_index, category_index, area_index, cluster_index, cause_index;
    std::unordered_map<Id, int> dots_by_card;
    // Positions in `causes` per card, in their order; the triangle's position per card.
    std::unordered_map<Id, std::vector<std::size_t>> causes_by_card;
    std::unordered_map<Id, std::size_t> triangle_index;
    // The ranking by dots (queries.hpp): read whole once, then updated by the cards each revision touched.
    // A card's rank follows from its dots alone (rank_of), so no index by card is kept: one
    // card's first dot would move tens of thousands of cards' places in it.
    std::vector<RankRow> ranks;
    // The board's grid, categories in use and face-down count, updated the same way.
    BoardIndex board;

    const Card* card(Id id) const;
    const Category* category(Id id) const;
    const Area* area(Id id) const;
    const Cluster* cluster(Id id) const;
    const Cause* cause(Id id) const;
    const Triangle* triangle(Id card_id) const;
    int dots(Id card_id) const;
};

// What a reading holds: everything (the views), or what the workshop report shows
// (report_section.hpp): every card without its long texts (description, place, when,
// target group, extent, source limitations), the causes of the prioritised cards only,
// no triangles. Votes and so the ranking (queries.hpp) are the same in both.
enum class Reading { Everything, Report };
Snapshot load_snapshot(Database& db, Reading reading = Reading::Everything);

// The snapshot after `changes` (Workshop::changes_since), made from `before` by reading
// just the rows they name; none when they are too many to be worth it, or name a row in a
// way it cannot follow: then read the whole snapshot again. Equal to load_snapshot.
// `before` is taken by value: the cache moves its own in when nothing else holds it, so
// 50,000 cards are not copied for one.
std::optional<Snapshot> updated_snapshot(Database& db, Snapshot before, const std::vector<RowChange>& changes);

// The cards whose top-left corner lies in the rectangle (and perhaps a few around it), with
// just their id and position: what placement asks (placement::CardsMeeting), from the board's
// grid. The file's index on position scans every card in the rectangle's rows, the board's
// whole width: on a board of 50,000 cards most of a phone's card's cost.
std::vector<Card> cards_meeting(const Snapshot& s, const placement::Rect& r);

// Holds the snapshot of one workshop and reloads it only when the revision moves: the rows
// the edits since touched when the workshop can name them, or else everything.
// Shared, so a view may keep this frame's snapshot while an edit makes the next one.
class SnapshotCache {
public:
    std::shared_ptr<const Snapshot> get(Workshop& workshop);
    // How the snapshots so far were made (a test tells the two ways apart).
    std::size_t whole_readings() const { return whole_readings_; }
    std::size_t row_updates() const { return row_updates_; }

private:
    Workshop* workshop_ = nullptr;
    std::uint64_t revision_ = 0;
    std::shared_ptr<Snapshot> snapshot_;  // handed out as const
    std::size_t whole_readings_ = 0, row_updates_ = 0;
};

}  // namespace kartla::problem_map
