#pragma once
// The snapshot's parts as load_snapshot reads them, for the update of a few rows
// (snapshot_update.cpp) to read them the same way: one rule for a row, one for
// what is derived from the rows. Inside the model only.
#include "snapshot.hpp"

#include <optional>
#include <set>
#include <utility>
#include <vector>

namespace kartla::problem_map::rows {

// The tables that stay small whatever the board (categories, areas, clusters, settings), whole.
void read_small_tables(Database& db, Snapshot& s);
void read_triangles(Database& db, Snapshot& s);
int face_down_from_phones(Database& db);

// One row by its id as the whole reading has it (a phone's dot with its id negated), or none when it is gone.
std::optional<Card> card(Database& db, Id id);
std::optional<Vote> vote(Database& db, Id id);
std::optional<Vote> phone_vote(Database& db, Id id);
std::optional<Cause> cause(Database& db, Id id);

// Which of the snapshot's rows changed since its indexes were derived: all of them for a new one.
struct Parts {
    bool cards = true, votes = true, causes = true, triangles = true, small_tables = true;
};
// What an update of a few rows replaced (snapshot_update.cpp), so that what is derived from
// the cards and votes is updated by those rows alone, not over every card again.
struct Replaced {
    // Each card the update touched, by id: its row before (none: it is new). Its row after is in the snapshot, or gone.
    std::vector<std::pair<Id, std::optional<Card>>> cards;
    // The cards whose dots may have changed: the card of each vote touched, before and after.
    std::set<Id> voted_cards;
    // Cards were inserted or removed at this position of `cards` and none before it: the rest may have moved.
    std::size_t cards_moved_from = 0;
};

// The indexes, dot counts, ranking and board index, from the rows: those of the parts that
// changed; with `replaced`, those of the cards and votes updated by the replaced rows only.
void derive(Snapshot& s, const Parts& changed, const Replaced* replaced = nullptr);

}  // namespace kartla::problem_map::rows
