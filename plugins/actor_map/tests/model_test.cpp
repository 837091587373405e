#include "kartla/core_data.hpp"
#include "model/actor_types.hpp"
#include "model/entities.hpp"
#include "model/gaps.hpp"
#include "model/report_section.hpp"
#include "model_fixture.hpp"

using namespace kartla::actor_map;
using namespace kartla::actor_map::testing;

namespace {

// The gaps as the plugin computes them, with the problems as a problem plugin would publish them.
Gaps gaps_of(kartla::Workshop& w, const std::vector<kartla::Entity>& problems, bool available = true) {
    auto source = [&](std::string_view kind, bool* known) -> std::vector<kartla::Entity> {
        if (known) *known = kind == "actor" || kind == "relation" || (kind == "problem" && available);
        if (kind == "problem") return problems;
        if (kind == "actor") return actor_entities(w.db());
        if (kind == "relation") return relation_entities(w.db());
        return {};
    };
    return find_gaps(w.db(), source);
}

}  // namespace

TEST_CASE("a new workshop has the built-in actor types") {
    auto w = workshop();
    Snapshot s = load(w->db());
    CHECK(s.types.size() == builtin_types().size());
    CHECK(s.types.front().key == "municipality_board");
    CHECK(s.types.front().builtin);
}

TEST_CASE("actors keep Swedish text and every field") {
    auto w = workshop();
    std::int64_t id = add(*w, "Socialförvaltningen, fältgruppen", "municipality_social");
    REQUIRE(w->edit("edit", [&](kartla::Database& db) {
        Actor a = *load(db).actor(id);
        a.mandate = "Myndighetsutövning enligt SoL; orosanmälningar";
        a.resources = "Fältsekreterare kvällstid, två tjänster";
        a.contact_role = "Enhetschef barn och unga";
        a.notes = "Når unga på torget i Östra Höjden";
        update_actor(db, a);
    }));
    Snapshot s = load(w->db());
    const Actor* a = s.actor(id);
    REQUIRE(a);
    CHECK(a->name == "Socialförvaltningen, fältgruppen");
    CHECK(a->mandate == "Myndighetsutövning enligt SoL; orosanmälningar");
    CHECK(a->resources == "Fältsekreterare kvällstid, två tjänster");
    CHECK(a->contact_role == "Enhetschef barn och unga");
    CHECK(a->notes == "Når unga på torget i Östra Höjden");
    CHECK(s.type(a->type_id)->key == "municipality_social");
}

TEST_CASE("deleting an actor takes its relations and links along, and one undo brings all back") {
    auto w = workshop();
    auto police = add(*w, "Polisen", "police");
    auto school = add(*w, "Höjdenskolan", "municipality_school");
    link(*w, police, school);
    REQUIRE(w->edit("roles", [&](kartla::Database& db) {
        set_problem_role(db, police, 7, kRoleOwns);
        set_represented(db, 3, police);
    }));
    REQUIRE(w->edit("delete", [&](kartla::Database& db) { remove_actor(db, police); }));
    Snapshot after = load(w->db());
    CHECK(after.actors.size() == 1);
    CHECK(after.relations.empty());
    CHECK(after.problem_links.empty());
    CHECK(after.represented_by.empty());
    REQUIRE(w->undo());
    Snapshot back = load(w->db());
    CHECK(back.actors.size() == 2);
    CHECK(back.relations.size() == 1);
    CHECK(back.problem_role(police, 7) == "owns");
    CHECK(back.represented_by.at(3) == police);
}

TEST_CASE("relations refuse self-links, unknown types and bad strengths") {
    auto w = workshop();
    auto a = add(*w, "A"), b = add(*w, "B");
    Relation r;
    r.from = a;
    r.to = a;
    CHECK_FALSE(w->edit("self", [&](kartla::Database& db) { add_relation(db, r); }));
    r.to = b;
    r.type = "friends";
    CHECK_FALSE(w->edit("type", [&](kartla::Database& db) { add_relation(db, r); }));
    r.type = "conflict";
    r.strength = 4;
    CHECK_FALSE(w->edit("strength", [&](kartla::Database& db) { add_relation(db, r); }));
    r.strength = 3;
    CHECK(w->edit("ok", [&](kartla::Database& db) { add_relation(db, r); }));
    CHECK(load(w->db()).relations.at(0).type == "conflict");
}

