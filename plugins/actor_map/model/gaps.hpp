#pragma once
// Where nobody acts: prioritised problems nobody answers for and actors
// connected to nothing, both as the core decides them (kartla/coverage.hpp:
// coverage::compute and coverage::unconnected_actors), shared with the action
// plan, the reports and `kartla info`.
#include "kartla/coverage.hpp"
#include "kartla/plugin_api.hpp"

#include <cstdint>
#include <set>
#include <vector>

namespace kartla::actor_map {

struct Gaps {
    kartla::coverage::Coverage coverage;             // every prioritised problem, with its gap kind
    std::vector<kartla::Entity> uncovered_problems;  // no owner and no owned measure, by rank then title
    std::vector<std::int64_t> isolated_actors;       // actor ids, by name (coverage::unconnected_actors)
    std::set<std::int64_t> isolated_set;

    bool empty() const { return count() == 0; }
    // What the Gaps tab counts: problems with a gap of any kind, and isolated actors.
    std::size_t count() const { return coverage.gap_count() + isolated_actors.size(); }
};

bool is_prioritised(const kartla::Entity& problem);

Gaps find_gaps(kartla::coverage::Coverage coverage, const std::vector<kartla::Entity>& unconnected_actors);

// Both answers from one source of entities (Host::entities, or a stand-in).
Gaps find_gaps(kartla::Database& db, const kartla::EntitySource& entities);

}  // namespace kartla::actor_map
