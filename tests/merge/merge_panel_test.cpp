// The window's side of merging (ui/panels/merge_panel.hpp): a sync program's conflict
// copy beside the open file is named, merged from the notice, and a conflict is
// chosen side by side.
#include "headless.hpp"
#include "temp_dir.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "ui/shell/shell.hpp"

#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace kartla;

namespace {

std::string role_of(Workshop& w, std::int64_t participant) {
    return w.db().scalar_text("SELECT role FROM core_participant WHERE id = ?", participant);
}

void set_role(Workshop& w, std::int64_t participant, const std::string& role) {
    auto done = w.edit("Change role", [&](Database& db) {
        auto all = core_data::participants(db);
        for (auto p : all)
            if (p.id == participant) {
                p.role = role;
                core_data::update_participant(db, p);
            }
    });
    REQUIRE_MESSAGE(done.ok, done.message);
}

// The width of the item marked `key` as drawn in the last frame.
float drawn_width(const char* key) {
    ImVec2 min, max;
    REQUIRE(ui::item_rect(key, min, max));
    return max.x - min.x;
}

}  // namespace

TEST_CASE("a conflict copy beside the open file is named, merged from the notice, and its conflict chosen") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    REQUIRE(shell.create_file(dir / "plan.kartla"));
    auto& mine = *runtime.workshop();
    std::int64_t coordinator = 0;
    mine.edit("Add participant", [&](Database& db) { coordinator = core_data::add_participant(db, "Samordnare", "Kommunen"); });
    // The sync client's copy: edited on another machine.
    REQUIRE(mine.save_copy(dir / "plan-LAPTOP-7.kartla"));
    {
        auto opened = Workshop::open(dir / "plan-LAPTOP-7.kartla", OpenMode::ReadWrite, false, runtime.plugins().known_schema());
        auto& theirs = *std::get<std::unique_ptr<Workshop>>(opened);
        set_role(theirs, coordinator, "Trygghetssamordnare");
        theirs.edit("Add participant", [](Database& db) { core_data::add_participant(db, "Analytiker", "Brå"); });
    }
    set_role(mine, coordinator, "Samordnare för brottsförebyggande");

    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);
    REQUIRE(ui.has_item("core.sync_conflicts"));
    ui.click_item("core.sync_conflicts.merge.0");
    ui.frame(2);
    auto& panel = shell.merge_panel();
    REQUIRE(panel.showing());
    REQUIRE(panel.conflicts().size() == 1);
    CHECK(panel.conflicts()[0].column == "role");
    CHECK(ui.has_item("core.merge.conflict.0.mine"));
    CHECK(ui.has_item("core.merge.conflict.0.theirs"));
    CHECK(core_data::participants(mine.db()).size() == 1);  // nothing merged before the choice

    ui.click_item("core.merge.apply");  // not yet: every conflict needs its choice
    ui.frame(2);
    CHECK(panel.showing());
    ui.click_item("core.merge.conflict.0.theirs");
    ui.frame(2);
    ui.click_item("core.merge.apply");
    ui.frame(2);
    CHECK_FALSE(panel.showing());
    CHECK(role_of(mine, coordinator) == "Trygghetssamordnare");
    CHECK(core_data::participants(mine.db()).size() == 2);
    CHECK(mine.undo_step().msgid == "Merge another copy");
    // The version not chosen is kept in the history.
    CHECK(mine.db().scalar_text("SELECT note FROM core_history WHERE kind = 'choice'").find("Samordnare för brottsförebyggande") !=
          std::string::npos);
    REQUIRE(mine.undo());
    CHECK(role_of(mine, coordinator) == "Samordnare för brottsförebyggande");
}

TEST_CASE("a copy of another workshop is refused in the window with a plain message") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    {
        auto other = Workshop::create(dir / "annan.kartla");
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(other));
    }
    REQUIRE(shell.create_file(dir / "plan.kartla"));
    ui.set_ui([&] { shell.frame(); });
    shell.merge_panel().start(dir / "annan.kartla");
    ui.frame(2);
    CHECK(ui.has_item("core.merge.problem"));
    CHECK(shell.merge_panel().problem().find("no edit in common") != std::string::npos);
}

