// The measure model, links, status log, undo and the live checks.
#include "world.hpp"

#include "../model/checks.hpp"
#include "../model/dates.hpp"
#include "../model/edits.hpp"
#include "../model/entities.hpp"
#include "../model/measure.hpp"

#include "kartla/core_data.hpp"

#include <doctest/doctest.h>

using namespace kartla::action_plan;
using namespace kartla::action_plan::test;

namespace {

std::int64_t add(World& w, const std::string& title) {
    std::int64_t id = 0;
    w.edit([&](kartla::Database& db) { id = create_measure(db, title, "2026-03-12"); });
    return id;
}

int count_of(const std::vector<Finding>& findings, CheckKind kind) {
    int n = 0;
    for (const auto& f : findings) n += f.kind == kind;
    return n;
}

}  // namespace

TEST_CASE("a measure keeps every field, its links and a dated status log") {
    World w;
    const auto id = add(w, "Belysning vid torget");
    w.edit([&](kartla::Database& db) {
        set_text(db, id, Field::Description, "Byta armaturer; röja buskage");
        set_text(db, id, Field::Prevention, "situational");
        set_text(db, id, Field::GoalType, "output");
        set_text(db, id, Field::Goal, "Klart 30 juni");
        set_text(db, id, Field::Start, "2026-04-01");
        set_text(db, id, Field::Due, "2026-06-30");
        set_text(db, id, Field::EffectTerm, "short");
        set_text(db, id, Field::Indicator, "Trygghet kvällstid");
        set_ordinary_work(db, id, true);
        set_priority(db, id, 1);
        set_light(db, id, "yellow");
        set_addresses(db, id, "problem", kDrugs, true);
        set_addresses(db, id, "cause", kDarkPlaces, true);
        set_owner(db, id, kPolice);
        set_partner(db, id, kSocial, true);
        set_partner(db, id, kHousing, true);
        set_status(db, id, "decided", "2026-03-12");
        set_status(db, id, "in_progress", "2026-04-01", "Startat");
    });
    const Plan plan = w.plan();
    REQUIRE(plan.measures.size() == 1);
    const Measure& m = plan.measures[0];
    CHECK(m.goal == "Klart 30 juni");
    CHECK(m.due == "2026-06-30");
    CHECK(m.ordinary_work);
    CHECK(m.priority == 1);
    CHECK(m.light == "yellow");
    CHECK(m.problem_ids == std::vector<std::int64_t>{kDrugs});
    CHECK(m.cause_ids == std::vector<std::int64_t>{kDarkPlaces});
    CHECK(m.owner_id == kPolice);
    CHECK(m.partner_ids == std::vector<std::int64_t>{kSocial, kHousing});
    const auto log = plan.log_of(id);
    REQUIRE(log.size() == 3);
    CHECK(log[0]->to_status == "proposed");
    CHECK(log[2]->from_status == "decided");
    CHECK(log[2]->to_status == "in_progress");
    CHECK(log[2]->date == "2026-04-01");
    CHECK(log[2]->note == "Startat");
    // The links are core links, readable by any plugin.
    CHECK(kartla::core_data::links_from(w.db(), {"measure", id}, "actor", "owner").size() == 1);
    CHECK(kartla::core_data::links_from(w.db(), {"measure", id}, "problem", "addresses").size() == 1);
}

TEST_CASE("invalid values are refused and the edit rolls back") {
    World w;
    const auto id = add(w, "X");
    CHECK_FALSE(w.workshop().edit("bad", [&](kartla::Database& db) { set_text(db, id, Field::Due, "2026-02-30"); }).ok);
    CHECK_FALSE(w.workshop().edit("bad", [&](kartla::Database& db) { set_text(db, id, Field::Prevention, "magic"); }).ok);
    CHECK_FALSE(w.workshop().edit("bad", [&](kartla::Database& db) { set_status(db, id, "finished", "2026-01-01"); }).ok);
    CHECK_FALSE(w.workshop().edit("bad", [&](kartla::Database& db) { set_light(db, id, "blue"); }).ok);
    CHECK(w.plan().measures[0].due.empty());
}

