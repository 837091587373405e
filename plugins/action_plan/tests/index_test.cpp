// The plan answers from indexes (issue 15); these tests hold the answers to the
// linear searches they replaced, kept here verbatim as the reference: on the
// sample and on a generated plan of 5,000 problems and 2,000 measures with the
// awkward cases of foreign data (missing parents, links to missing entities,
// duplicate ids, a measure that names a problem twice).
#include "world.hpp"

#include "../model/export/document.hpp"
#include "temp_dir.hpp"

#include "host/runtime.hpp"
#include "cli/sample.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <random>

using namespace kartla::action_plan;
using namespace kartla::action_plan::test;

namespace {

// --- the reference: the plan's questions as they were answered before the indexes

const Entity* naive_find(const Related& related, std::int64_t id) {
    for (const auto& e : related.items)
        if (e.id == id) return &e;
    return nullptr;
}

int naive_rank(const Entity& problem) {
    const std::string rank = problem.attribute("rank");
    if (rank.empty() || rank.size() > 6 || !std::all_of(rank.begin(), rank.end(), ::isdigit)) return 1 << 30;
    return std::stoi(rank);
}

std::vector<const Entity*> naive_prioritised(const Plan& plan) {
    std::vector<const Entity*> out;
    for (const auto& p : plan.problems.items)
        if (p.attribute("prioritised") == "1") out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](const Entity* a, const Entity* b) { return naive_rank(*a) < naive_rank(*b); });
    return out;
}

// Each cause's problem and parent as the file gives them, read once: the reference walk
// scans every cause at every level of every tree, and reading the attributes there again
// (a copy each) made it the slowest part of the suite under ASan.
struct CauseRow {
    std::string problem, parent;
    const Entity* cause;
};

std::vector<CauseRow> cause_rows(const Plan& plan) {
    std::vector<CauseRow> rows;
    for (const auto& cause : plan.causes.items)
        rows.push_back({cause.attribute("problem_id"), cause.attribute("parent_id"), &cause});
    return rows;
}

std::vector<std::pair<const Entity*, int>> naive_causes_of(const std::vector<CauseRow>& rows, std::int64_t problem_id) {
    std::vector<std::pair<const Entity*, int>> out;
    const std::string problem = std::to_string(problem_id);
    std::function<void(const std::string&, int)> walk = [&](const std::string& parent, int depth) {
        if (depth > 12) return;
        for (const auto& row : rows) {
            if (row.problem != problem || row.parent != parent) continue;
            out.emplace_back(row.cause, depth);
            walk(std::to_string(row.cause->id), depth + 1);
        }
    };
    walk("", 0);
    for (const auto& row : rows) {
        if (row.problem != problem) continue;
        bool seen = std::any_of(out.begin(), out.end(), [&](const auto& entry) { return entry.first == row.cause; });
        if (!seen) out.emplace_back(row.cause, 0);
    }
    return out;
}

template <typename Pred>
std::vector<const Measure*> naive_measures_where(const Plan& plan, Pred pred) {
    std::vector<const Measure*> out;
    for (const auto& m : plan.measures)
        if (pred(m)) out.push_back(&m);
    return out;
}

