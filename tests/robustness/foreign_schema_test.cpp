// The schema allow-list (issue 13, item 1): a workshop file holding an object
// that kartla's migrations do not create is refused by `kartla info`,
// `kartla export` and `kartla summary` (non-zero exit, the object named, the
// file byte for byte unchanged) and by the window, which can open a cleaned copy.
// Every hostile file is written straight with SQLite, as a stranger would.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "storage/schema_guard.hpp"
#include "storage/sqlite_settings.hpp"
#include "temp_dir.hpp"
#include "ui/shell.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

using namespace kartla;
namespace fs = std::filesystem;
using kartla::test::read_bytes;
using kartla::test::TempDir;

namespace {

struct Kind {
    const char* label;
    const char* sql;    // what the stranger adds
    const char* named;  // how the refusal names it
    const char* gone;   // the object the cleaned copy must lack (type|name), or a column "table.column"
};

// The attack from issue 13 comes first: on the first edit of a card it deleted every actor.
const Kind kKinds[] = {
    {"trigger", "CREATE TRIGGER evil AFTER UPDATE ON problem_map_card BEGIN DELETE FROM actor_map_actor; END;",
     "a trigger `evil` that kartla did not create", "trigger|evil"},
    {"view", "CREATE VIEW peek AS SELECT key, value FROM core_meta;", "a view `peek` that kartla did not create",
     "view|peek"},
    {"fts5 virtual table", "CREATE VIRTUAL TABLE notes_fts USING fts5(body); INSERT INTO notes_fts VALUES ('Östra');",
     "a virtual table `notes_fts` that kartla did not create", "table|notes_fts"},
    {"rtree virtual table", "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1); INSERT INTO boxes VALUES (1, 0, 1);",
     "a virtual table `boxes` that kartla did not create", "table|boxes"},
    {"unknown table", "CREATE TABLE stash(x); INSERT INTO stash VALUES ('åäö');",
     "a table `stash` that kartla did not create", "table|stash"},
    {"unknown table in a loaded plugin's namespace", "CREATE TABLE problem_map_evil(x);",
     "a table `problem_map_evil` that kartla did not create", "table|problem_map_evil"},
    {"unknown index", "CREATE INDEX core_meta_by_value ON core_meta(value);",
     "an index `core_meta_by_value` that kartla did not create", "index|core_meta_by_value"},
    {"extra column with a DEFAULT", "ALTER TABLE core_meta ADD COLUMN extra TEXT DEFAULT 'x';",
     "a table `core_meta` declared differently from kartla's", "core_meta.extra"},
    {"generated column", "ALTER TABLE core_participant ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(role)) VIRTUAL;",
     "a table `core_participant` declared differently from kartla's", "core_participant.shout"},
    {"CHECK that calls a function", "ALTER TABLE actor_map_actor ADD COLUMN audit INTEGER CHECK (abs(audit) >= 0);",
     "a table `actor_map_actor` declared differently from kartla's", "actor_map_actor.audit"},
};

struct Ran {
    int exit_code;
    std::string output;
};

Ran run(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::string sha256(const fs::path& file) { return run("sha256sum '" + file.string() + "'").output.substr(0, 64); }

// The stranger's edit: a plain SQLite connection, none of kartla's settings.
void tamper(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, error);
}

std::int64_t count(const fs::path& file, const std::string& sql) {
    Database db(sqlite_settings::read_only_uri(file), SQLITE_OPEN_READONLY);
    return db.scalar_int(sql);
}

fs::path sample(const TempDir& dir, const std::string& name) {
    auto file = dir / name;
    auto made = run(std::string(KARTLA_TEST_BINARY) + " sample '" + file.string() + "'");
    REQUIRE_MESSAGE(made.exit_code == 0, made.output);
    return file;
}

bool leaves_nothing_beside(const fs::path& file) {
    return !fs::exists(file.string() + "-wal") && !fs::exists(file.string() + "-shm") &&
           !fs::exists(file.string() + "-journal");
}

bool has_object(const fs::path& file, const std::string& gone) {
    auto bar = gone.find('|');
    Database db(sqlite_settings::read_only_uri(file), SQLITE_OPEN_READONLY);
    if (bar != std::string::npos)
        return db.scalar_int("SELECT COUNT(*) FROM sqlite_schema WHERE type = ? AND name = ?", gone.substr(0, bar),
                             gone.substr(bar + 1)) > 0;
    auto dot = gone.find('.');
    return db.scalar_int("SELECT COUNT(*) FROM pragma_table_xinfo(?) WHERE name = ?", gone.substr(0, dot),
                         gone.substr(dot + 1)) > 0;
}

// What the sample holds that a cleaned copy must still hold.
const char* const kContent[] = {
    "SELECT COUNT(*) FROM actor_map_actor",       "SELECT COUNT(*) FROM problem_map_card",
    "SELECT COUNT(*) FROM core_meta",             "SELECT COUNT(*) FROM core_participant",
    "SELECT COUNT(*) FROM action_plan_measure",   "SELECT COUNT(*) FROM core_link",
    "SELECT COUNT(*) FROM core_meeting",          "SELECT COUNT(*) FROM core_plugin_schema",
};

}  // namespace