TEST_CASE("an actor has one part in a problem at a time") {
    auto w = workshop();
    auto a = add(*w, "Räddningstjänsten", "rescue");
    REQUIRE(w->edit("owns", [&](kartla::Database& db) { set_problem_role(db, a, 1, kRoleOwns); }));
    REQUIRE(w->edit("contributes", [&](kartla::Database& db) { set_problem_role(db, a, 1, kRoleContributes); }));
    Snapshot s = load(w->db());
    CHECK(s.problem_links.size() == 1);
    CHECK(s.problem_role(a, 1) == "contributes");
    REQUIRE(w->edit("none", [&](kartla::Database& db) { set_problem_role(db, a, 1, ""); }));
    CHECK(load(w->db()).problem_links.empty());
}

TEST_CASE("the type list is editable, and a type in use cannot be removed") {
    auto w = workshop();
    std::int64_t type = 0;
    REQUIRE(w->edit("add type", [&](kartla::Database& db) { type = add_type(db, "Trossamfund i Älvstad"); }));
    auto a = add(*w, "Moskéföreningen");
    REQUIRE(w->edit("type", [&](kartla::Database& db) {
        Actor actor = *load(db).actor(a);
        actor.type_id = type;
        update_actor(db, actor);
    }));
    CHECK_FALSE(w->edit("remove", [&](kartla::Database& db) { remove_type(db, type); }));
    REQUIRE(w->edit("rename", [&](kartla::Database& db) { rename_type(db, type, "Trossamfund"); }));
    Snapshot s = load(w->db());
    CHECK(s.type(type)->label == "Trossamfund");
    CHECK(s.type(type)->key.starts_with("custom_"));
    auto entities = actor_entities(w->db());
    CHECK(entities.at(0).attribute("type") == s.type(type)->key);
}

TEST_CASE("published entities carry the agreed attributes") {
    auto w = workshop();
    auto a = add(*w, "Älvstadshem AB", "housing");
    auto b = add(*w, "Polisen", "police");
    link(*w, a, b, "funds");
    auto actors = actor_entities(w->db());
    REQUIRE(actors.size() == 2);
    CHECK(actors[0].kind == "actor");
    CHECK(actors[0].label == "Älvstadshem AB");
    CHECK(actors[0].attribute("type") == "housing");
    auto relations = relation_entities(w->db());
    REQUIRE(relations.size() == 1);
    CHECK(relations[0].kind == "relation");
    CHECK(relations[0].attribute("from_actor_id") == std::to_string(a));
    CHECK(relations[0].attribute("to_actor_id") == std::to_string(b));
    CHECK(relations[0].attribute("type") == "funds");
    CHECK(relations[0].attribute("strength") == "2");
}

