// Issue 15 made undo, info and the exporters answer from indexes instead of
// searching per item. These tests run the real plugins on the sample and on the
// sample grown to 5,000 cards (bench/workshop_generator.cpp) and check the
// results against what is computed here the plain way, with SQL or a whole-file
// check: undo and redo give back exactly the rows, and every reference checked.
#include "workshop_generator.hpp"

#include "cli/info.hpp"
#include "host/runtime.hpp"
#include "cli/sample.hpp"
#include "content_dump.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace kartla;
using kartla::test::content_dump;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    test::TempDir dir;
    Runtime runtime;
    explicit Fixture(int cards) {
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
        REQUIRE(build_sample(runtime, dir / "sample.kartla").empty());
        if (cards > 0) bench::grow_workshop(runtime.workshop()->db(), {cards, 2000, 15});
    }
    Workshop& workshop() { return *runtime.workshop(); }
    std::int64_t count(const char* sql) { return workshop().db().scalar_int(sql); }
};

// Edits of the kinds a meeting makes, several tables and cascades among them.
void random_edits(Workshop& w, std::mt19937& rng, int count) {
    const auto cards = w.db().scalar_int("SELECT max(id) FROM problem_map_card");
    for (int i = 0; i < count; ++i) {
        const std::int64_t card = 1 + std::int64_t(rng() % std::uint32_t(cards));
        EditResult result;
        switch (i % 5) {
            case 0:
                result = w.edit("title", [&](Database& db) {
                    db.run("UPDATE problem_map_card SET title = ? WHERE id = ?", "Öppen handel på Älvkajen " + std::to_string(i), card);
                });
                break;
            case 1:  // cascades to votes, causes (and their underlying causes) and the triangle
                result = w.edit("delete", [&](Database& db) { db.run("DELETE FROM problem_map_card WHERE id = ?", card); });
                break;
            case 2:
                result = w.edit("cause", [&](Database& db) {
                    db.run("INSERT INTO problem_map_cause(card_id, text) SELECT id, 'Mörka gångstråk' FROM problem_map_card "
                           "ORDER BY abs(id - ?) LIMIT 1", card);
                });
                break;
            case 3:  // a cluster goes, its cards stay (SET NULL)
                result = w.edit("cluster", [&](Database& db) {
                    db.run("DELETE FROM problem_map_cluster WHERE id = (SELECT min(id) FROM problem_map_cluster)");
                });
                break;
            default:
                result = w.edit("link", [&](Database& db) {
                    db.run("INSERT OR IGNORE INTO core_link(from_kind, from_id, to_kind, to_id, role) "
                           "SELECT 'measure', min(id), 'problem', ?, 'addresses' FROM action_plan_measure", card);
                });
        }
        REQUIRE_MESSAGE(result.ok, result.message);
    }
}

void check_undo_redo(Workshop& w, int edits) {
    std::mt19937 rng(42);
    w.clear_history();
    const auto before = content_dump(w.db());
    random_edits(w, rng, edits);
    const auto after = content_dump(w.db());
    int steps = 0;  // an edit that changed nothing is no step
    for (; w.can_undo(); ++steps) {
        auto undone = w.undo();
        REQUIRE_MESSAGE(undone.ok, undone.message);
    }
    CHECK(steps > edits / 2);
    REQUIRE(content_dump(w.db()) == before);
    CHECK(w.db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    for (int i = 0; i < steps; ++i) {
        auto redone = w.redo();
        REQUIRE_MESSAGE(redone.ok, redone.message);
    }
    REQUIRE(content_dump(w.db()) == after);
    CHECK(w.db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

void check_info(Fixture& f) {
    const auto info = workshop_info(f.runtime);
    const auto& entities = info.at("entities");
    CHECK(entities.at("problem").get<std::int64_t>() == f.count("SELECT count(*) FROM problem_map_card WHERE hidden = 0"));
    CHECK(entities.at("cause").get<std::int64_t>() == f.count("SELECT count(*) FROM problem_map_cause"));
    CHECK(entities.at("actor").get<std::int64_t>() == f.count("SELECT count(*) FROM actor_map_actor"));
    CHECK(entities.at("measure").get<std::int64_t>() == f.count("SELECT count(*) FROM action_plan_measure"));
    // The ranks other plugins are given: competition ranking by dots, ties by severity, then board order.
    std::vector<std::pair<std::int64_t, std::string>> expected;
    auto& q = f.workshop().db().prepare(
        "SELECT c.id, CASE WHEN coalesce(d.dots, 0) = 0 THEN '' ELSE CAST(1 + (SELECT count(*) FROM "
        "(SELECT card_id, sum(dots) AS dots FROM problem_map_vote GROUP BY card_id) AS o WHERE o.dots > d.dots) AS TEXT) END "
        "FROM problem_map_card AS c LEFT JOIN (SELECT card_id, sum(dots) AS dots FROM problem_map_vote GROUP BY card_id) AS d "
        "ON d.card_id = c.id WHERE c.hidden = 0 ORDER BY c.id").with();
    while (q.step()) expected.emplace_back(q.int64(0), q.text(1));
    std::vector<std::pair<std::int64_t, std::string>> published;
    for (const auto& e : f.runtime.offers().entities("problem")) published.emplace_back(e.id, e.attribute("rank"));
    std::sort(published.begin(), published.end());
    REQUIRE(published == expected);
}

// What a filtered read gives must be the full list filtered, in the same order.
void check_selection(Runtime& runtime) {
    std::mt19937 rng(9);
    for (const char* kind : {"problem", "cause", "actor", "measure"}) {
        const auto all = runtime.offers().entities(kind);
        REQUIRE(!all.empty());
        for (int round = 0; round < 4; ++round) {
            EntityFilter filter;
            for (int i = 0; i < 40; ++i) filter.ids.push_back(all[rng() % all.size()].id);
            filter.ids.push_back(-5);
            if (round == 1 && std::string(kind) == "problem") filter = {filter.ids, "prioritised", {"1"}};
            if (round == 2 && std::string(kind) == "cause") filter = {{}, "problem_id", {all[0].attribute("problem_id"), "07", "x"}};
            if (round == 3) filter = {filter.ids, "nature", {"social"}};  // a key without a fast path
            std::vector<Entity> expected;
            for (const auto& e : all)
                if (filter.matches(e)) expected.push_back(e);
            const auto selected = runtime.offers().entities_where(kind, filter);
            REQUIRE(selected.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                REQUIRE(selected[i].id == expected[i].id);
                REQUIRE(selected[i].label == expected[i].label);
                REQUIRE(selected[i].attributes == expected[i].attributes);
            }
        }
    }
}

}  // namespace

TEST_CASE("on the sample: undo and redo give back exactly the rows, and info counts what the file holds") {
    Fixture f(0);
    check_info(f);
    check_selection(f.runtime);
    check_undo_redo(f.workshop(), 30);
}

TEST_CASE("on 5,000 generated cards: undo and redo give back exactly the rows, and info counts what the file holds") {
    Fixture f(5000);
    REQUIRE(f.count("SELECT count(*) FROM problem_map_card") == 5000);
    REQUIRE(f.count("SELECT count(*) FROM action_plan_measure") == 2000);
    check_info(f);
    check_selection(f.runtime);
    check_undo_redo(f.workshop(), 60);
}
