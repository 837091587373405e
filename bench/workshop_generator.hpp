#pragma once
// Grows a workshop (normally the sample) to municipal scale for benchmarks and
// for tests that compare results on a large board: problem cards with causes,
// clusters, votes, and measures aimed at a card and one of its causes, with an
// owner, partners and a status log. Realistic Swedish text; organisations and
// roles only, never persons. Deterministic for a given seed.
#include "kartla/database.hpp"

#include <cstdint>

namespace kartla::bench {

struct GrowOptions {
    int cards = 100;        // problem cards the workshop holds afterwards (at least the ones it has)
    int measures = 2000;    // measures it holds afterwards
    std::uint32_t seed = 20260312;
};

// Writes straight into the tables in one transaction (not through Workshop::edit:
// a 50,000-card changeset would only be thrown away). Throws SqliteError.
void grow_workshop(Database& db, const GrowOptions& options);

}  // namespace kartla::bench
