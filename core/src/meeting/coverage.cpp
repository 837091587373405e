#include "kartla/coverage.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <set>

namespace kartla::coverage {

namespace {

// The ids of a kind that exist, or nothing when no plugin publishes the kind:
// then every stored id is taken as existing.
struct Known {
    bool available = false;
    std::set<std::int64_t> ids;
    bool has(std::int64_t id) const { return !available || ids.count(id) > 0; }
};

Known known(const EntitySource& entities, std::string_view kind, std::vector<Entity>* keep = nullptr) {
    Known out;
    std::vector<Entity> list = entities ? entities(kind, &out.available) : std::vector<Entity>{};
    for (const auto& e : list) out.ids.insert(e.id);
    if (keep) *keep = std::move(list);
    return out;
}

// At least those of a kind the filter asks for: only them from `select` when there is one,
// else the whole kind from `entities` (the rule reads past the rest; filtering a list
// already read would only cost more).
Known known_where(const EntitySource& entities, const EntitySelect& select, std::string_view kind,
                  const EntityFilter& filter, std::vector<Entity>* keep = nullptr) {
    if (!select) return known(entities, kind, keep);
    return known([&](std::string_view k, bool* available) { return select(k, filter, available); }, kind, keep);
}

std::int64_t number(const std::string& text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : 0;
}

int rank_of(const Entity& problem) {
    const std::string rank = problem.attribute("rank");
    int value = std::numeric_limits<int>::max();
    std::from_chars(rank.data(), rank.data() + rank.size(), value);
    return value;
}

// Links of one role between two kinds, as (from id, to id).
std::vector<std::pair<std::int64_t, std::int64_t>> links(Database& db, const char* from_kind, const char* to_kind,
                                                         const char* role) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    auto& s = db.prepare("SELECT from_id, to_id FROM core_link WHERE from_kind = ? AND to_kind = ? AND role = ? ORDER BY id")
                  .with(from_kind, to_kind, role);
    while (s.step()) out.emplace_back(s.int64(0), s.int64(1));
    return out;
}

Gap classify(const ProblemCoverage& p) {
    if (p.owners.empty() && p.measures.empty()) return Gap::NoOwnerNoMeasure;
    if (p.owners.empty() && p.owned_measures.empty()) return Gap::MeasuresWithoutOwner;
    if (!p.owners.empty() && p.measures.empty()) return Gap::OwnerWithoutMeasure;
    return Gap::None;
}

}  // namespace

const ProblemCoverage* Coverage::find(std::int64_t problem_id) const {
    for (const auto& p : problems)
        if (p.problem.id == problem_id) return &p;
    return nullptr;
}

std::vector<const ProblemCoverage*> Coverage::with_gap(Gap gap) const {
    std::vector<const ProblemCoverage*> out;
    for (const auto& p : problems)
        if (p.gap == gap) out.push_back(&p);
    return out;
}

std::vector<const ProblemCoverage*> Coverage::uncovered() const {
    std::vector<const ProblemCoverage*> out;
    for (const auto& p : problems)
        if (!p.covered()) out.push_back(&p);
    return out;
}

std::size_t Coverage::gap_count() const {
    return std::count_if(problems.begin(), problems.end(), [](const auto& p) { return p.gap != Gap::None; });
}