TEST_CASE("the command line refuses a file with each kind of foreign object and leaves it unchanged") {
    TempDir dir;
    auto pristine = sample(dir, "pristine.kartla");
    for (const auto& kind : kKinds) {
        CAPTURE(kind.label);
        auto file = dir / "hostile.kartla";
        fs::remove(file);
        fs::copy_file(pristine, file);
        tamper(file, kind.sql);
        auto bytes = read_bytes(file);
        auto digest = sha256(file);
        auto out = dir / "plan.md";
        const std::string bin = KARTLA_TEST_BINARY, quoted = "'" + file.string() + "'";
        for (const std::string& command :
             {bin + " info " + quoted, bin + " export " + quoted + " --format md -o '" + out.string() + "'",
              bin + " summary " + quoted + " '" + pristine.string() + "'"}) {
            CAPTURE(command);
            auto ran = run(command);
            CHECK(ran.exit_code != 0);
            CHECK(ran.output.find(kind.named) != std::string::npos);
            CHECK(ran.output.find("it was not opened") != std::string::npos);
            CHECK(sha256(file) == digest);
            CHECK(read_bytes(file) == bytes);
            CHECK(leaves_nothing_beside(file));
            CHECK_FALSE(fs::exists(out));
        }
    }
    // And the untouched sample is read, so the refusals are not the command failing anyway.
    auto info = run(std::string(KARTLA_TEST_BINARY) + " info '" + pristine.string() + "'");
    CHECK(info.exit_code == 0);
    CHECK(info.output.find("\"status\": \"loaded\"") != std::string::npos);
}

TEST_CASE("the window refuses each kind, and its cleaned copy opens with the data and without the object") {
    TempDir dir;
    auto pristine = sample(dir, "pristine.kartla");
    for (const auto& kind : kKinds) {
        CAPTURE(kind.label);
        auto folder = dir / std::to_string(&kind - kKinds);
        fs::create_directory(folder);
        auto file = folder / "hostile.kartla";
        fs::copy_file(pristine, file);
        tamper(file, kind.sql);
        auto bytes = read_bytes(file);

        kartla::test::Headless ui;
        Runtime runtime;
        runtime.echo_messages_to_stderr = false;
        runtime.load_plugins({KARTLA_TEST_PLUGIN_DIR});
        ui::Settings settings;
        ui::Shell shell(runtime, settings);
        ui.set_ui([&] { shell.frame(); });
        CHECK_FALSE(shell.open_file(file));
        CHECK(runtime.workshop() == nullptr);
        CHECK(shell.error_dialog().find(kind.named) != std::string::npos);
        REQUIRE(shell.offers_cleaned_copy());
        ui.frame(2);
        REQUIRE(ui.has_item("core.error.cleaned_copy"));
        ui.click_item("core.error.cleaned_copy");
        ui.frame(2);

        REQUIRE(runtime.workshop() != nullptr);
        auto copy = folder / "hostile-cleaned.kartla";
        CHECK(runtime.workshop()->path() == copy);
        CHECK(shell.error_dialog().empty());
        CHECK(read_bytes(file) == bytes);  // the original is never changed
        CHECK(leaves_nothing_beside(file));
        for (const char* query : kContent) {
            CAPTURE(query);
            CHECK(runtime.workshop()->db().scalar_int(query) == count(pristine, query));
        }
        CHECK(core_data::meta(runtime.workshop()->db(), "title") == [&] {
            Database db(sqlite_settings::read_only_uri(pristine), SQLITE_OPEN_READONLY);
            return core_data::meta(db, "title");
        }());
        for (auto& plugin : runtime.plugins()) {
            CAPTURE(plugin->id);
            CHECK(plugin->workshop_problem.empty());
        }
        runtime.set_workshop(nullptr);
        CHECK_FALSE(has_object(copy, kind.gone));
        CHECK(has_object(file, kind.gone));
        // The copy opens again on its own, as the file it now is.
        CHECK(std::holds_alternative<std::unique_ptr<Workshop>>(
            Workshop::open(copy, OpenMode::ReadWrite, false, runtime.known_schema())));
    }
}

