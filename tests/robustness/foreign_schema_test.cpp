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
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sys/wait.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
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

// The window as a user starts it, with the built plugins loaded.
struct Window {
    kartla::test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    std::unique_ptr<ui::Shell> shell;
    Window() {
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
        shell = std::make_unique<ui::Shell>(runtime, settings);
        ui.set_ui([this] { shell->frame(); });
    }
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

        Window window;
        auto& ui = window.ui;
        auto& runtime = window.runtime;
        auto& shell = *window.shell;
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
            Workshop::open(copy, OpenMode::ReadWrite, false, runtime.plugins().known_schema())));
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
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    auto opened = Workshop::open(file, OpenMode::ReadWrite, true, runtime.plugins().known_schema());
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
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    Database db(sqlite_settings::read_only_uri(file), SQLITE_OPEN_READONLY);
    sqlite_settings::apply_defensive(db);
    auto report = schema_guard::inspect(db, runtime.plugins().known_schema());
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
    Window window;
    auto& runtime = window.runtime;
    auto& shell = *window.shell;
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

// --- Trust, exactly right (issue 22, item 4): what opens although kartla did not create it.

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// A table's rows and declaration as the sqlite3 program dumps them (indexes included).
std::string dump(const fs::path& file, const std::string& table) {
    auto ran = run("sqlite3 -readonly " + quoted(file) + " '.dump " + table + "'");
    REQUIRE_MESSAGE(ran.exit_code == 0, ran.output);
    return ran.output;
}

// A part made with "radar", a plugin this kartla has never seen, written with the sqlite3 program as
// that plugin would have: its tables and an index under its prefix, and its row in core_plugin_schema.
void add_radar_part(const TempDir& dir, const fs::path& file, const std::string& extra = {}) {
    auto sql = dir / "radar.sql";
    std::ofstream(sql) << "CREATE TABLE radar_point(id INTEGER PRIMARY KEY, label TEXT NOT NULL DEFAULT '',"
                          " weight REAL CHECK (weight >= 0), seen TEXT DEFAULT (date('now')));\n"
                          "CREATE INDEX radar_point_by_label ON radar_point(label);\n"
                          "CREATE TABLE radar_note(point_id INTEGER NOT NULL REFERENCES radar_point(id), body TEXT);\n"
                          "INSERT INTO radar_point(label, weight, seen) VALUES ('Otrygghet vid Åsens torg', 2.5, '2026-11-03'),"
                          " ('Belysning – gångvägen', 0, NULL);\n"
                          "INSERT INTO radar_note VALUES (1, 'Föreningen på Östra Höjden såg det först');\n"
                          "INSERT INTO core_plugin_schema(plugin_id, version) VALUES ('radar', 3);\n"
                       << extra;
    auto ran = run("sqlite3 " + quoted(file) + " < " + quoted(sql));
    REQUIRE_MESSAGE(ran.exit_code == 0, ran.output);
}

const char* const kRadarNotice =
    "This workshop has a part made with radar, which is not installed here; it is kept unchanged.";

// Runs of white space as one space: a PDF's text breaks lines where the page does.
std::string squeezed(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = std::isspace(static_cast<unsigned char>(c));
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

}  // namespace