TEST_CASE("every edit is one undo step") {
    World w;
    const auto id = add(w, "Fältarbete");
    w.edit([&](kartla::Database& db) { set_owner(db, id, kSocial); });
    w.edit([&](kartla::Database& db) { set_status(db, id, "decided", "2026-03-12"); });
    REQUIRE(w.workshop().undo().ok);
    CHECK(w.plan().measures[0].status == "proposed");
    CHECK(w.plan().log_of(id).size() == 1);
    REQUIRE(w.workshop().undo().ok);
    CHECK(w.plan().measures[0].owner_id == 0);
    REQUIRE(w.workshop().redo().ok);
    CHECK(w.plan().measures[0].owner_id == kSocial);
}

TEST_CASE("deleting a measure removes its links and log and undo brings all back") {
    World w;
    const auto id = add(w, "Tas bort");
    w.edit([&](kartla::Database& db) {
        set_owner(db, id, kPolice);
        set_addresses(db, id, "problem", kDrugs, true);
    });
    w.edit([&](kartla::Database& db) { delete_measure(db, id); });
    CHECK(w.plan().measures.empty());
    CHECK(w.db().scalar_int("SELECT count(*) FROM core_link WHERE from_kind = 'measure'") == 0);
    REQUIRE(w.workshop().undo().ok);
    CHECK(w.plan().measures.size() == 1);
    CHECK(w.plan().measures[0].owner_id == kPolice);
}

TEST_CASE("links to entities of a plugin that is not loaded are shown as unavailable and kept") {
    World w;
    const auto id = add(w, "Kvar");
    w.edit([&](kartla::Database& db) {
        set_addresses(db, id, "problem", kDrugs, true);
        set_owner(db, id, kPolice);
    });
    w.publish_problems = false;
    w.publish_actors = false;
    const Plan plan = w.plan();
    CHECK_FALSE(plan.problems.available);
    CHECK(plan.measures[0].problem_ids == std::vector<std::int64_t>{kDrugs});
    CHECK(problem_label(plan, kDrugs, identity()) == "Problem #1 (unavailable)");
    CHECK(actor_label(plan, kPolice, identity()) == "Actor #101 (unavailable)");
    // An edit on another field does not touch the links.
    w.edit([&](kartla::Database& db) { set_text(db, id, Field::Goal, "Mål"); });
    w.publish_problems = w.publish_actors = true;
    CHECK(w.plan().measures[0].owner_id == kPolice);
    CHECK(w.plan().problems.find(kDrugs) != nullptr);
}

TEST_CASE("live checks: missing owner and due date, uncovered problems and causes, overdue, overloaded owner") {
    World w;
    const auto a = add(w, "Utan ägare");
    const auto b = add(w, "Försenad");
    w.edit([&](kartla::Database& db) {
        set_text(db, a, Field::Due, "2027-01-31");
        set_addresses(db, a, "cause", kDarkPlaces, true);
        set_owner(db, b, kPolice);
        set_text(db, b, Field::Due, "2026-09-30");
        set_status(db, b, "in_progress", "2026-04-01");
    });
    for (int i = 0; i < 3; ++i) {
        const auto id = add(w, "Social " + std::to_string(i));
        w.edit([&](kartla::Database& db) {
            set_owner(db, id, kSocial);
            set_text(db, id, Field::Due, "2027-03-1" + std::to_string(i));
        });
    }
    const auto findings = run_checks(w.plan(), "2026-11-24");
    CHECK(count_of(findings, CheckKind::MissingOwner) == 1);
    CHECK(count_of(findings, CheckKind::MissingDue) == 0);
    CHECK(count_of(findings, CheckKind::Overdue) == 1);
    CHECK(count_of(findings, CheckKind::OwnerOverloaded) == 1);
    // Problem 1 has a measure through its cause, but nobody responsible for it; problem 2 has
    // no measure and no owner. Its underlying cause and problem 2's cause have no measure.
    CHECK(count_of(findings, CheckKind::ProblemGap) == 2);
    auto gap_of = [](const std::vector<Finding>& all, std::int64_t problem) {
        for (const auto& f : all)
            if (f.kind == CheckKind::ProblemGap && f.entity_id == problem) return f.gap;
        return kartla::coverage::Gap::None;
    };
    CHECK(gap_of(findings, kDrugs) == kartla::coverage::Gap::MeasuresWithoutOwner);
    CHECK(gap_of(findings, kRecruitment) == kartla::coverage::Gap::NoOwnerNoMeasure);
    CHECK(count_of(findings, CheckKind::UncoveredCause) == 2);
    // An owner for the measure aimed at the cause covers problem 1.
    w.edit([&](kartla::Database& db) { set_owner(db, a, kHousing); });
    CHECK(gap_of(run_checks(w.plan(), "2026-11-24"), kDrugs) == kartla::coverage::Gap::None);
    w.edit([&](kartla::Database& db) { set_owner(db, a, 0); });
    const Plan plan = w.plan();
    for (const auto& f : findings)
        CHECK_FALSE(finding_text(f, plan, identity()).empty());
    // The overloaded owner shows on each of the three measures.
    int flagged = 0;
    for (const auto& m : plan.measures)
        for (const Finding* f : findings_for_measure(findings, m)) flagged += f->kind == CheckKind::OwnerOverloaded;
    CHECK(flagged == 3);
    // Done measures are not overdue.
    w.edit([&](kartla::Database& db) { set_status(db, b, "done", "2026-11-01"); });
    CHECK(count_of(run_checks(w.plan(), "2026-11-24"), CheckKind::Overdue) == 0);
}

