// The workshop file: creation, reopening, migrations, and every kind of bad file.
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "must_open.hpp"
#include "temp_dir.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace kartla;
using kartla::test::read_bytes;
using kartla::test::TempDir;
using kartla::test::write_bytes;

namespace {

using test::must;

OpenError refused(OpenResult result) {
    REQUIRE(std::holds_alternative<OpenError>(result));
    return std::get<OpenError>(result);
}

std::filesystem::path make_workshop(const TempDir& dir, const std::string& title = "Kartläggning") {
    auto path = dir / "w.kartla";
    auto w = must(Workshop::create(path));
    REQUIRE(w->edit("title", [&](Database& db) { core_data::set_meta(db, "title", title); }));
    return path;
}

}  // namespace

TEST_CASE("a new workshop carries kartla's application id and the core schema version") {
    TempDir dir;
    auto path = make_workshop(dir);
    Database db(path.string(), SQLITE_OPEN_READONLY);
    CHECK(db.scalar_int("PRAGMA application_id") == kApplicationId);
    CHECK(db.scalar_int("PRAGMA user_version") == kCoreSchemaVersion);
    CHECK(db.scalar_text("PRAGMA journal_mode") == "wal");
}

TEST_CASE("Swedish text survives a reopen") {
    TempDir dir;
    const std::string title = "Trygghet på Östra Höjden: åäö ÅÄÖ é — “citat”";
    auto path = make_workshop(dir, title);
    {
        auto w = must(Workshop::open(path));
        REQUIRE(w->edit("participant", [](Database& db) { core_data::add_participant(db, "Fältsekreterare", "Socialförvaltningen"); }));
    }
    auto w = must(Workshop::open(path));
    CHECK(core_data::meta(w->db(), "title") == title);
    auto people = core_data::participants(w->db());
    REQUIRE(people.size() == 1);
    CHECK(people[0].role == "Fältsekreterare");
    CHECK(people[0].organisation == "Socialförvaltningen");
}

