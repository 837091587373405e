#pragma once
// Where nobody acts: prioritised problems that no actor owns, and actors that
// are connected to nothing (no relation and no problem).
#include "kartla/plugin_api.hpp"
#include "model/store.hpp"

#include <cstdint>
#include <set>
#include <vector>

namespace actor_map {

struct Gaps {
    std::vector<kartla::Entity> unowned_problems;  // prioritised, by rank then title
    std::vector<std::int64_t> isolated_actors;     // actor ids, by name
    std::set<std::int64_t> isolated_set;

    bool empty() const { return unowned_problems.empty() && isolated_actors.empty(); }
    std::size_t count() const { return unowned_problems.size() + isolated_actors.size(); }
};

bool is_prioritised(const kartla::Entity& problem);

// `problems` may be empty when no plugin publishes them (problems_available false):
// then a stored problem link still counts as a connection.
Gaps find_gaps(const Snapshot& snapshot, const std::vector<kartla::Entity>& problems, bool problems_available);

}  // namespace actor_map