TEST_CASE("a conflict is named in the UI's language, in the words of the plugin that owns the table") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(std::filesystem::path(KARTLA_TEST_PLUGIN_DIR) / "problem_map.kplug"));
    ui::Settings settings;
    settings.language = "sv";
    ui::Shell shell(runtime, settings);
    REQUIRE(shell.create_file(dir / "plan.kartla"));
    auto& mine = *runtime.workshop();
    auto retitle = [](Workshop& w, const std::string& title) {
        auto done = w.edit("Rename card", [&](Database& db) { db.run("UPDATE problem_map_card SET title = ?", title); });
        REQUIRE_MESSAGE(done.ok, done.message);
    };
    auto added = mine.edit("Add card", [](Database& db) {
        db.run("INSERT INTO problem_map_card(id, title) VALUES (kartla_key(), 'Klotter')");
    });
    REQUIRE(added.ok);
    REQUIRE(mine.save_copy(dir / "plan-LAPTOP-7.kartla"));
    {
        auto opened = Workshop::open(dir / "plan-LAPTOP-7.kartla", OpenMode::ReadWrite, false, runtime.plugins().known_schema());
        retitle(*std::get<std::unique_ptr<Workshop>>(opened), "Klotter på skolgården");
    }
    retitle(mine, "Klotter vid skolan");

    auto draw = [&] { shell.frame(); };
    ui.set_ui(draw);
    ui.frame(2);
    shell.merge_panel().start(dir / "plan-LAPTOP-7.kartla");
    ui.frame(2);
    REQUIRE(shell.merge_panel().conflicts().size() == 1);
    REQUIRE(ui.has_item("core.merge.conflict.0.what"));
    // A text is as wide as its words: the line naming the conflict was drawn in Swedish,
    // in problem_map's words for its table and field ("Problem", "Title": "Rubrik").
    const float what = drawn_width("core.merge.conflict.0.what");
    CHECK(what == doctest::Approx(ImGui::CalcTextSize("Ändrad i båda kopiorna · Problem · Rubrik").x));
    CHECK(what != doctest::Approx(ImGui::CalcTextSize("Changed in both copies · Problem · Title").x));
    CHECK(what != doctest::Approx(ImGui::CalcTextSize("Ändrad i båda kopiorna · problem_map_card · title").x));
    ui.set_ui({});
}

TEST_CASE("a conflict copy once merged is not offered again, and is offered again when the sync program writes it anew") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    REQUIRE(shell.create_file(dir / "plan.kartla"));
    auto& mine = *runtime.workshop();
    mine.edit("Add participant", [](Database& db) { core_data::add_participant(db, "Samordnare", "Kommunen"); });
    const auto copy = dir / "plan-LAPTOP-7.kartla";
    REQUIRE(mine.save_copy(copy));
    auto edit_copy = [&](const char* role) {
        auto opened = Workshop::open(copy, OpenMode::ReadWrite, false, runtime.plugins().known_schema());
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
        std::get<std::unique_ptr<Workshop>>(opened)->edit(
            "Add participant", [&](Database& db) { core_data::add_participant(db, role, "Brå"); });
    };
    edit_copy("Analytiker");

    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);
    REQUIRE(ui.has_item("core.sync_conflicts"));
    ui.click_item("core.sync_conflicts.merge.0");
    ui.frame(2);
    CHECK_FALSE(shell.merge_panel().showing());  // no conflict: merged at once
    CHECK(core_data::participants(mine.db()).size() == 2);
    // Still beside the file, but merged: not offered again, now or at the next look.
    CHECK_FALSE(ui.has_item("core.sync_conflicts"));
    ui.advance(6);
    ui.frame(2);
    CHECK_FALSE(ui.has_item("core.sync_conflicts"));

    // The sync program writes the copy anew (the other machine edited again): offered again.
    edit_copy("Polis");
    std::filesystem::last_write_time(copy, std::filesystem::last_write_time(copy) + std::chrono::seconds(2));
    ui.advance(6);
    ui.frame(2);
    REQUIRE(ui.has_item("core.sync_conflicts"));
    ui.click_item("core.sync_conflicts.merge.0");
    ui.frame(2);
    CHECK(core_data::participants(mine.db()).size() == 3);
    ui.set_ui({});
}
