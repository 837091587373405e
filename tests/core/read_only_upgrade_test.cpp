// A file written by an older plugin, opened read-only (kartla info, export):
// the plugin's part is upgraded in a private copy in memory and answers as
// usual, and the file's bytes do not change. The problem map's schema 2 (phones'
// dots) is the first such step: every earlier file is one of these.
#include "cli/sample.hpp"
#include "host/runtime.hpp"
#include "kartla/database.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    return all.str();
}

void load_every_plugin(Runtime& runtime) {
    runtime.messages().echo_to_stderr = false;
    for (const auto& entry : fs::directory_iterator(KARTLA_TEST_PLUGIN_DIR))
        if (entry.path().extension() == ".kplug") REQUIRE(runtime.plugins().load(entry.path()));
}

// The sample as the problem map before phones wrote it: schema 1, no table of phones' dots or cards, no index on position.
fs::path sample_before_phones(const test::TempDir& dir) {
    auto file = dir / "förra året.kartla";
    {
        Runtime runtime;
        load_every_plugin(runtime);
        REQUIRE(build_sample(runtime, file).empty());
    }
    Database db(file.string(), SQLITE_OPEN_READWRITE);
    db.exec("DROP INDEX problem_map_card_position; DROP TABLE problem_map_phone_card; DROP TABLE problem_map_phone_vote; DELETE FROM problem_map_setting WHERE key = 'phone_voting'; "
            "UPDATE core_plugin_schema SET version = 1 WHERE plugin_id = 'problem_map'; PRAGMA wal_checkpoint(TRUNCATE);");
    return file;
}

}  // namespace

TEST_CASE("a file of an older plugin opened read-only is upgraded in memory: its part answers, the file is untouched") {
    test::TempDir dir;
    const auto file = sample_before_phones(dir);
    const std::string before = bytes_of(file);
    Runtime runtime;
    load_every_plugin(runtime);
    auto opened = Workshop::open(file, OpenMode::ReadOnly, false, runtime.plugins().known_schema());
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    CHECK(runtime.plugins().usable("problem_map"));
    for (const auto& plugin : runtime.plugins()) {
        INFO(plugin->id);
        CHECK(plugin->workshop_problem.empty());
    }
    bool available = false;
    CHECK(runtime.offers().entities("problem", &available).size() == 15);
    CHECK(available);
    CHECK(runtime.workshop()->db().scalar_int("SELECT count(*) FROM problem_map_phone_vote") == 0);
    CHECK(runtime.workshop()->read_only());
    CHECK_FALSE(runtime.workshop()->edit("test", [](Database& db) { db.run("DELETE FROM problem_map_card"); }));
    runtime.set_workshop(nullptr);
    CHECK(bytes_of(file) == before);
    CHECK_FALSE(fs::exists(fs::path(file.string() + "-wal")));
}

TEST_CASE("the same file opened for writing is upgraded in place, once") {
    test::TempDir dir;
    const auto file = sample_before_phones(dir);
    Runtime runtime;
    load_every_plugin(runtime);
    auto opened = Workshop::open(file, OpenMode::ReadWrite, false, runtime.plugins().known_schema());
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    CHECK(runtime.workshop()->plugin_schema_version("problem_map") == 4);  // phones' dots (2), card ids (3), position index (4)
    runtime.set_workshop(nullptr);
    Database db(file.string(), SQLITE_OPEN_READONLY);
    CHECK(db.scalar_int("SELECT version FROM core_plugin_schema WHERE plugin_id = 'problem_map'") == 4);
    CHECK(db.scalar_text("SELECT value FROM problem_map_setting WHERE key = 'phone_voting'") == "0");
}
