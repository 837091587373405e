#include "model/gaps.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace actor_map {

namespace {

int rank_of(const kartla::Entity& problem) {
    std::string rank = problem.attribute("rank");
    int value = std::numeric_limits<int>::max();
    std::from_chars(rank.data(), rank.data() + rank.size(), value);
    return value;
}

}  // namespace

bool is_prioritised(const kartla::Entity& problem) { return problem.attribute("prioritised") == "1"; }

Gaps find_gaps(const Snapshot& snapshot, const std::vector<kartla::Entity>& problems, bool problems_available) {
    Gaps gaps;
    std::set<std::int64_t> owned, existing;
    for (const auto& problem : problems) existing.insert(problem.id);
    for (const auto& link : snapshot.problem_links)
        if (link.role == kRoleOwns && snapshot.actor(link.actor_id)) owned.insert(link.problem_id);
    for (const auto& problem : problems)
        if (is_prioritised(problem) && !owned.count(problem.id)) gaps.unowned_problems.push_back(problem);
    std::stable_sort(gaps.unowned_problems.begin(), gaps.unowned_problems.end(), [](const auto& a, const auto& b) {
        int ra = rank_of(a), rb = rank_of(b);
        return ra != rb ? ra < rb : a.label < b.label;
    });

    std::set<std::int64_t> connected;
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

}  // namespace actor_map
