// One meeting date: the workshop's date is its first meeting's date, one value
// shown in the details and in the meeting list, and files of core schema 2,
// where the two were separate fields, are migrated to it.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/database.hpp"
#include "kartla/keys.hpp"
#include "kartla/workshop.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace kartla;
namespace cd = kartla::core_data;

namespace {

void edit(Workshop& w, const std::function<void(Database&)>& change) { REQUIRE(w.edit("test", change)); }

// A file as kartla with core schema 2 wrote it (schema 3 added no tables, 4 the history, 5 rebuilt it), with `sql` run in it.
std::filesystem::path version_2_file(const test::TempDir& dir, const std::string& name, const std::string& sql) {
    auto file = dir / name;
    {
        auto created = Workshop::create(file);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    }
    Database db(file.string(), SQLITE_OPEN_READWRITE);
    db.exec(sql + "; DROP TABLE core_history; PRAGMA user_version = 2;");
    return file;
}

std::unique_ptr<Workshop> open(const std::filesystem::path& file, OpenMode mode = OpenMode::ReadWrite) {
    auto opened = Workshop::open(file, mode);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

}  // namespace

TEST_CASE("the workshop's date and its first meeting's date are one value") {
    auto w = Workshop::in_memory();
    edit(*w, [](Database& db) { cd::set_meta(db, "date", "2026-03-12"); });
    CHECK(cd::meta(w->db(), "date") == "2026-03-12");
    // The first meeting takes the date set before it existed.
    edit(*w, [](Database& db) { cd::add_meeting(db, {0, "mapping", "Kartläggningsmöte", "", "Stadshuset", ""}); });
    auto meetings = cd::meetings(w->db());
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].date == "2026-03-12");
    CHECK(w->db().scalar_int("SELECT count(*) FROM core_meta WHERE key = 'date'") == 0);  // stored once
    // Changed in the details, the meeting shows it; changed in the meeting list, the details show it.
    edit(*w, [](Database& db) { cd::set_meta(db, "date", "2026-03-19"); });
    CHECK(cd::meetings(w->db())[0].date == "2026-03-19");
    edit(*w, [&](Database& db) {
        auto m = cd::meetings(db)[0];
        m.date = "2026-04-02";
        cd::update_meeting(db, m);
    });
    CHECK(cd::meta(w->db(), "date") == "2026-04-02");
    // A follow-up meeting has its own date; the workshop's stays the first meeting's.
    edit(*w, [](Database& db) { cd::add_meeting(db, {0, "follow_up", "Uppföljning", "2026-09-15", "", ""}); });
    CHECK(cd::meta(w->db(), "date") == "2026-04-02");
    edit(*w, [](Database& db) { cd::set_meta(db, "date", "2026-04-03"); });
    CHECK(cd::meetings(w->db())[1].date == "2026-09-15");
    // Undo goes back through both places at once.
    REQUIRE(w->undo());
    CHECK(cd::meta(w->db(), "date") == "2026-04-02");
    CHECK(cd::meetings(w->db())[0].date == "2026-04-02");
}

TEST_CASE("removing the only meeting keeps the workshop's date") {
    auto w = Workshop::in_memory();
    edit(*w, [](Database& db) { cd::add_meeting(db, {0, "mapping", "Möte", "2026-05-05", "", ""}); });
    CHECK(cd::meta(w->db(), "date") == "2026-05-05");
    edit(*w, [&](Database& db) { cd::remove_meeting(db, cd::meetings(db)[0].id); });
    CHECK(cd::meta(w->db(), "date") == "2026-05-05");
}