bool has(const std::vector<std::int64_t>& ids, std::int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// The document's grouping as build_document did it: problems in order, rows per problem.
std::vector<std::pair<std::int64_t, std::vector<std::size_t>>> naive_sections(const Plan& plan) {
    std::vector<std::int64_t> order;
    for (const Entity* p : naive_prioritised(plan)) order.push_back(p->id);
    std::vector<std::vector<std::int64_t>> per_row;
    for (const auto& m : plan.measures) {
        std::vector<std::int64_t> ids = m.problem_ids;
        for (auto cause_id : m.cause_ids) {
            const Entity* cause = naive_find(plan.causes, cause_id);
            if (!cause) continue;
            try {
                const auto problem = std::stoll(cause->attribute("problem_id"));
                if (!has(ids, problem)) ids.push_back(problem);
            } catch (const std::exception&) {
            }
        }
        for (auto id : ids)
            if (!has(order, id)) order.push_back(id);
        per_row.push_back(ids);
    }
    std::vector<std::pair<std::int64_t, std::vector<std::size_t>>> out;
    for (auto id : order) {
        out.push_back({id, {}});
        for (std::size_t i = 0; i < per_row.size(); ++i)
            if (has(per_row[i], id)) out.back().second.push_back(i);
    }
    std::vector<std::size_t> unlinked;
    for (std::size_t i = 0; i < per_row.size(); ++i)
        if (per_row[i].empty()) unlinked.push_back(i);
    if (!unlinked.empty()) out.push_back({0, unlinked});
    return out;
}

// --- the comparison

void check_same_answers(const Plan& plan) {
    std::vector<std::int64_t> problem_ids, cause_ids, measure_ids, actor_ids;
    for (const auto& p : plan.problems.items) problem_ids.push_back(p.id);
    for (const auto& c : plan.causes.items) cause_ids.push_back(c.id);
    for (const auto& m : plan.measures) {
        measure_ids.push_back(m.id);
        problem_ids.insert(problem_ids.end(), m.problem_ids.begin(), m.problem_ids.end());
        cause_ids.insert(cause_ids.end(), m.cause_ids.begin(), m.cause_ids.end());
        actor_ids.push_back(m.owner_id);
        actor_ids.insert(actor_ids.end(), m.partner_ids.begin(), m.partner_ids.end());
    }
    for (auto id : {std::int64_t(0), std::int64_t(-1), std::int64_t(987654321)}) {
        problem_ids.push_back(id);
        cause_ids.push_back(id);
        measure_ids.push_back(id);
    }
    CHECK(plan.prioritised_problems() == naive_prioritised(plan));
    const auto causes = cause_rows(plan);
    for (std::size_t i = 0; i < problem_ids.size(); ++i) {
        const auto id = problem_ids[i];
        REQUIRE(plan.problems.find(id) == naive_find(plan.problems, id));
        // The reference walks every cause per tree level: a tenth of the problems keeps the test quick.
        if (i % 10 == 0 || i + 3 >= problem_ids.size()) REQUIRE(plan.causes_of(id) == naive_causes_of(causes, id));
        REQUIRE(plan.measures_addressing_problem(id) ==
                naive_measures_where(plan, [&](const Measure& m) { return has(m.problem_ids, id); }));
    }
    for (auto id : cause_ids) {
        REQUIRE(plan.causes.find(id) == naive_find(plan.causes, id));
        REQUIRE(plan.measures_addressing_cause(id) ==
                naive_measures_where(plan, [&](const Measure& m) { return has(m.cause_ids, id); }));
    }
    for (auto id : actor_ids) REQUIRE(plan.actors.find(id) == naive_find(plan.actors, id));
    for (auto id : measure_ids) {
        const Measure* expected = nullptr;
        for (const auto& m : plan.measures)
            if (m.id == id && !expected) expected = &m;
        REQUIRE(plan.measure(id) == expected);
        std::vector<const StatusChange*> log;
        for (const auto& change : plan.log)
            if (change.measure_id == id) log.push_back(&change);
        REQUIRE(plan.log_of(id) == log);
    }
}

void check_same_document(kartla::Workshop& workshop, const Plan& plan) {
    const auto doc = exporting::build_document(workshop, plan, kartla::ExportOptions{}, identity());
    const auto expected = naive_sections(plan);
    const auto rows = cause_rows(plan);
    REQUIRE(doc.rows.size() == plan.measures.size());
    REQUIRE(doc.sections.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(doc.sections[i].id == expected[i].first);
        REQUIRE(doc.sections[i].rows == expected[i].second);
        if (i % 10 != 0 && i + 1 != expected.size()) continue;  // as above: the reference is slow
        const auto causes = naive_causes_of(rows, expected[i].first);
        REQUIRE(doc.sections[i].causes.size() == (expected[i].first ? causes.size() : 0));
        for (std::size_t c = 0; c < doc.sections[i].causes.size(); ++c) {
            CHECK(doc.sections[i].causes[c].id == causes[c].first->id);
            CHECK(doc.sections[i].causes[c].depth == causes[c].second);
        }
    }
    for (std::size_t r = 0; r < plan.measures.size(); ++r) {
        const Measure& m = plan.measures[r];
        std::string problems, owner;
        for (auto id : m.problem_ids) {
            const Entity* p = naive_find(plan.problems, id);
            problems += (problems.empty() ? "" : "; ") + (p ? p->label : "Problem #" + std::to_string(id) + " (unavailable)");
        }
        if (m.owner_id) {
            const Entity* a = naive_find(plan.actors, m.owner_id);
            owner = a ? a->label : "Actor #" + std::to_string(m.owner_id) + " (unavailable)";
        }
        REQUIRE(doc.rows[r].cell(exporting::ColProblems) == problems);
        REQUIRE(doc.rows[r].cell(exporting::ColOwner) == owner);
    }
}

Entity cause_entity(std::int64_t id, std::int64_t problem, const std::string& parent, const std::string& label) {
    return {"cause", id, label, {{"problem_id", std::to_string(problem)}, {"parent_id", parent}, {"nature", "social"}}};
}

// 5,000 problems (one in 50 prioritised, ranks with ties and gaps), 1 to 3 causes
// each with underlying ones, 2,000 measures with owners, partners and a log.
Plan generated_plan() {
    std::mt19937 rng(15);
    Plan plan;
    plan.problems.available = plan.causes.available = plan.actors.available = true;
    for (int a = 1; a <= 30; ++a) plan.actors.items.push_back({"actor", 1000 + a, "Förvaltning " + std::to_string(a), {}});
    std::int64_t next_cause = 100000;
    for (int p = 1; p <= 5000; ++p) {
        const bool prioritised = p % 50 == 0;
        const std::string rank = p % 7 == 0 ? "" : std::to_string(1 + int(rng() % 400));
        plan.problems.items.push_back({"problem", p, "Otrygghet vid torget " + std::to_string(p),
                                       {{"prioritised", prioritised ? "1" : "0"}, {"rank", rank}}});
        const int direct = 1 + int(rng() % 3);
        for (int c = 0; c < direct; ++c) {
            const std::int64_t id = next_cause++;
            plan.causes.items.push_back(cause_entity(id, p, "", "Dålig belysning " + std::to_string(id)));
            if (rng() % 3 == 0) plan.causes.items.push_back(cause_entity(next_cause++, p, std::to_string(id), "Trasiga armaturer"));
        }
        if (p % 97 == 0) plan.causes.items.push_back(cause_entity(next_cause++, p, "999999999", "Förälder saknas"));
    }
    plan.causes.items.push_back(plan.causes.items[10]);  // a duplicate id, as a damaged file may hold
    std::shuffle(plan.causes.items.begin(), plan.causes.items.end(), rng);  // the tree is not in file order
    for (int m = 1; m <= 2000; ++m) {
        Measure measure;
        measure.id = 500 + m;
        measure.title = "Åtgärd " + std::to_string(m);
        const std::int64_t problem = 1 + std::int64_t(rng() % 5200);  // some past the last problem: missing
        if (m % 11) measure.problem_ids.push_back(problem);
        if (m % 13 == 0) measure.problem_ids.push_back(problem);  // named twice
        if (m % 3) measure.cause_ids.push_back(plan.causes.items[rng() % plan.causes.items.size()].id);
        measure.owner_id = m % 17 ? 1001 + std::int64_t(rng() % 32) : 0;
        measure.partner_ids = {1001 + std::int64_t(rng() % 30)};
        plan.measures.push_back(measure);
        if (m % 2) plan.log.push_back({m, measure.id, "2026-04-01", "proposed", "decided", ""});
    }
    return plan;
}

}  // namespace

