// Follow-up meetings: records per meeting, snapshots, "since the last meeting", undo.
#include "../model/change_text.hpp"
#include "../model/edits.hpp"
#include "../model/follow_up.hpp"
#include "../model/indicator.hpp"
#include "../model/report_section.hpp"
#include "../model/schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kartla::follow_up;
namespace cd = kartla::core_data;

namespace {

// The published world, changed between meetings as the other plugins would change it.
struct World {
    std::vector<Entity> entities{
        {"problem", 1, "Öppen narkotikahandel vid torget", {{"prioritised", "1"}, {"rank", "1"}}},
        {"actor", 7, "Polisen", {{"type", "authority"}}},
        {"measure", 20, "Riktade polisinsatser", {{"status", "in_progress"}, {"light", "yellow"}, {"due", "2026-09-30"}}},
        {"measure", 21, "Trygghetsvärdar", {{"status", "decided"}, {"light", "green"}, {"due", "2027-01-31"}}}};
    kartla::EntitySource source() {
        return [this](std::string_view kind, bool*) {
            std::vector<Entity> out;
            for (const auto& e : entities)
                if (e.kind == kind) out.push_back(e);
            return out;
        };
    }
    Entity& find(const std::string& kind, std::int64_t id) {
        return *std::find_if(entities.begin(), entities.end(), [&](auto& e) { return e.kind == kind && e.id == id; });
    }
};

std::unique_ptr<kartla::Workshop> workshop() {
    auto w = kartla::Workshop::in_memory();
    REQUIRE(w->migrate_plugin("follow_up", migrations()).empty());
    return w;
}

std::int64_t start(kartla::Workshop& w, World& world, const std::string& date) {
    std::int64_t id = 0;
    REQUIRE(w.edit("Start follow-up meeting", [&](Database& db) {
        id = start_meeting(db, {0, "mapping", "Uppföljning", date, "Stadshuset", ""}, world.source());
    }));
    return id;
}

void save(kartla::Workshop& w, const Record& r) { REQUIRE(w.edit("Record", [&](Database& db) { save_record(db, r); })); }

}  // namespace

TEST_CASE("a follow-up meeting is a core meeting of kind follow_up with a snapshot of what is published") {
    auto w = workshop();
    World world;
    const auto id = start(*w, world, "2026-10-08");
    auto meetings = cd::meetings(w->db());
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].id == id);
    CHECK(meetings[0].kind == "follow_up");  // whatever kind the caller passed
    CHECK(follow_up_meetings(w->db()).size() == 1);
    auto snap = snapshot(w->db(), id);
    REQUIRE(snap.size() == 4);
    CHECK(snap[2].label == "Riktade polisinsatser");
    CHECK(snap[2].attribute("light") == "yellow");
    CHECK(diff(snap, published_now(world.source())).empty());
}

TEST_CASE("records are stored with their meeting, the earlier meeting stays unchanged, undo works") {
    auto w = workshop();
    World world;
    const auto first = start(*w, world, "2026-10-08");
    Record r1{first, 20, "in_progress", "red", "Försenad", "41 anmälda brott", "2026-09-30", "Polisens statistik",
              "change", "Ny slutdag"};
    save(*w, r1);
    CHECK(record(w->db(), first, 20) == r1);

    const auto second = start(*w, world, "2027-02-10");
    CHECK(previous_meeting(w->db(), second) == first);
    CHECK_FALSE(previous_meeting(w->db(), first).has_value());
    Record r2{second, 20, "done", "green", "Klart", "22 anmälda brott", "2027-01-31", "Polisens statistik", "stop", ""};
    save(*w, r2);
    CHECK(record(w->db(), first, 20) == r1);  // the earlier meeting is untouched
    CHECK(record(w->db(), second, 20) == r2);
    CHECK(records(w->db(), first).size() == 1);
    auto h = history(w->db(), 20);
    REQUIRE(h.size() == 2);
    CHECK(h[0] == r1);
    CHECK(h[1] == r2);

    // Saving again replaces the record of that meeting (one row per meeting and measure).
    Record r2b = r2;
    r2b.decision_note = "Avslutas";
    save(*w, r2b);
    CHECK(records(w->db(), second).size() == 1);
    CHECK(record(w->db(), second, 20)->decision_note == "Avslutas");

    // Undo step by step: the note, the record, the second meeting with its snapshot.
    REQUIRE(w->undo());
    CHECK(record(w->db(), second, 20) == r2);
    REQUIRE(w->undo());
    CHECK_FALSE(record(w->db(), second, 20).has_value());
    REQUIRE(w->undo());
    CHECK(follow_up_meetings(w->db()).size() == 1);
    CHECK(snapshot(w->db(), second).empty());
    CHECK(record(w->db(), first, 20) == r1);
    REQUIRE(w->redo());
    CHECK(follow_up_meetings(w->db()).size() == 2);
    CHECK(snapshot(w->db(), second).size() == 4);
}

