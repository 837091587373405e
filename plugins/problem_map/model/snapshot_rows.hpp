#pragma once
// The snapshot's parts as load_snapshot reads them, for the update of a few rows
// (snapshot_update.cpp) to read them the same way: one rule for a row, one for
// what is derived from the rows. Inside the model only.
#include "snapshot.hpp"

#include <optional>

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
// The indexes, dot counts and ranking, from the rows: those of the parts that changed.
void derive(Snapshot& s, const Parts& changed);

}  // namespace kartla::problem_map::rows
