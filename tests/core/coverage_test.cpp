// Who answers for a prioritised problem (kartla::coverage): each gap kind, a
// problem covered only through a cause, and the links that must not count
// (a cancelled measure, a deleted actor, a cause of another problem).
#include "kartla/core_data.hpp"
#include "kartla/coverage.hpp"
#include "kartla/workshop.hpp"

#include <doctest/doctest.h>

#include <map>
#include <tuple>

using namespace kartla;
namespace cd = kartla::core_data;
using coverage::Gap;

namespace {

// Published entities as a plugin would give them, and links written through the core.
struct World {
    std::unique_ptr<Workshop> w = Workshop::in_memory();
    std::map<std::string, std::vector<Entity>, std::less<>> published;

    World() {
        for (const char* kind : {"problem", "cause", "measure", "actor"}) published[kind];
    }
    void problem(std::int64_t id, bool prioritised, int rank = 0) {
        published["problem"].push_back({"problem", id, "Problem " + std::to_string(id),
                                        {{"prioritised", prioritised ? "1" : "0"}, {"rank", rank ? std::to_string(rank) : ""}}});
    }
    void cause(std::int64_t id, std::int64_t problem, std::int64_t parent = 0) {
        published["cause"].push_back({"cause", id, "Cause", {{"problem_id", std::to_string(problem)},
                                                             {"parent_id", parent ? std::to_string(parent) : ""}}});
    }
    void measure(std::int64_t id, std::string status = "decided") {
        published["measure"].push_back({"measure", id, "Measure", {{"status", status}}});
    }
    void actor(std::int64_t id) { published["actor"].push_back({"actor", id, "Actor", {}}); }
    void link(std::string from_kind, std::int64_t from, std::string to_kind, std::int64_t to, const char* role) {
        REQUIRE(w->edit("link", [&](Database& db) { cd::add_link(db, {from_kind, from}, {to_kind, to}, role); }));
    }
    void relation(std::int64_t id, std::int64_t from, std::int64_t to) {
        published["relation"].push_back(
            {"relation", id, "Relation", {{"from_actor_id", std::to_string(from)}, {"to_actor_id", std::to_string(to)}}});
    }
    std::vector<std::int64_t> unconnected() {
        std::vector<std::int64_t> ids, selected;
        for (const auto& actor : coverage::unconnected_actors(w->db(), source())) ids.push_back(actor.id);
        for (const auto& actor : coverage::unconnected_actors(w->db(), source(), select())) selected.push_back(actor.id);
        CHECK(selected == ids);  // the filtered read gives the rule's one answer
        return ids;
    }
    // As the host's entities_where does: only what the filter asks for. Every case below
    // runs the rule both ways, whole lists and filtered reads, and they must agree.
    EntitySelect select() { return select_from(source()); }
    using Summary = std::vector<std::tuple<std::int64_t, Gap, std::vector<std::int64_t>, std::vector<std::int64_t>>>;
    static Summary summary(const coverage::Coverage& c) {
        Summary out;
        for (const auto& p : c.problems) out.emplace_back(p.problem.id, p.gap, p.owners, p.owned_measures);
        return out;
    }
    EntitySource source() {
        return [this](std::string_view kind, bool* available) {
            auto found = published.find(kind);
            if (available) *available = found != published.end();
            return found == published.end() ? std::vector<Entity>{} : found->second;
        };
    }
    coverage::Coverage compute() {
        auto whole = coverage::compute(w->db(), source());
        auto selected = coverage::compute(w->db(), source(), select());
        CHECK(summary(selected) == summary(whole));
        CHECK(selected.problems_available == whole.problems_available);
        return whole;
    }
};

}  // namespace

TEST_CASE("coverage: no owner and no measure") {
    World world;
    world.problem(1, true);
    world.problem(2, false);  // not prioritised: never listed
    auto c = world.compute();
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].problem.id == 1);
    CHECK(c.problems[0].gap == Gap::NoOwnerNoMeasure);
    CHECK_FALSE(c.problems[0].covered());
    CHECK(c.uncovered().size() == 1);
    CHECK(c.gap_count() == 1);
}

TEST_CASE("coverage: measures, but none has an owner") {
    World world;
    world.problem(1, true);
    world.measure(10);
    world.link("measure", 10, "problem", 1, "addresses");
    auto c = world.compute();
    CHECK(c.find(1)->gap == Gap::MeasuresWithoutOwner);
    CHECK(c.find(1)->measures == std::vector<std::int64_t>{10});
    CHECK_FALSE(c.find(1)->covered());
    // A partner is not an owner.
    world.actor(5);
    world.link("measure", 10, "actor", 5, "partner");
    CHECK(world.compute().find(1)->gap == Gap::MeasuresWithoutOwner);
    // Giving the measure an owner covers the problem and closes the gap.
    world.link("measure", 10, "actor", 5, "owner");
    auto after = world.compute();
    CHECK(after.find(1)->gap == Gap::None);
    CHECK(after.find(1)->covered());
    CHECK(after.gap_count() == 0);
}

TEST_CASE("coverage: owner, but no measure is covered yet still listed") {
    World world;
    world.problem(1, true);
    world.actor(5);
    world.link("actor", 5, "problem", 1, "owns");
    auto c = world.compute();
    CHECK(c.find(1)->gap == Gap::OwnerWithoutMeasure);
    CHECK(c.find(1)->covered());
    CHECK(c.uncovered().empty());
    CHECK(c.with_gap(Gap::OwnerWithoutMeasure).size() == 1);
    // Contributing or being affected is not owning.
    World other;
    other.problem(1, true);
    other.actor(5);
    other.link("actor", 5, "problem", 1, "contributes");
    CHECK(other.compute().find(1)->gap == Gap::NoOwnerNoMeasure);
    // An owner and an unowned measure: the actor answers for it, the measure is planned.
    world.measure(10);
    world.link("measure", 10, "problem", 1, "addresses");
    CHECK(world.compute().find(1)->gap == Gap::None);
}