TEST_CASE("SQLite's own statistics (ANALYZE with the sqlite3 program) open everywhere, and declared otherwise they are foreign") {
    TempDir dir;
    auto file = sample(dir, "Östra Höjden.kartla");
    auto analyzed = run("sqlite3 " + quoted(file) + " ANALYZE");
    REQUIRE_MESSAGE(analyzed.exit_code == 0, analyzed.output);
    REQUIRE(count(file, "SELECT COUNT(*) FROM sqlite_stat1") > 0);
    auto digest = sha256(file);
    const std::string bin = KARTLA_TEST_BINARY;
    auto info = run(bin + " info " + quoted(file));
    CHECK_MESSAGE(info.exit_code == 0, info.output);
    CHECK(info.output.find("\"status\": \"loaded\"") != std::string::npos);
    auto plan = dir / "plan.md";
    CHECK(run(bin + " export " + quoted(file) + " --format md -o " + quoted(plan)).exit_code == 0);
    CHECK(sha256(file) == digest);  // accepted as it is, not dropped: a read changes nothing

    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    auto opened = Workshop::open(file, OpenMode::ReadWrite, false, runtime.plugins().known_schema());
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    auto& workshop = *std::get<std::unique_ptr<Workshop>>(opened);
    CHECK(workshop.edit("title", [](Database& d) { core_data::set_meta(d, "title", "Åsen efter ANALYZE"); }).ok);
    std::get<std::unique_ptr<Workshop>>(opened).reset();
    CHECK(count(file, "SELECT COUNT(*) FROM sqlite_stat1") > 0);

    // The name alone is not SQLite's: a sqlite_stat1 that SQLite would never declare is refused.
    tamper(file, "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
                 "'CREATE TABLE sqlite_stat1(tbl,idx,stat CHECK (abs(stat) >= 0))' WHERE name = 'sqlite_stat1';");
    auto refused = run(bin + " info " + quoted(file));
    CHECK(refused.exit_code != 0);
    CHECK(refused.output.find("a table `sqlite_stat1` that kartla did not create") != std::string::npos);
}

TEST_CASE("a part made with a plugin that is not installed is named in info and every export, and kept byte for byte") {
    TempDir dir;
    auto file = sample(dir, "Östra Höjden.kartla");
    add_radar_part(dir, file);
    const auto points = dump(file, "radar_point"), notes = dump(file, "radar_note");
    REQUIRE(points.find("Otrygghet vid Åsens torg") != std::string::npos);
    const std::string bin = KARTLA_TEST_BINARY;

    auto printed = dir / "info.json";
    auto info = run(bin + " info " + quoted(file) + " > " + quoted(printed));
    REQUIRE_MESSAGE(info.exit_code == 0, info.output);
    auto json = nlohmann::json::parse(read_bytes(printed));
    CHECK(json["missing_plugins"] == nlohmann::json::array({"radar"}));
    for (const auto& plugin : json["plugins"]) CHECK(plugin["status"] == "loaded");

    // Every export says so at its top, in the language asked for.
    struct Case {
        const char* format;
        const char* language;
        const char* expected;
    };
    const Case cases[] = {
        {"md", "en", kRadarNotice},
        {"md", "sv", "Den här workshopen har en del gjord med radar, som inte är installerat här; den behålls oförändrad."},
        {"html", "en", kRadarNotice},
        {"report-html", "en", kRadarNotice},
        {"report-pdf", "en", kRadarNotice},
        {"report-pdf", "sv", "Den här workshopen har en del gjord med radar, som inte är installerat här; den behålls oförändrad."},
        {"meeting-md", "en", kRadarNotice},
        {"xlsx", "en", kRadarNotice},
        {"ics", "en", kRadarNotice},
    };
    // The text a reader of each format sees.
    auto readable = [](const std::string& format, const fs::path& out) {
        if (format == "report-pdf") return run("pdftotext -enc UTF-8 " + quoted(out) + " -").output;
        if (format == "xlsx") return run("unzip -p " + quoted(out) + " xl/sharedStrings.xml").output;
        std::string text = read_bytes(out);
        if (format != "ics") return text;
        std::string unfolded;  // RFC 5545: lines folded with CRLF and a space, ',' and ';' escaped
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text.compare(i, 3, "\r\n ") == 0) i += 2;
            else if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == ',' || text[i + 1] == ';')) continue;
            else unfolded += text[i];
        }
        return unfolded;
    };
    for (const auto& c : cases) {
        CAPTURE(c.format);
        CAPTURE(c.language);
        auto out = dir / fmt::format("export-{}-{}", c.format, c.language);
        auto ran = run(bin + " export " + quoted(file) + " --format " + c.format + " --lang " + c.language + " -o " + quoted(out));
        REQUIRE_MESSAGE(ran.exit_code == 0, ran.output);
        CHECK(ran.output.find(std::string("kartla: ") + c.expected) != std::string::npos);  // and on stderr
        CHECK(squeezed(readable(c.format, out)).find(c.expected) != std::string::npos);
    }
    CHECK(dump(file, "radar_point") == points);
    CHECK(dump(file, "radar_note") == notes);
}