TEST_CASE("bad files are refused with a clear message and left byte for byte unchanged") {
    TempDir dir;
    auto sample = make_workshop(dir);
    struct Case {
        const char* name;
        std::string bytes;
        OpenProblem expected;
    };
    std::string good = read_bytes(sample);
    std::vector<Case> cases = {
        {"text file", "Det här är en anteckning, inte en workshop.\n", OpenProblem::NotSqlite},
        {"empty file", "", OpenProblem::NotWorkshop},
        {"truncated copy", good.substr(0, good.size() / 2), OpenProblem::Corrupt},
    };
    // A foreign SQLite database.
    {
        auto foreign = dir / "foreign.db";
        Database db(foreign.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    }
    cases.push_back({"foreign sqlite file", read_bytes(dir / "foreign.db"), OpenProblem::NotWorkshop});
    // A workshop from a newer kartla.
    {
        auto newer = dir / "newer.kartla";
        std::filesystem::copy_file(sample, newer);
        Database db(newer.string(), SQLITE_OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
        db.exec("PRAGMA user_version = 99");
    }
    cases.push_back({"newer version", read_bytes(dir / "newer.kartla"), OpenProblem::NewerVersion});

    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto path = dir / (std::string(c.name) + ".kartla");
        write_bytes(path, c.bytes);
        auto error = refused(Workshop::open(path));
        CHECK(error.problem == c.expected);
        CHECK(error.message.find('\n') == std::string::npos);
        CHECK(!error.message.empty());
        CHECK(read_bytes(path) == c.bytes);
        CHECK(!std::filesystem::exists(path.string() + "-wal"));
    }
}

TEST_CASE("a missing file is reported, not created") {
    TempDir dir;
    auto error = refused(Workshop::open(dir / "nope.kartla"));
    CHECK(error.problem == OpenProblem::NotFound);
    CHECK(!std::filesystem::exists(dir / "nope.kartla"));
}

TEST_CASE("a read-only file opens read-only, refuses edits and stays unchanged") {
    TempDir dir;
    auto path = make_workshop(dir);
    std::string before = read_bytes(path);
    chmod(path.c_str(), 0444);
    if (access(path.c_str(), W_OK) == 0) return;  // root ignores file modes; nothing to test here
    auto w = must(Workshop::open(path));
    CHECK(w->read_only());
    CHECK(!w->storage_note().empty());
    auto result = w->edit("x", [](Database& db) { core_data::set_meta(db, "title", "ändrad"); });
    CHECK(!result.ok);
    w.reset();
    CHECK(read_bytes(path) == before);
}

TEST_CASE("asking for read-only keeps the file unchanged even after reading everything") {
    TempDir dir;
    auto path = make_workshop(dir);
    std::string before = read_bytes(path);
    {
        auto w = must(Workshop::open(path, OpenMode::ReadOnly));
        CHECK(w->read_only());
        CHECK(core_data::meta(w->db(), "title") == "Kartläggning");
        CHECK(!w->edit("x", [](Database& db) { core_data::set_meta(db, "title", "nej"); }).ok);
    }
    CHECK(read_bytes(path) == before);
}

TEST_CASE("a second window on the same file is told it is in use, command-line readers still work") {
    TempDir dir;
    auto path = make_workshop(dir);
    auto first = must(Workshop::open(path, OpenMode::ReadWrite, true));
    auto second = refused(Workshop::open(path, OpenMode::ReadWrite, true));
    CHECK(second.problem == OpenProblem::InUse);
    CHECK(second.message.find("another kartla") != std::string::npos);
    auto reader = must(Workshop::open(path, OpenMode::ReadOnly));
    CHECK(core_data::meta(reader->db(), "title") == "Kartläggning");
    first.reset();
    CHECK(std::holds_alternative<std::unique_ptr<Workshop>>(Workshop::open(path, OpenMode::ReadWrite, true)));
}

TEST_CASE("create refuses to overwrite an existing file") {
    TempDir dir;
    auto path = dir / "exists.kartla";
    write_bytes(path, "keep me");
    auto error = refused(Workshop::create(path));
    CHECK(error.problem == OpenProblem::CannotWrite);
    CHECK(read_bytes(path) == "keep me");
}

TEST_CASE("plugin schemas migrate forward once, and a newer plugin schema is reported") {
    TempDir dir;
    auto path = make_workshop(dir);
    std::vector<std::string> v1 = {"CREATE TABLE demo_item(id INTEGER PRIMARY KEY, name TEXT)"};
    std::vector<std::string> v2 = {v1[0], "ALTER TABLE demo_item ADD COLUMN note TEXT NOT NULL DEFAULT ''"};
    // The plugin's migrations are known to the open, as the runtime passes them: its tables are verified.
    {
        auto w = must(Workshop::open(path, OpenMode::ReadWrite, false, SchemaCatalog{{{"demo", v1}}}));
        CHECK(w->migrate_plugin("demo", v1).empty());
        CHECK(w->plugin_schema_version("demo") == 1);
        REQUIRE(w->edit("add", [](Database& db) { db.run("INSERT INTO demo_item(name) VALUES ('Torget')"); }));
    }
    {
        auto w = must(Workshop::open(path, OpenMode::ReadWrite, false, SchemaCatalog{{{"demo", v2}}}));
        CHECK(w->migrate_plugin("demo", v2).empty());
        CHECK(w->plugin_schema_version("demo") == 2);
        CHECK(w->db().scalar_text("SELECT name || note FROM demo_item") == "Torget");
        // An older plugin meeting the newer tables must not touch them.
        auto problem = w->migrate_plugin("demo", v1);
        CHECK(problem.find("newer") != std::string::npos);
        CHECK(w->plugin_schema_version("demo") == 2);
    }
}

TEST_CASE("save a copy writes a complete, separate workshop") {
    TempDir dir;
    auto path = make_workshop(dir, "Original");
    auto w = must(Workshop::open(path));
    auto copy = dir / "kopia.kartla";
    REQUIRE(w->save_copy(copy));
    REQUIRE(w->edit("t", [](Database& db) { core_data::set_meta(db, "title", "Ändrad efter kopian"); }));
    auto c = must(Workshop::open(copy));
    CHECK(core_data::meta(c->db(), "title") == "Original");
    CHECK(!w->save_copy(path).ok);  // never over the open file
}
