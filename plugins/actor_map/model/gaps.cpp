#include "model/gaps.hpp"

#include <algorithm>

namespace kartla::actor_map {

bool is_prioritised(const kartla::Entity& problem) { return problem.attribute("prioritised") == "1"; }

Gaps find_gaps(const Snapshot& snapshot, kartla::coverage::Coverage coverage, const std::vector<kartla::Entity>& problems,
               bool problems_available) {
    Gaps gaps;
    gaps.coverage = std::move(coverage);
    for (const auto* p : gaps.coverage.uncovered()) gaps.uncovered_problems.push_back(p->problem);

    std::set<std::int64_t> connected, existing;
    for (const auto& problem : problems) existing.insert(problem.id);
    for (const auto& relation : snapshot.relations) connected.insert({relation.from, relation.to});
    for (const auto& link : snapshot.problem_links)
        if (!problems_available || existing.count(link.problem_id)) connected.insert(link.actor_id);
    for (const auto& actor : snapshot.actors)
        if (!connected.count(actor.id)) gaps.isolated_actors.push_back(actor.id);
    std::stable_sort(gaps.isolated_actors.begin(), gaps.isolated_actors.end(), [&](auto a, auto b) {
        return snapshot.actor(a)->name < snapshot.actor(b)->name;
    });
    gaps.isolated_set.insert(gaps.isolated_actors.begin(), gaps.isolated_actors.end());
    return gaps;
}

}  // namespace kartla::actor_map