TEST_CASE("the measure entity carries the agreed attributes") {
    World w;
    const auto id = add(w, "Publicerad");
    w.edit([&](kartla::Database& db) {
        set_owner(db, id, kHousing);
        set_text(db, id, Field::Due, "2026-12-31");
        set_light(db, id, "green");
        set_text(db, id, Field::Goal, "Halverad otrygghet");
        set_text(db, id, Field::Indicator, "Andel otrygga (trygghetsmätningen)");
        set_text(db, id, Field::Baseline, "58 %");
        set_status(db, id, "decided", "2026-03-12");
        set_status(db, id, "paused", "2026-08-01", "Finansiering omprövas");
    });
    const auto entities = measure_entities(w.workshop());
    REQUIRE(entities.size() == 1);
    CHECK(entities[0].kind == "measure");
    CHECK(entities[0].label == "Publicerad");
    CHECK(entities[0].attribute("owner_actor_id") == std::to_string(kHousing));
    CHECK(entities[0].attribute("due") == "2026-12-31");
    CHECK(entities[0].attribute("light") == "green");
    CHECK(entities[0].attribute("status") == "paused");
    CHECK(entities[0].attribute("status_label") == "Paused");
    CHECK(entities[0].attribute("goal") == "Halverad otrygghet");
    CHECK(entities[0].attribute("indicator") == "Andel otrygga (trygghetsmätningen)");
    CHECK(entities[0].attribute("baseline") == "58 %");
    // The first line is the creation of the measure.
    CHECK(entities[0].attribute("status_log") ==
          "2026-03-12 proposed\n2026-03-12 decided\n2026-08-01 paused: Finansiering omprövas");
}

TEST_CASE("dates") {
    CHECK(dates::is_valid("2024-02-29"));
    CHECK_FALSE(dates::is_valid("2026-02-29"));
    CHECK_FALSE(dates::is_valid("2026-1-01"));
    CHECK(dates::from_day_number(*dates::day_number("2026-03-12")) == "2026-03-12");
    CHECK(*dates::day_number("1970-01-01") == 0);
    CHECK(dates::compact("2026-05-31") == "20260531");
    CHECK(dates::month_of("2026-05-31") == "2026-05");
}

// Issue 23: two problems sharing first place showed as "1." and "1.", which reads
// as a numbering gone wrong. A shared place says so; an own place stays "2.".
TEST_CASE("a shared rank reads as shared, an own rank as a place") {
    Plan plan;
    plan.problems.available = true;
    plan.problems.items = {
        {"problem", 1, "Langning vid torget", {{"prioritised", "1"}, {"rank", "1"}}},
        {"problem", 2, "Otrygghet vid stationen", {{"prioritised", "1"}, {"rank", "1"}}},
        {"problem", 3, "Klotter i tunneln", {{"prioritised", "1"}, {"rank", "3"}}},
        {"problem", 4, "Nedskräpning", {{"prioritised", "1"}}},
        {"problem", 5, "Ej prioriterat med samma rang", {{"prioritised", "0"}, {"rank", "3"}}},
    };
    const kartla::Translate swedish = [](const char* msgid) {
        return std::string(msgid) == "Shared place {} ·" ? "Delad plats {} ·" : msgid;
    };
    CHECK(rank_prefix(plan, plan.problems.items[0], swedish) == "Delad plats 1 ·");
    CHECK(rank_prefix(plan, plan.problems.items[1], swedish) == "Delad plats 1 ·");
    CHECK(rank_prefix(plan, plan.problems.items[2], swedish) == "3.");  // only prioritised problems share
    CHECK(rank_prefix(plan, plan.problems.items[3], swedish).empty());
}
