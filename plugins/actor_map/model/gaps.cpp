#include "model/gaps.hpp"

namespace kartla::actor_map {

bool is_prioritised(const kartla::Entity& problem) { return problem.attribute("prioritised") == "1"; }

Gaps find_gaps(kartla::coverage::Coverage coverage, const std::vector<kartla::Entity>& unconnected_actors) {
    Gaps gaps;
    gaps.coverage = std::move(coverage);
    for (const auto* p : gaps.coverage.uncovered()) gaps.uncovered_problems.push_back(p->problem);
    for (const auto& actor : unconnected_actors) gaps.isolated_actors.push_back(actor.id);
    gaps.isolated_set.insert(gaps.isolated_actors.begin(), gaps.isolated_actors.end());
    return gaps;
}

Gaps find_gaps(kartla::Database& db, const kartla::EntitySource& entities) {
    return find_gaps(kartla::coverage::compute(db, entities), kartla::coverage::unconnected_actors(db, entities));
}

}  // namespace kartla::actor_map