TEST_CASE("the indexed plan answers as the linear searches did, on a generated plan of 5,000 problems") {
    World world;
    const Plan plan = generated_plan();
    check_same_answers(plan);
    check_same_document(world.workshop(), plan);
}

TEST_CASE("the indexed plan answers as the linear searches did, on the sample") {
    kartla::test::TempDir dir;
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR, ACTION_PLAN_STANDINS_DIR});
    REQUIRE(kartla::build_sample(runtime, dir / "sample.kartla").empty());
    const Plan plan = load_plan(runtime.workshop()->db(), [&](std::string_view kind, bool* available) {
        return runtime.offers().entities(kind, available);
    });
    REQUIRE(plan.measures.size() >= 10);
    check_same_answers(plan);
    check_same_document(*runtime.workshop(), plan);
}

TEST_CASE("a plan copied or changed after a question answers from its own items") {
    Plan plan = generated_plan();
    REQUIRE(plan.measure(501));
    Plan copy = plan;
    CHECK(copy.measure(501) == &copy.measures.front());
    copy.measures.erase(copy.measures.begin());
    CHECK(copy.measure(501) == nullptr);
    copy.causes.items.push_back(cause_entity(7777777, 1, "", "Ny orsak"));
    CHECK(copy.causes.find(7777777) == &copy.causes.items.back());
    CHECK(copy.causes_of(1).back().first == &copy.causes.items.back());
}