TEST_CASE("gaps: prioritised problems without an owner and actors connected to nothing") {
    auto w = workshop();
    auto police = add(*w, "Polisen", "police");
    auto school = add(*w, "Skolan", "municipality_school");
    auto alone = add(*w, "Bygdegårdsföreningen", "civil_society");
    link(*w, police, school);
    std::vector<kartla::Entity> problems = {
        {"problem", 1, "Narkotikaförsäljning vid torget", {{"prioritised", "1"}, {"rank", "2"}}},
        {"problem", 2, "Otrygghet vid stationen", {{"prioritised", "1"}, {"rank", "1"}}},
        {"problem", 3, "Nedskräpning", {{"prioritised", "0"}}},
    };
    Gaps gaps = gaps_of(*w, problems);
    REQUIRE(gaps.uncovered_problems.size() == 2);
    CHECK(gaps.uncovered_problems[0].id == 2);  // by rank
    CHECK(gaps.isolated_actors == std::vector<std::int64_t>{alone});

    REQUIRE(w->edit("owner", [&](kartla::Database& db) { set_problem_role(db, police, 2, kRoleOwns); }));
    // Only affected by a problem: nobody has said what it does, so still unconnected.
    REQUIRE(w->edit("affected", [&](kartla::Database& db) { set_problem_role(db, alone, 3, kRoleAffected); }));
    CHECK(gaps_of(*w, problems).isolated_actors == std::vector<std::int64_t>{alone});
    REQUIRE(w->edit("contributes", [&](kartla::Database& db) { set_problem_role(db, alone, 3, kRoleContributes); }));
    gaps = gaps_of(*w, problems);
    REQUIRE(gaps.uncovered_problems.size() == 1);
    CHECK(gaps.uncovered_problems[0].id == 1);
    CHECK(gaps.isolated_actors.empty());
    // Owned, but nothing planned: covered, yet still on the gap list with its kind.
    CHECK(gaps.coverage.find(2)->gap == kartla::coverage::Gap::OwnerWithoutMeasure);
    CHECK(gaps.count() == 2);
}

TEST_CASE("gaps: a measure with an owner covers a problem nobody owns, also through a cause") {
    namespace cd = kartla::core_data;
    auto w = workshop();
    auto police = add(*w, "Polisen", "police");
    std::vector<kartla::Entity> problems = {
        {"problem", 1, "Narkotikaförsäljning vid torget", {{"prioritised", "1"}, {"rank", "1"}}},
        {"problem", 2, "Otrygghet vid stationen", {{"prioritised", "1"}, {"rank", "2"}}},
    };
    // Measure 50 aims at problem 1 with an owner; measure 51 at problem 2, with nobody responsible.
    REQUIRE(w->edit("plan", [&](kartla::Database& db) {
        cd::add_link(db, {"measure", 50}, {"problem", 1}, "addresses");
        cd::add_link(db, {"measure", 50}, {"actor", police}, "owner");
        cd::add_link(db, {"measure", 51}, {"problem", 2}, "addresses");
    }));
    Gaps gaps = gaps_of(*w, problems);
    REQUIRE(gaps.uncovered_problems.size() == 1);
    CHECK(gaps.uncovered_problems[0].id == 2);
    CHECK(gaps.coverage.find(1)->gap == kartla::coverage::Gap::None);
    CHECK(gaps.coverage.find(2)->gap == kartla::coverage::Gap::MeasuresWithoutOwner);
}

TEST_CASE("without the problem plugin, stored problem links still count and no problem is reported") {
    auto w = workshop();
    auto a = add(*w, "Länsstyrelsen", "county_board");
    REQUIRE(w->edit("link", [&](kartla::Database& db) { set_problem_role(db, a, 9, kRoleContributes); }));
    Gaps gaps = gaps_of(*w, {}, false);
    CHECK(gaps.uncovered_problems.empty());
    CHECK(gaps.isolated_actors.empty());
}

#include "model/sample_loader.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