TEST_CASE("since the last meeting lists exactly the changes to problems, actors and measures") {
    auto w = workshop();
    World world;
    const auto first = start(*w, world, "2026-10-08");
    // Between the meetings: a measure changes status and light, an actor is renamed,
    // a problem is added, a measure is removed.
    world.find("measure", 20).attributes["status"] = "done";
    world.find("measure", 20).attributes["light"] = "green";
    world.find("actor", 7).label = "Polisen, lokalpolisområde Älvstad";
    world.entities.push_back({"problem", 2, "Klotter i gångtunneln", {{"prioritised", "0"}}});
    world.entities.erase(std::remove_if(world.entities.begin(), world.entities.end(),
                                        [](auto& e) { return e.kind == "measure" && e.id == 21; }),
                         world.entities.end());
    const auto second = start(*w, world, "2027-02-10");
    auto changes = diff(snapshot(w->db(), first), snapshot(w->db(), second));
    REQUIRE(changes.size() == 4);
    auto find = [&](const std::string& kind, std::int64_t id) -> const Change& {
        auto it = std::find_if(changes.begin(), changes.end(), [&](auto& c) { return c.kind == kind && c.id == id; });
        REQUIRE(it != changes.end());
        return *it;
    };
    CHECK(find("measure", 20).type == Change::Type::Changed);
    CHECK(find("measure", 20).changed_keys == std::vector<std::string>{"light", "status"});
    CHECK(find("measure", 20).old_values == std::vector<std::string>{"yellow", "in_progress"});
    CHECK(find("measure", 20).new_values == std::vector<std::string>{"green", "done"});
    CHECK(find("actor", 7).type == Change::Type::Changed);
    CHECK(find("actor", 7).old_label == "Polisen");
    CHECK(find("actor", 7).changed_keys.empty());
    CHECK(find("problem", 2).type == Change::Type::Added);
    CHECK(find("measure", 21).type == Change::Type::Removed);
    CHECK(find("measure", 21).label == "Trygghetsvärdar");
    // Nothing changed since the second meeting started.
    CHECK(diff(snapshot(w->db(), second), published_now(world.source())).empty());
}

TEST_CASE("bad values are refused and leave nothing behind") {
    auto w = workshop();
    World world;
    const auto id = start(*w, world, "2026-10-08");
    auto refused = [&](Record r) { return !w->edit("Record", [&](Database& db) { save_record(db, r); }); };
    CHECK(refused({id, 20, "", "purple"}));
    CHECK(refused({id, 20, "finished"}));
    CHECK(refused({id, 20, "", "", "", "", "30/9 2026"}));
    CHECK(refused({id, 20, "", "", "", "", "", "", "maybe"}));
    CHECK(refused({id + 99, 20, "done"}));  // no such follow-up meeting
    std::int64_t mapping = 0;
    REQUIRE(w->edit("mapping", [&](Database& db) { mapping = cd::add_meeting(db, {0, "mapping", "Kartläggning", "2026-03-12"}); }));
    CHECK(refused({mapping, 20, "done"}));  // a mapping meeting has no follow-up records
    CHECK(records(w->db(), id).empty());
}