TEST_CASE("a file of core schema 2 with two dates is migrated to one") {
    test::TempDir dir;
    // The meeting's date was empty: it takes the workshop's.
    auto empty = version_2_file(dir, "tom.kartla",
                                "INSERT INTO core_meta(key, value) VALUES ('date', '2026-03-12');"
                                "INSERT INTO core_meeting(id, kind, title, date) VALUES (1, 'mapping', 'Kartläggning', '');"
                                "INSERT INTO core_meeting(id, kind, title, date) VALUES (2, 'follow_up', 'Uppföljning', '2026-06-01')");
    // Both were set and disagree: the meeting's date (which the agenda and attendance hang on) wins.
    auto both = version_2_file(dir, "båda.kartla",
                               "INSERT INTO core_meta(key, value) VALUES ('date', '2026-03-12');"
                               "INSERT INTO core_meeting(id, kind, title, date) VALUES (1, 'mapping', 'Kartläggning', '2026-03-19')");
    // No meeting yet: the workshop's date stays where it is.
    auto none = version_2_file(dir, "inget.kartla", "INSERT INTO core_meta(key, value) VALUES ('date', '2026-03-12')");

    {
        // Read-only (kartla info, export) reads the one value without changing the file.
        auto w = open(both, OpenMode::ReadOnly);
        CHECK(w->db().scalar_int("PRAGMA user_version") == 2);
        CHECK(cd::meta(w->db(), "date") == "2026-03-19");
    }
    {
        auto w = open(empty);
        auto& db = w->db();
        CHECK(db.scalar_int("PRAGMA user_version") == kCoreSchemaVersion);
        CHECK(kCoreSchemaVersion == 5);
        CHECK(db.scalar_text("SELECT date FROM core_meeting WHERE id = 1") == "2026-03-12");
        CHECK(db.scalar_text("SELECT date FROM core_meeting WHERE id = 2") == "2026-06-01");
        CHECK(db.scalar_int("SELECT count(*) FROM core_meta WHERE key = 'date'") == 0);
        CHECK(cd::meta(db, "date") == "2026-03-12");
        CHECK_FALSE(w->can_undo());  // a migration is not a user's edit
    }
    {
        auto w = open(both);
        CHECK(w->db().scalar_text("SELECT date FROM core_meeting WHERE id = 1") == "2026-03-19");
        CHECK(w->db().scalar_int("SELECT count(*) FROM core_meta WHERE key = 'date'") == 0);
        CHECK(cd::meta(w->db(), "date") == "2026-03-19");
    }
    {
        auto w = open(none);
        CHECK(w->db().scalar_text("SELECT value FROM core_meta WHERE key = 'date'") == "2026-03-12");
        CHECK(cd::meta(w->db(), "date") == "2026-03-12");
    }
    // The migrated files are whole and open again unchanged.
    for (const auto& file : {empty, both, none}) {
        auto w = open(file);
        CHECK(w->db().scalar_text("PRAGMA integrity_check") == "ok");
    }
}

TEST_CASE("the workshop panel shows the one date in both places and marks everyone present in one tap") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    REQUIRE(shell.create_file(dir / "möte.kartla"));
    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);
    Workshop& w = *runtime.workshop();
    edit(w, [](Database& db) {
        for (const char* role : {"Trygghetssamordnare", "Kommunpolis", "Fältsekreterare"})
            cd::add_participant(db, role, "Älvstads kommun");
    });
    // A new workshop has its mapping meeting, dated today: the workshop's date.
    auto meetings = cd::meetings(w.db());
    REQUIRE(meetings.size() == 1);
    CHECK_FALSE(meetings[0].date.empty());
    CHECK(cd::meta(w.db(), "date") == meetings[0].date);
    CHECK(w.db().scalar_int("SELECT count(*) FROM core_meta WHERE key = 'date'") == 0);
    ui.frame(2);
    // The date typed in the details is the meeting's.
    ui.click_item("workshop.meta.date");
    ui.key(keys::A, true);
    ui.type("2026-12-03");
    ui.key(keys::Enter);
    ui.frame(2);
    CHECK(cd::meetings(w.db())[0].date == "2026-12-03");

    ui.click_item("workshop.attendance.0");  // unfold the list
    ui.frame(2);
    ui.click_item("workshop.attendance.0.everyone");
    ui.frame(2);
    CHECK(cd::attendees(w.db(), meetings[0].id).size() == 3);
    // One undo step for the whole room.
    REQUIRE(w.undo());
    CHECK(cd::attendees(w.db(), meetings[0].id).empty());
}
