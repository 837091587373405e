// Undo steps keep their label as the plugin's msgid and are translated when
// shown: the Edit menu follows a language switch, for an edit from every plugin.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

using namespace kartla;

namespace {

struct PluginEdit {
    const char* plugin;
    const char* label;    // a msgid of that plugin's own catalogue
    const char* swedish;  // its translation there
};

constexpr PluginEdit kEdits[] = {
    {"problem_map", "Move card", "Flytta kort"},
    {"actor_map", "Add actor", "Lägg till aktör"},
    {"action_plan", "Edit measure", "Ändra åtgärd"},
    {"follow_up", "Record follow-up", "Registrera uppföljning"},
};

Host& host_of(Runtime& runtime, std::string_view id) {
    for (const auto& p : runtime.plugins())
        if (p->id == id && p->status == PluginStatus::Loaded) return *p->host;
    FAIL("plugin not loaded: " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the undo menu shows each plugin's edit label in the current language") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    for (const auto& e : kEdits)
        REQUIRE(runtime.plugins().load(std::filesystem::path(KARTLA_TEST_PLUGIN_DIR) / (std::string(e.plugin) + ".kplug")));
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    shell.set_language("en");
    REQUIRE(shell.create_file(dir / "w.kartla"));
    ui.set_ui([&] { shell.frame(); });

    for (const auto& e : kEdits) {
        CAPTURE(e.plugin);
        const std::string value = std::string("Åsen ") + e.plugin;
        REQUIRE(host_of(runtime, e.plugin).edit(e.label, [&](Database& db) { core_data::set_meta(db, "place", value); }));
        // Stored untranslated, with the plugin whose catalogue translates it.
        CHECK(runtime.workshop()->undo_step().component == e.plugin);
        CHECK(runtime.workshop()->undo_step().msgid == e.label);

        shell.set_language("sv");
        ui.frame();
        CHECK(shell.undo_menu_text() == std::string("Ångra ") + e.swedish);
        shell.set_language("en");
        ui.frame();
        CHECK(shell.undo_menu_text() == std::string("Undo ") + e.label);
    }

    // Undone, the step moves to redo and keeps its plugin's words there.
    REQUIRE(runtime.workshop()->undo());
    shell.set_language("sv");
    CHECK(shell.redo_menu_text() == std::string("Gör om ") + kEdits[3].swedish);
    CHECK(shell.undo_menu_text() == std::string("Ångra ") + kEdits[2].swedish);
}

TEST_CASE("a plugin's edit in a read-only or absent workshop is refused and shown, never applied") {
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(std::filesystem::path(KARTLA_TEST_PLUGIN_DIR) / "problem_map.kplug"));
    bool ran = false;
    auto result = host_of(runtime, "problem_map").edit("Move card", [&](Database&) { ran = true; });
    CHECK_FALSE(result);
    CHECK_FALSE(ran);
    REQUIRE_FALSE(runtime.messages().entries.empty());
    CHECK(runtime.messages().entries.back().text == "No workshop is open.");
}