TEST_CASE("regression: the trigger from issue 13 would have deleted every actor on the first card edit") {
    TempDir dir;
    auto file = sample(dir, "attack.kartla");
    const char* attack = "CREATE TRIGGER evil AFTER UPDATE ON problem_map_card BEGIN DELETE FROM actor_map_actor; END;";
    tamper(file, attack);
    auto actors = count(file, "SELECT COUNT(*) FROM actor_map_actor");
    REQUIRE(actors > 0);

    // The fixture is a real attack: with triggers on, one card edit empties the actor map.
    auto proof = dir / "proof.kartla";
    fs::copy_file(file, proof);
    tamper(proof, "UPDATE problem_map_card SET title = title || '!' WHERE id = (SELECT MIN(id) FROM problem_map_card);");
    CHECK(count(proof, "SELECT COUNT(*) FROM actor_map_actor") == 0);

    Runtime runtime;
    runtime.echo_messages_to_stderr = false;
    runtime.load_plugins({KARTLA_TEST_PLUGIN_DIR});
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.known_schema());
    REQUIRE(std::holds_alternative<OpenError>(opened));
    CHECK(std::get<OpenError>(opened).problem == OpenProblem::ForeignSchema);
    CHECK(std::get<OpenError>(opened).message.find("trigger `evil`") != std::string::npos);
    CHECK(count(file, "SELECT COUNT(*) FROM actor_map_actor") == actors);

    // Even a connection kartla opens on such a file runs no trigger: they are off on every one.
    Database db(file.string(), SQLITE_OPEN_READWRITE);
    sqlite_settings::apply_defensive(db);
    db.exec("UPDATE problem_map_card SET title = title || '!'");
    CHECK(db.scalar_int("SELECT COUNT(*) FROM actor_map_actor") == actors);
    CHECK_THROWS_AS(db.exec("CREATE VIEW peek AS SELECT 1; SELECT * FROM peek"), SqliteError);  // views are off too
}

TEST_CASE("tables of a plugin that is not loaded open unverified: they read as NULL and are never written") {
    TempDir dir;
    auto file = sample(dir, "w.kartla");
    auto actors = count(file, "SELECT COUNT(*) FROM actor_map_actor");
    auto names = count(file, "SELECT COUNT(*) FROM actor_map_actor WHERE name <> ''");
    REQUIRE(names > 0);
    // No plugin loaded: the core alone can verify only its own tables.
    auto opened = Workshop::open(file, OpenMode::ReadWrite);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    auto& workshop = *std::get<std::unique_ptr<Workshop>>(opened);
    auto& db = workshop.db();
    CHECK(db.scalar_int("SELECT COUNT(*) FROM actor_map_actor WHERE name IS NOT NULL") == 0);
    auto removed = workshop.edit("remove actors", [](Database& d) { d.exec("DELETE FROM actor_map_actor"); });
    CHECK_FALSE(removed.ok);
    CHECK_FALSE(removed.message.empty());
    auto changed = workshop.edit("rename", [](Database& d) { d.exec("UPDATE actor_map_actor SET name = 'x'"); });
    CHECK_FALSE(changed.ok);
    // The core's own tables edit as always.
    CHECK(workshop.edit("title", [](Database& d) { core_data::set_meta(d, "title", "Östra Höjden"); }).ok);
    CHECK(core_data::meta(db, "title") == "Östra Höjden");
    std::get<std::unique_ptr<Workshop>>(opened).reset();
    CHECK(count(file, "SELECT COUNT(*) FROM actor_map_actor") == actors);
    CHECK(count(file, "SELECT COUNT(*) FROM actor_map_actor WHERE name <> ''") == names);

    // Unverified never means "anything goes": code is refused in them as anywhere.
    for (const char* sql : {"CREATE TRIGGER t AFTER INSERT ON actor_map_actor BEGIN SELECT 1; END;",
                            "CREATE VIEW actor_map_peek AS SELECT 1;",
                            "CREATE VIRTUAL TABLE actor_map_search USING fts5(body);",
                            "CREATE TABLE core_extra(x);"}) {
        CAPTURE(sql);
        auto hostile = dir / "hostile.kartla";
        fs::remove(hostile);
        fs::copy_file(file, hostile);
        tamper(hostile, sql);
        auto result = Workshop::open(hostile, OpenMode::ReadOnly);
        REQUIRE(std::holds_alternative<OpenError>(result));
        CHECK(std::get<OpenError>(result).problem == OpenProblem::ForeignSchema);
    }
}