TEST_CASE("the walk starts with overdue measures, then red, then yellow, closed measures last") {
    std::vector<Entity> measures{
        {"measure", 1, "klar", {{"status", "done"}, {"light", "red"}, {"due", "2026-01-01"}}},
        {"measure", 2, "grön", {{"status", "in_progress"}, {"light", "green"}, {"due", "2027-01-01"}}},
        {"measure", 3, "gul", {{"status", "in_progress"}, {"light", "yellow"}, {"due", "2027-01-01"}}},
        {"measure", 4, "röd", {{"status", "decided"}, {"light", "red"}, {"due", "2027-05-01"}}},
        {"measure", 5, "försenad grön", {{"status", "in_progress"}, {"light", "green"}, {"due", "2026-09-30"}}},
        {"measure", 6, "försenad tidigare", {{"status", "decided"}, {"light", ""}, {"due", "2026-06-30"}}},
        {"measure", 7, "utan datum", {{"status", "proposed"}}}};
    std::vector<std::string> order;
    for (const auto& m : walk_order(measures, "2026-11-01")) order.push_back(m.label);
    CHECK(order == std::vector<std::string>{"försenad tidigare", "försenad grön", "röd", "gul", "grön", "utan datum", "klar"});
}

TEST_CASE("a kind published twice with clashing ids still gives a snapshot (first one kept)") {
    auto w = workshop();
    World world;
    world.entities.push_back({"measure", 20, "Samma id från ett annat tillägg", {}});
    const auto id = start(*w, world, "2026-10-08");
    auto snap = snapshot(w->db(), id);
    CHECK(snap.size() == 4);
    CHECK(std::count_if(snap.begin(), snap.end(), [](auto& e) { return e.label == "Riktade polisinsatser"; }) == 1);
}

namespace {

template <typename T>
std::vector<T> blocks_of(const kartla::doc::Section& s) {
    std::vector<T> out;
    for (const auto& b : s.blocks)
        if (auto* x = std::get_if<T>(&b)) out.push_back(*x);
    return out;
}

}  // namespace

TEST_CASE("the report's follow-up part lists exactly the changes made between two meetings, a chart per indicator and the records") {
    auto w = workshop();
    World world;
    auto& police = world.find("measure", 20);
    police.attributes.insert({{"status_label", "In progress"}, {"light_label", "Yellow"},
                              {"indicator", "Anmälda narkotikabrott"}, {"baseline", "112 anmälningar (2025)"}});
    const auto spring = start(*w, world, "2026-06-11");
    save(*w, {spring, 20, "in_progress", "yellow", "", "58 anmälda", "2026-05-31", "Polisen", "continue", ""});

    // Between the meetings: the action plan changes the status, the light and the indicator's wording.
    police.attributes["status"] = "done";
    police.attributes["status_label"] = "Done";
    police.attributes["light"] = "red";
    police.attributes["light_label"] = "Red";
    police.attributes["indicator"] = "Anmälda narkotikabrott vid torget";
    const auto autumn = start(*w, world, "2026-10-08");
    save(*w, {autumn, 20, "done", "red", "Slutförd men sent", "41 anmälda", "2026-09-30", "Polisen", "stop", "Avslutas"});

    const auto section = report_section(w->db(), world.source(), kartla::untranslated);
    CHECK(section.title == "Follow-up");
    const auto facts = blocks_of<kartla::doc::Facts>(section);
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].items[0].second == "2026-10-08 Uppföljning");
    CHECK(facts[0].items[1].second == "2026-06-11 Uppföljning");

    const auto tables = blocks_of<kartla::doc::Table>(section);
    REQUIRE(tables.size() == 2);
    REQUIRE(tables[0].rows.size() == 1);  // exactly the one measure that changed
    CHECK(tables[0].rows[0] == std::vector<std::string>{"Measures", "Changed", "Riktade polisinsatser",
                                                        "Indicator: Anmälda narkotikabrott → Anmälda narkotikabrott vid torget; "
                                                        "Light: Yellow → Red; Status: In progress → Done"});
    const auto charts = blocks_of<kartla::doc::Chart>(section);
    REQUIRE(charts.size() == 1);  // the other measure has no values
    CHECK(charts[0].title == "Riktade polisinsatser — Anmälda narkotikabrott vid torget");
    REQUIRE(charts[0].points.size() == 2);
    CHECK(charts[0].points[0].date == "2026-05-31");
    CHECK(charts[0].points[0].value == 58);
    CHECK(charts[0].points[1].value == 41);
    CHECK(charts[0].has_baseline);
    CHECK(charts[0].baseline == 112);
    CHECK(charts[0].baseline_label == "Baseline: 112 anmälningar (2025)");
    REQUIRE(tables[1].rows.size() == 1);  // the latest meeting's record
    CHECK(tables[1].rows[0] == std::vector<std::string>{"Riktade polisinsatser", "Done", "Red: Slutförd men sent",
                                                        "41 anmälda (2026-09-30)", "Stop: Avslutas"});
}