Coverage compute(Database& db, const EntitySource& entities, const EntitySelect& select) {
    Coverage out;
    std::vector<Entity> problems, causes, measures;
    out.problems_available = known_where(entities, select, "problem", {{}, "prioritised", {"1"}}, &problems).available;
    const Known actors = known(entities, "actor");
    const Known live_measures = [&] {
        Known k = known(entities, "measure", &measures);
        for (const auto& m : measures)
            if (m.attribute("status") == "cancelled") k.ids.erase(m.id);  // a cancelled measure answers for nothing
        return k;
    }();
    // Only the causes a measure addresses can bring a measure to a problem.
    const auto cause_links = links(db, "measure", "cause", "addresses");
    EntityFilter addressed;
    for (auto [measure, cause] : cause_links) addressed.ids.push_back(cause);
    known_where(entities, select, "cause", addressed, &causes);

    std::map<std::int64_t, std::int64_t> problem_of_cause;
    for (const auto& cause : causes) problem_of_cause[cause.id] = number(cause.attribute("problem_id"));

    std::map<std::int64_t, std::int64_t> owner_of_measure;
    for (auto [measure, actor] : links(db, "measure", "actor", "owner"))
        if (live_measures.has(measure) && actors.has(actor)) owner_of_measure[measure] = actor;

    std::map<std::int64_t, std::set<std::int64_t>> measures_for;  // problem -> measures
    for (auto [measure, problem] : links(db, "measure", "problem", "addresses"))
        if (live_measures.has(measure)) measures_for[problem].insert(measure);
    for (auto [measure, cause] : cause_links) {
        auto found = problem_of_cause.find(cause);
        if (live_measures.has(measure) && found != problem_of_cause.end()) measures_for[found->second].insert(measure);
    }

    std::map<std::int64_t, std::vector<std::int64_t>> owners_of;
    for (auto [actor, problem] : links(db, "actor", "problem", "owns"))
        if (actors.has(actor)) owners_of[problem].push_back(actor);

    for (auto& problem : problems) {
        if (problem.attribute("prioritised") != "1") continue;
        ProblemCoverage p;
        p.owners = owners_of[problem.id];
        for (std::int64_t m : measures_for[problem.id]) {
            p.measures.push_back(m);
            if (owner_of_measure.count(m)) p.owned_measures.push_back(m);
        }
        p.problem = std::move(problem);
        p.gap = classify(p);
        out.problems.push_back(std::move(p));
    }
    std::stable_sort(out.problems.begin(), out.problems.end(), [](const auto& a, const auto& b) {
        int ra = rank_of(a.problem), rb = rank_of(b.problem);
        return ra != rb ? ra < rb : a.problem.label < b.problem.label;
    });
    return out;
}

std::vector<Entity> unconnected_actors(Database& db, const EntitySource& entities, const EntitySelect& select) {
    std::vector<Entity> actors;
    if (!known(entities, "actor", &actors).available) return {};
    std::vector<Entity> measures, relations;
    // Only the problems actors are linked to: whether they still exist is all the rule asks.
    std::vector<std::pair<std::int64_t, std::int64_t>> actor_links;  // (actor, problem), owns and contributes
    for (const char* role : {"owns", "contributes"})
        for (auto link : links(db, "actor", "problem", role)) actor_links.push_back(link);
    EntityFilter linked;
    for (auto link : actor_links) linked.ids.push_back(link.second);
    const Known problems = known_where(entities, select, "problem", linked);
    Known live_measures = known(entities, "measure", &measures);
    for (const auto& m : measures)
        if (m.attribute("status") == "cancelled") live_measures.ids.erase(m.id);
    known(entities, "relation", &relations);

    std::set<std::int64_t> connected;
    for (const char* role : {"owner", "partner"})
        for (auto [measure, actor] : links(db, "measure", "actor", role))
            if (live_measures.has(measure)) connected.insert(actor);
    for (auto [actor, problem] : actor_links)
        if (problems.has(problem)) connected.insert(actor);
    for (const auto& relation : relations) {
        connected.insert(number(relation.attribute("from_actor_id")));
        connected.insert(number(relation.attribute("to_actor_id")));
    }
    std::erase_if(actors, [&](const Entity& actor) { return connected.count(actor.id) > 0; });
    std::stable_sort(actors.begin(), actors.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
    return actors;
}

const char* gap_key(Gap gap) {
    switch (gap) {
        case Gap::None: return "none";
        case Gap::NoOwnerNoMeasure: return "no_owner_no_measure";
        case Gap::MeasuresWithoutOwner: return "measures_without_owner";
        case Gap::OwnerWithoutMeasure: return "owner_without_measure";
    }
    return "";
}

const char* gap_msgid(Gap gap) {
    switch (gap) {
        case Gap::None: return "Covered";
        case Gap::NoOwnerNoMeasure: return "No owner and no measure";
        case Gap::MeasuresWithoutOwner: return "Measures, but none has an owner";
        case Gap::OwnerWithoutMeasure: return "Owner, but no measure";
    }
    return "";
}

}  // namespace kartla::coverage