TEST_CASE("the sample: 12+ actors of 8+ types, 15+ relations, owners for the prioritised problems, one gap") {
    auto w = workshop();
    std::ifstream in(std::string(KARTLA_TEST_SOURCE_DIR) + "/plugins/actor_map/sample.json");
    REQUIRE(in);
    auto sample = nlohmann::json::parse(in);
    // The problem map's prioritised problems, as it publishes them; one title of the sample is left out.
    std::vector<kartla::Entity> problems = {
        {"problem", 101, "Öppen narkotikaförsäljning vid Höjdens torg", {{"prioritised", "1"}, {"rank", "1"}}},
        {"problem", 102, "Rekrytering av barn till kriminella nätverk", {{"prioritised", "1"}, {"rank", "2"}}},
        {"problem", 103, "Otrygghet vid resecentrum kvällstid", {{"prioritised", "1"}, {"rank", "3"}}},
        {"problem", 104, "Anlagda bränder i soprum och bilar", {{"prioritised", "0"}}},
    };
    SampleReport report = load_sample(*w, sample, problems);
    CHECK_FALSE(report.missing_problems.empty());  // titles not published are skipped, not fatal
    Snapshot s = load(w->db());
    CHECK(s.actors.size() >= 12);
    std::set<std::int64_t> types;
    for (const auto& a : s.actors) types.insert(a.type_id);
    CHECK(types.size() >= 8);
    CHECK(s.relations.size() >= 15);
    Gaps gaps = gaps_of(*w, problems);
    CHECK(gaps.uncovered_problems.empty());
    CHECK(gaps.isolated_actors.size() == 1);
    CHECK(s.actor(gaps.isolated_actors.at(0))->name == "Trossamfunden i Östra Höjden");
    // Laid out: no two actors share a spot.
    std::set<std::pair<double, double>> spots;
    for (const auto& a : s.actors) spots.insert({a.x, a.y});
    CHECK(spots.size() == s.actors.size());
}

#include "model/images.hpp"
#include "model/relation_types.hpp"

TEST_CASE("every built-in type, link type, role and quadrant has a Swedish translation") {
    std::ifstream in(std::string(KARTLA_TEST_SOURCE_DIR) + "/plugins/actor_map/i18n/sv.po");
    REQUIRE(in);
    std::string po((std::istreambuf_iterator<char>(in)), {});
    auto translated = [&](std::string_view msgid) {
        return po.find("msgid \"" + std::string(msgid) + "\"\nmsgstr \"") != std::string::npos &&
               po.find("msgid \"" + std::string(msgid) + "\"\nmsgstr \"\"") == std::string::npos;
    };
    for (const auto& type : builtin_types()) CHECK_MESSAGE(translated(type.msgid), type.msgid);
    for (const auto& type : relation_types()) CHECK_MESSAGE(translated(type.msgid), type.msgid);
    for (auto role : {kRoleOwns, kRoleContributes, kRoleAffected}) CHECK(translated(role));
    for (double i : {0.2, 0.8})
        for (double f : {0.2, 0.8}) CHECK(translated(quadrant_msgid(i, f)));
}

TEST_CASE("the report part says in words what its two pictures show: the relations and the grid as tables") {
    Snapshot snapshot;
    snapshot.types = {{1, "police", "Police", true, 0}};
    snapshot.actors = {{1, "Polisen", 1}, {2, "Skolan", 1}, {3, "Brå", 1}};
    snapshot.actors[0].on_grid = true, snapshot.actors[0].influence = 0.9, snapshot.actors[0].interest = 0.8;
    snapshot.actors[1].on_grid = true, snapshot.actors[1].influence = 0.2, snapshot.actors[1].interest = 0.7;
    snapshot.relations = {{1, 1, 2, "shares_information", 3, ""}};
    const auto section = report_section(snapshot, Gaps{}, kartla::untranslated);
    REQUIRE(section.blocks.size() >= 4);
    const auto& network = std::get<kartla::doc::Image>(section.blocks[0]);
    CHECK(network.alt.find("3 actors and 1 relations") != std::string::npos);
    const auto& relations = std::get<kartla::doc::Table>(section.blocks[1]);
    CHECK(relations.rows == std::vector<std::vector<std::string>>{{"Polisen", "Skolan", "shares information", "3"}});
    const auto& grid = std::get<kartla::doc::Image>(section.blocks[2]);
    CHECK(grid.alt.find("2 of 3 actors placed") != std::string::npos);
    const auto& places = std::get<kartla::doc::Table>(section.blocks[3]);
    CHECK(places.rows == std::vector<std::vector<std::string>>{{"Polisen", "90", "80", "Manage closely"},
                                                               {"Skolan", "20", "70", "Keep informed"}});
}