TEST_CASE("without follow-up meetings the report's follow-up part says so") {
    auto w = workshop();
    World world;
    const auto section = report_section(w->db(), world.source(), kartla::untranslated);
    REQUIRE(section.blocks.size() == 1);
    CHECK(std::get<kartla::doc::Paragraph>(section.blocks[0]).text == "No follow-up meeting yet.");
}

TEST_CASE("an indicator value is read as the number it starts with") {
    CHECK(leading_number("41 anmälda narkotikabrott") == 41);
    CHECK(leading_number("38 % otrygga") == 38);
    CHECK(leading_number("4,5 timmar") == 4.5);
    CHECK(leading_number(" 0.25") == 0.25);
    CHECK(leading_number("−3 jämfört med i fjol") == -3);
    CHECK(leading_number("7, 8 och 9") == 7);
    CHECK_FALSE(leading_number("Ingen mätning"));
    CHECK_FALSE(leading_number(""));
}

TEST_CASE("the action plan's published status log is read line by line") {
    const auto log = status_log("2026-03-12 decided\n2026-08-01 paused: Finansiering omprövas: till hösten");
    REQUIRE(log.size() == 2);
    CHECK(log[0].date == "2026-03-12");
    CHECK(log[0].status == "decided");
    CHECK(log[0].note.empty());
    CHECK(log[1].status == "paused");
    CHECK(log[1].note == "Finansiering omprövas: till hösten");
    CHECK(status_log("").empty());
}

TEST_CASE("a change of owner names both actors, read through a filtered source that is asked for those two only") {
    Change moved{Change::Type::Changed, "measure", 9, "Belysning vid torget", "", {"owner_actor_id"}, {"3"}, {"4"}};
    std::vector<std::int64_t> asked;
    const kartla::EntitySelect select = [&](std::string_view kind, const kartla::EntityFilter& filter, bool* available) {
        if (available) *available = true;
        std::vector<kartla::Entity> out;
        if (kind != "actor") return out;
        asked.insert(asked.end(), filter.ids.begin(), filter.ids.end());
        for (std::int64_t id = 1; id <= 50; ++id)  // the actor map: 50 actors, two of them named by the change
            if (filter.matches({"actor", id, "Aktör " + std::to_string(id), {}}))
                out.push_back({"actor", id, id == 3 ? "Socialförvaltningen" : id == 4 ? "Älvstadshem AB" : "Annan", {}});
        return out;
    };
    const LabelIndex labels = label_index({moved}, select);
    CHECK(asked == std::vector<std::int64_t>{3, 4});
    CHECK(labels.size() == 2);
    CHECK(change_details(moved, labels, kartla::untranslated) == "Responsible: Socialförvaltningen → Älvstadshem AB");
}
