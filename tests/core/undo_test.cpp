// Undo and redo through SQLite sessions: generic, no inverse code anywhere.
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kartla;

namespace {
std::string dump(Database& db) {
    std::string out;
    for (const char* sql : {"SELECT key || '=' || value FROM core_meta ORDER BY key",
                            "SELECT id || ':' || role || '/' || organisation FROM core_participant ORDER BY id",
                            "SELECT id || ':' || title || '@' || date FROM core_meeting ORDER BY id",
                            "SELECT meeting_id || '-' || participant_id FROM core_attendance ORDER BY 1"}) {
        auto& s = db.prepare(sql).with();
        while (s.step()) out += s.text(0) + "\n";
        out += "--\n";
    }
    return out;
}
}  // namespace

TEST_CASE("undo and redo restore each edit exactly, with labels") {
    auto w = Workshop::in_memory();
    std::string empty = dump(w->db());
    REQUIRE(w->edit("Add participant", [](Database& db) { core_data::add_participant(db, "Kommunpolis", "Polisen"); }));
    std::string one = dump(w->db());
    REQUIRE(w->edit("Rename", [](Database& db) {
        db.run("UPDATE core_participant SET organisation = 'Polisen, lokalpolisområde Älvstad'");
    }));
    std::string two = dump(w->db());
    CHECK(w->undo_label() == "Rename");
    REQUIRE(w->undo());
    CHECK(dump(w->db()) == one);
    REQUIRE(w->undo());
    CHECK(dump(w->db()) == empty);
    CHECK(!w->can_undo());
    REQUIRE(w->redo());
    REQUIRE(w->redo());
    CHECK(dump(w->db()) == two);
    CHECK(!w->can_redo());
}

TEST_CASE("a new edit clears redo, an edit that changes nothing is no undo step") {
    auto w = Workshop::in_memory();
    REQUIRE(w->edit("a", [](Database& db) { core_data::set_meta(db, "title", "A"); }));
    REQUIRE(w->undo());
    CHECK(w->can_redo());
    REQUIRE(w->edit("b", [](Database& db) { core_data::set_meta(db, "title", "B"); }));
    CHECK(!w->can_redo());
    auto before = w->revision();
    REQUIRE(w->edit("nothing", [](Database&) {}));
    CHECK(w->undo_label() == "b");
    CHECK(w->revision() == before);
}

TEST_CASE("a failing edit rolls back completely and is reported, not thrown") {
    auto w = Workshop::in_memory();
    REQUIRE(w->edit("a", [](Database& db) { core_data::add_participant(db, "Rektor", "Skolan"); }));
    std::string before = dump(w->db());
    auto result = w->edit("half", [](Database& db) {
        core_data::add_participant(db, "Fältsekreterare", "Socialtjänsten");
        db.run("INSERT INTO core_meeting(kind) VALUES ('not a kind')");  // violates the CHECK
    });
    CHECK(!result.ok);
    CHECK(!result.message.empty());
    CHECK(dump(w->db()) == before);
    CHECK(w->undo_label() == "a");
}

TEST_CASE("undo brings back rows removed by a cascade") {
    auto w = Workshop::in_memory();
    std::int64_t meeting = 0;
    REQUIRE(w->edit("setup", [&](Database& db) {
        auto p = core_data::add_participant(db, "Insatsledare", "Räddningstjänsten");
        meeting = core_data::add_meeting(db, {0, "mapping", "Möte", "2026-03-12", "", ""});
        db.run("INSERT INTO core_attendance(meeting_id, participant_id) VALUES (?, ?)", meeting, p);
    }));
    std::string before = dump(w->db());
    REQUIRE(w->edit("remove meeting", [&](Database& db) { core_data::remove_meeting(db, meeting); }));
    CHECK(w->db().scalar_int("SELECT COUNT(*) FROM core_attendance") == 0);
    REQUIRE(w->undo());
    CHECK(dump(w->db()) == before);
}

TEST_CASE("every change moves the revision and revisions differ between workshops") {
    auto a = Workshop::in_memory();
    auto b = Workshop::in_memory();
    CHECK(a->revision() != b->revision());
    std::set<std::uint64_t> seen{a->revision()};
    REQUIRE(a->edit("x", [](Database& db) { core_data::set_meta(db, "place", "Åsen"); }));
    seen.insert(a->revision());
    REQUIRE(a->undo());
    seen.insert(a->revision());
    REQUIRE(a->redo());
    seen.insert(a->revision());
    CHECK(seen.size() == 4);
}

TEST_CASE("changes_since names the rows each edit, undo and redo touched, and nothing it no longer knows") {
    auto w = Workshop::in_memory();
    const auto start = w->revision();
    CHECK(w->changes_since(start)->empty());
    REQUIRE(w->edit("Add participant", [](Database& db) { core_data::add_participant(db, "Kommunpolis", "Polisen"); }));
    const std::int64_t id = w->db().scalar_int("SELECT max(id) FROM core_participant");
    const auto added = w->revision();
    auto rows = w->changes_since(start);
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().table == "core_participant");
    CHECK(rows->front().integer_key);
    CHECK(rows->front().key == id);
    // Undo and redo touch the same row; asked from before the edit, all three are named.
    REQUIRE(w->undo());
    REQUIRE(w->redo());
    rows = w->changes_since(start);
    REQUIRE(rows);
    CHECK(rows->size() == 3);
    CHECK(w->changes_since(added)->size() == 2);
    // A revision of another workshop, or one too many steps ago, is not known: read everything again.
    CHECK_FALSE(w->changes_since(Workshop::in_memory()->revision()));
    // Nor are rows written by something other than an edit (a tool's raw SQL on the connection).
    const auto before_write = w->revision();
    w->db().run("UPDATE core_participant SET role = 'Rektor'");
    CHECK_FALSE(w->changes_since(start));
    CHECK_FALSE(w->changes_since(added));
    // Not even after an edit since: the rows it names are not all that changed.
    REQUIRE(w->edit("Rename", [](Database& db) { db.run("UPDATE core_participant SET organisation = 'Skolan'"); }));
    CHECK_FALSE(w->changes_since(before_write));
    CHECK(w->changes_since(w->revision())->empty());
    for (int i = 0; i < 70; ++i)
        REQUIRE(w->edit("Rename", [i](Database& db) {
            db.run("UPDATE core_participant SET organisation = ?", "Polisen " + std::to_string(i));
        }));
    CHECK_FALSE(w->changes_since(start));
}