TEST_CASE("coverage: a measure with an owner aimed at a cause covers the problem") {
    World world;
    world.problem(1, true);
    world.problem(2, true);
    world.cause(20, 1);
    world.cause(21, 1, 20);  // an underlying cause of problem 1
    world.cause(30, 2);
    world.actor(5);
    world.measure(10);
    world.link("measure", 10, "cause", 21, "addresses");
    world.link("measure", 10, "actor", 5, "owner");
    auto c = world.compute();
    CHECK(c.find(1)->gap == Gap::None);
    CHECK(c.find(1)->covered());
    CHECK(c.find(1)->owned_measures == std::vector<std::int64_t>{10});
    // The cause belongs to problem 1 only.
    CHECK(c.find(2)->gap == Gap::NoOwnerNoMeasure);
}

TEST_CASE("coverage: cancelled measures and deleted actors answer for nothing") {
    World world;
    world.problem(1, true);
    world.actor(5);
    world.measure(10, "cancelled");
    world.link("measure", 10, "problem", 1, "addresses");
    world.link("measure", 10, "actor", 5, "owner");
    CHECK(world.compute().find(1)->gap == Gap::NoOwnerNoMeasure);
    world.measure(11);
    world.link("measure", 11, "problem", 1, "addresses");
    world.link("measure", 11, "actor", 6, "owner");  // actor 6 is not published: it no longer exists
    world.link("actor", 7, "problem", 1, "owns");    // nor actor 7
    CHECK(world.compute().find(1)->gap == Gap::MeasuresWithoutOwner);
    // Without an actor plugin at all, the stored owner is trusted rather than reported missing.
    world.published.erase("actor");
    CHECK(world.compute().find(1)->gap == Gap::None);
}

TEST_CASE("coverage: ordered by rank, and empty without a problem plugin") {
    World world;
    world.problem(1, true, 2);
    world.problem(2, true, 1);
    auto c = world.compute();
    REQUIRE(c.problems.size() == 2);
    CHECK(c.problems[0].problem.id == 2);
    CHECK(c.problems_available);
    world.published.erase("problem");
    auto none = world.compute();
    CHECK_FALSE(none.problems_available);
    CHECK(none.problems.empty());
}

TEST_CASE("coverage: keys and words for each kind") {
    CHECK(std::string(coverage::gap_key(Gap::NoOwnerNoMeasure)) == "no_owner_no_measure");
    CHECK(std::string(coverage::gap_key(Gap::MeasuresWithoutOwner)) == "measures_without_owner");
    CHECK(std::string(coverage::gap_key(Gap::OwnerWithoutMeasure)) == "owner_without_measure");
    for (auto kind : coverage::kGapKinds) CHECK(std::string(coverage::gap_msgid(kind)).size() > 5);
}

// Issue 23: the gaps view listed actors that own measures or are partners as
// "without relation and without problem". One rule now says who is connected.
TEST_CASE("unconnected actors: measures, problems and relations connect an actor, nothing else does") {
    World world;
    for (std::int64_t id : {1, 2, 3, 4, 5, 6, 7, 8, 9}) world.actor(id);
    world.problem(10, true);
    world.measure(20);
    world.measure(21);
    world.measure(22, "cancelled");
    world.published["relation"];
    world.link("measure", 20, "actor", 1, "owner");      // owns a measure
    world.link("measure", 21, "actor", 2, "partner");    // takes part in one
    world.link("actor", 3, "problem", 10, "owns");       // owns a problem
    world.link("actor", 4, "problem", 10, "contributes");
    world.relation(30, 5, 6);                            // both ends of a relation
    world.link("actor", 7, "problem", 10, "affected");   // only affected: says nothing of what it does
    world.link("measure", 22, "actor", 8, "owner");      // a cancelled measure answers for nothing
    world.link("actor", 9, "problem", 99, "owns");       // a problem that no longer exists
    CHECK(world.unconnected() == std::vector<std::int64_t>{7, 8, 9});
}

TEST_CASE("unconnected actors: none without an actor plugin, and links of an unpublished kind are trusted") {
    World world;
    world.published.erase("actor");
    CHECK(world.unconnected().empty());
    World without_measures;
    without_measures.actor(1);
    without_measures.actor(2);
    without_measures.published.erase("measure");
    without_measures.link("measure", 5, "actor", 1, "owner");  // the plan is not loaded: its link still counts
    CHECK(without_measures.unconnected() == std::vector<std::int64_t>{2});
}

TEST_CASE("coverage through a filtered read asks for the prioritised problems and the addressed causes only") {
    World world;
    for (int id = 1; id <= 50; ++id) world.problem(id, id == 7, id == 7 ? 1 : 0);
    for (int id = 101; id <= 150; ++id) world.cause(id, id - 100);
    world.measure(900);
    world.actor(500);
    world.link("measure", 900, "cause", 107, "addresses");
    world.link("measure", 900, "actor", 500, "owner");
    std::map<std::string, std::size_t> handed;  // entities handed out, by kind
    const EntitySelect counting = [&](std::string_view kind, const EntityFilter& filter, bool* available) {
        auto some = world.select()(kind, filter, available);
        handed[std::string(kind)] += some.size();
        return some;
    };
    const auto c = coverage::compute(world.w->db(), world.source(), counting);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].problem.id == 7);
    CHECK(c.problems[0].gap == Gap::None);  // covered through its cause
    CHECK(handed["problem"] == 1);
    CHECK(handed["cause"] == 1);
}
