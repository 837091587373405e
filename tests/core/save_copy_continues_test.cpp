// "Save a copy…" after the file went away is a full continuation: every plugin
// edits the copy through its own edit paths exactly as it edited the original
// (the issue: every plugin edit in the copy was refused as "not authorized",
// since the copy was opened without the plugins' schema and its plugin tables
// were guarded as unverified). Driven through the real shell and the real
// problem_map, actor_map and action_plan plugins.
#include "headless.hpp"
#include "must_open.hpp"
#include "temp_dir.hpp"

#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "cli/sample.hpp"
#include "host/runtime.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <memory>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

using test::must;

nlohmann::json sample_part(const std::string& name) {
    // The core's part is in assets/samples, a plugin's in its own folder.
    const fs::path source = KARTLA_TEST_SOURCE_DIR;
    std::ifstream in(name == "workshop" ? source / "assets" / "samples" / "workshop.json"
                                        : source / "plugins" / name / "sample.json");
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

struct Window {
    Window() {
        runtime.messages().echo_to_stderr = false;
        for (const char* plugin : {"problem_map", "actor_map", "action_plan"})
            REQUIRE(runtime.plugins().load(fs::path(KARTLA_TEST_PLUGIN_DIR) / (std::string(plugin) + ".kplug")));
        shell = std::make_unique<ui::Shell>(runtime, settings);
        REQUIRE(shell->create_file(file));
        ui.set_ui([this] { shell->frame(); });
        ui.frame(3);
    }
    Workshop& w() { return *runtime.workshop(); }
    // Each plugin's part of the sample, loaded by that plugin's own loader, which
    // makes every card, actor and measure through the plugin's edit functions.
    void load_part(const std::string& plugin_id) {
        for (auto& loader : runtime.registry().sample_loaders())
            if (loader.plugin_id == plugin_id) {
                auto json = sample_part(plugin_id);
                REQUIRE(runtime.guarded(plugin_id, "loading the sample", [&] { loader.spec.load(w(), json); }));
                return;
            }
        FAIL("no sample loader for " << plugin_id);
    }
    void save_copy_from_banner(const fs::path& copy) {
        ui.advance(2.5);  // the window looks at the file every few seconds
        ui.frame(2);
        REQUIRE(ui.has_item("core.file_banner.save_copy"));
        ui.click_item("core.file_banner.save_copy");
        ui.frame(2);
        ui.type(copy.string());
        ui.key(keys::Enter);
        ui.frame(3);
        REQUIRE(w().path() == copy);
    }
    // What a new reader of the copy finds: its file, not this process's memory.
    std::int64_t count_in(const fs::path& path, const std::string& sql) {
        auto reader = must(Workshop::open(path, OpenMode::ReadOnly, false, runtime.plugins().known_schema()));
        return reader->db().scalar_int(sql);
    }

    test::TempDir dir;
    fs::path file = dir / "trygghet.kartla";
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    std::unique_ptr<ui::Shell> shell;
};

}  // namespace

TEST_CASE("after Save a copy… every plugin edits the copy: problem cards, actors and measures land in it") {
    Window win;
    load_core_sample(win.w(), sample_part("workshop"));
    win.load_part("problem_map");
    auto cards_before = win.w().db().scalar_int("SELECT count(*) FROM problem_map_card");
    REQUIRE(cards_before > 0);

    SUBCASE("the file deleted") { fs::remove(win.file); }
    SUBCASE("the file moved") { fs::rename(win.file, win.dir / "flyttad.kartla"); }
    fs::path copy = win.dir / "kopia.kartla";
    win.save_copy_from_banner(copy);
    CHECK(win.shell->file_banner().empty());

    // The plugins' own edit paths, into the copy.
    win.load_part("actor_map");
    win.load_part("action_plan");
    // A new card made on the board, its title typed there.
    win.shell->stage().show("problem_map.board");
    win.ui.frame(3);
    REQUIRE(win.ui.has_item("problem_map.board.new_card"));
    win.ui.click_item("problem_map.board.new_card");
    win.ui.frame(2);
    win.ui.type("Bilbränder på Östra vägen");
    win.ui.key(keys::Enter);
    win.ui.frame(2);

    CHECK(win.count_in(copy, "SELECT count(*) FROM problem_map_card") == cards_before + 1);
    CHECK(win.count_in(copy, "SELECT count(*) FROM problem_map_card WHERE title = 'Bilbränder på Östra vägen'") == 1);
    CHECK(win.count_in(copy, "SELECT count(*) FROM actor_map_actor WHERE name = 'Kommunstyrelsen'") == 1);
    CHECK(win.count_in(copy, "SELECT count(*) FROM action_plan_measure WHERE title = "
                             "'Förbättrad belysning och röjd växtlighet vid Höjdens torg'") == 1);
    // The history goes on in the copy: the new card's title is undone there.
    REQUIRE(win.w().undo());
    CHECK(win.count_in(copy, "SELECT count(*) FROM problem_map_card WHERE title = 'Bilbränder på Östra vägen'") == 0);
}