TEST_CASE("the window names a part whose plugin is not installed, and edits, undo, a copy and quitting leave it unchanged") {
    TempDir dir;
    auto file = sample(dir, "Östra Höjden.kartla");
    add_radar_part(dir, file);
    const auto points = dump(file, "radar_point"), notes = dump(file, "radar_note");

    Window window;
    auto& ui = window.ui;
    auto& runtime = window.runtime;
    auto& shell = *window.shell;
    shell.set_language("sv");
    REQUIRE(shell.open_file(file));
    ui.frame(3);
    CHECK(ui.has_item("core.missing_plugins.radar"));
    CHECK(runtime.plugins().missing_notice("radar") ==
          "Den här workshopen har en del gjord med radar, som inte är installerat här; den behålls oförändrad.");
    auto& workshop = *runtime.workshop();
    auto rename = [](Database& d) {
        d.exec("UPDATE problem_map_card SET title = title || ' (ändrad)' WHERE id = (SELECT MIN(id) FROM problem_map_card)");
    };
    REQUIRE(workshop.edit(EditLabel{"problem_map", "Rename card"}, rename).ok);
    REQUIRE(workshop.undo().ok);
    REQUIRE(workshop.redo().ok);
    // What kartla cannot read, it cannot change: not even on purpose.
    CHECK_FALSE(workshop.edit("poke", [](Database& d) { d.exec("DELETE FROM radar_note"); }).ok);
    auto copy = dir / "kopia.kartla";
    REQUIRE(workshop.save_copy(copy).ok);
    ui.frame(2);
    shell.request_quit();
    ui.frame(2);
    runtime.set_workshop(nullptr);

    CHECK(count(file, "SELECT COUNT(*) FROM problem_map_card WHERE title LIKE '% (ändrad)'") == 1);
    CHECK(dump(file, "radar_point") == points);
    CHECK(dump(file, "radar_note") == notes);
    CHECK(dump(copy, "radar_point") == points);
    CHECK(dump(copy, "radar_note") == notes);

    // The cleaned copy of a file that also holds something foreign keeps the part as it was.
    tamper(file, "CREATE VIEW peek AS SELECT * FROM core_meta;");
    auto cleaned = dir / "rensad.kartla";
    CHECK(schema_guard::write_cleaned_copy(file, cleaned, runtime.plugins().known_schema()).empty());
    CHECK(dump(cleaned, "radar_point") == points);
    CHECK(dump(cleaned, "radar_note") == notes);
}

TEST_CASE("an unknown plugin's part may hold plain tables and indexes only: code in it is refused as anywhere") {
    TempDir dir;
    auto pristine = sample(dir, "pristine.kartla");
    const std::string bin = KARTLA_TEST_BINARY;
    struct Case {
        const char* sql;
        const char* named;
    };
    const Case cases[] = {
        {"CREATE TABLE radar_shout(x TEXT, y TEXT GENERATED ALWAYS AS (upper(x)) VIRTUAL);",
         "a table `radar_shout` that kartla did not create"},
        {"CREATE TRIGGER radar_wipe AFTER UPDATE ON problem_map_card BEGIN DELETE FROM actor_map_actor; END;",
         "a trigger `radar_wipe` that kartla did not create"},
        {"CREATE VIEW radar_peek AS SELECT * FROM core_meta;", "a view `radar_peek` that kartla did not create"},
        {"CREATE VIRTUAL TABLE radar_search USING fts5(body);", "a virtual table `radar_search` that kartla did not create"},
        {"CREATE TABLE stash(x);", "a table `stash` that kartla did not create"},  // not under its prefix
    };
    for (const auto& c : cases) {
        CAPTURE(c.sql);
        auto file = dir / "hostile.kartla";
        fs::remove(file);
        fs::copy_file(pristine, file);
        add_radar_part(dir, file, c.sql);
        auto ran = run(bin + " info " + quoted(file));
        CHECK(ran.exit_code != 0);
        CHECK(ran.output.find(c.named) != std::string::npos);
    }
}
