#pragma once
// Where nobody acts: prioritised problems nobody answers for (the core's
// coverage rule, shared with the action plan, the reports and `kartla info`),
// and actors that are connected to nothing (no relation and no problem).
#include "kartla/coverage.hpp"
#include "kartla/plugin_api.hpp"
#include "model/store.hpp"

#include <cstdint>
#include <set>
#include <vector>

namespace kartla::actor_map {

struct Gaps {
    kartla::coverage::Coverage coverage;             // every prioritised problem, with its gap kind
    std::vector<kartla::Entity> uncovered_problems;  // no owner and no owned measure, by rank then title
    std::vector<std::int64_t> isolated_actors;       // actor ids, by name
    std::set<std::int64_t> isolated_set;

    bool empty() const { return count() == 0; }
    // What the Gaps tab counts: problems with a gap of any kind, and isolated actors.
    std::size_t count() const { return coverage.gap_count() + isolated_actors.size(); }
};

bool is_prioritised(const kartla::Entity& problem);

// `problems` may be empty when no plugin publishes them (problems_available false):
// then a stored problem link still counts as a connection.
Gaps find_gaps(const Snapshot& snapshot, kartla::coverage::Coverage coverage, const std::vector<kartla::Entity>& problems,
               bool problems_available);

}  // namespace kartla::actor_map