TEST_CASE("going on in a saved copy keeps the copy's guard: unverified tables stay unreadable and unwritten") {
    TempDir dir;
    auto file = sample(dir, "w.kartla");
    auto names = count(file, "SELECT COUNT(*) FROM actor_map_actor WHERE name <> ''");
    REQUIRE(names > 0);
    auto workshop = std::move(std::get<std::unique_ptr<Workshop>>(Workshop::open(file, OpenMode::ReadWrite)));
    auto copy = dir / "kopia.kartla";
    // As Save a copy does once the open file is gone: the copy, opened as this file was, takes over.
    REQUIRE(workshop->continue_in_copy(copy));
    auto& db = workshop->db();  // every statement below asks the guard that came with the copy
    CHECK(db.scalar_int("SELECT COUNT(*) FROM actor_map_actor WHERE name IS NOT NULL") == 0);
    CHECK_FALSE(workshop->edit("rename", [](Database& d) { d.exec("UPDATE actor_map_actor SET name = 'x'"); }).ok);
    CHECK(workshop->edit("title", [](Database& d) { core_data::set_meta(d, "title", "Kopian på Åsen"); }).ok);
    workshop.reset();
    CHECK(count(copy, "SELECT COUNT(*) FROM actor_map_actor WHERE name <> ''") == names);
}

TEST_CASE("a file kartla wrote is clean, and SQL is compared without comments, case or spacing") {
    TempDir dir;
    auto file = sample(dir, "w.kartla");
    Runtime runtime;
    runtime.echo_messages_to_stderr = false;
    runtime.load_plugins({KARTLA_TEST_PLUGIN_DIR});
    Database db(sqlite_settings::read_only_uri(file), SQLITE_OPEN_READONLY);
    sqlite_settings::apply_defensive(db);
    auto report = schema_guard::inspect(db, runtime.known_schema());
    CHECK(report.clean());
    CHECK(report.missing.empty());
    CHECK(report.unverified_tables.empty());
    CHECK(report.expected.size() > 20);
    CHECK(schema_guard::normalise_sql("CREATE  TABLE x(\n  a TEXT -- why\n, /* note */ b)") ==
          schema_guard::normalise_sql("create table x( a text , b)"));
    CHECK(schema_guard::normalise_sql("CHECK (k IN ('A', 'b'))") != schema_guard::normalise_sql("CHECK (k IN ('a', 'b'))"));
}

TEST_CASE("the window's cleaned copy can go to a chosen place, and the original still opens only as refused") {
    TempDir dir;
    auto file = sample(dir, "Östra Höjden.kartla");
    tamper(file, "CREATE VIEW peek AS SELECT * FROM core_meta;");
    auto bytes = read_bytes(file);
    kartla::test::Headless ui;
    Runtime runtime;
    runtime.echo_messages_to_stderr = false;
    runtime.load_plugins({KARTLA_TEST_PLUGIN_DIR});
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    CHECK_FALSE(shell.open_file(file));
    REQUIRE(shell.offers_cleaned_copy());
    fs::create_directory(dir / "rensat");
    auto chosen = dir / "rensat" / "kopia.kartla";
    CHECK(shell.open_cleaned_copy(chosen));
    REQUIRE(runtime.workshop() != nullptr);
    CHECK(runtime.workshop()->path() == chosen);
    CHECK_FALSE(shell.offers_cleaned_copy());
    CHECK_FALSE(fs::exists(dir / "Östra Höjden-cleaned.kartla"));
    CHECK(read_bytes(file) == bytes);
    // A second attempt never overwrites: the copy's name is taken, so it says so.
    CHECK_FALSE(shell.open_file(file));
    CHECK_FALSE(shell.open_cleaned_copy(chosen));
    CHECK(shell.error_dialog().find("exists already") != std::string::npos);
    CHECK(runtime.workshop()->path() == chosen);  // the open copy stays open
}
