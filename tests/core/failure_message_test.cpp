// A failure is a message, never a missing plugin (issue 23): an export that
// cannot be written says why in the UI's language and leaves the plugin, its
// views and the file as they were; only a fault out of drawing turns a plugin
// off, and the Plugins menu then turns it on again.
#include "swedish_window.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <algorithm>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

const PluginRecord& record(Runtime& runtime, std::string_view id) {
    for (const auto& plugin : runtime.plugins())
        if (plugin->id == id) return *plugin;
    FAIL("no record for " << id);
    throw std::logic_error("unreachable");
}

std::size_t views_of(Runtime& runtime, std::string_view id) {
    return std::count_if(runtime.registry().views().begin(), runtime.registry().views().end(), [&](auto& v) { return v.plugin_id == id; });
}
}  // namespace

TEST_CASE("exporting the plan to a folder that does not exist says so in Swedish and keeps the plugin on") {
    test::SwedishWindow w({"action_plan"});
    const std::size_t views_before = views_of(w.runtime, "action_plan");
    REQUIRE(views_before > 0);

    w.export_to("md", w.dir / "finns inte" / "plan.md");

    CHECK(record(w.runtime, "action_plan").status == PluginStatus::Loaded);
    CHECK(views_of(w.runtime, "action_plan") == views_before);
    CHECK(w.runtime.offers().find_export("md") != nullptr);
    CHECK(w.shell->status_message().starts_with("Exporten misslyckades: Mappen finns inte."));
    CHECK_FALSE(fs::exists(w.dir / "finns inte"));
    // Said in a dialog too, titled with what failed.
    CHECK(w.shell->error_dialog().find("Mappen finns inte.") != std::string::npos);
    CHECK(w.open_popups() == 1);
}

TEST_CASE("the file dialog speaks the UI's language") {
    test::SwedishWindow w({"action_plan"});
    w.shell->export_to("md");
    w.ui.frame(3);
    REQUIRE(w.ui.has_item("file_dialog.ok"));
    // A button is as wide as its label and its padding: the Swedish words were drawn.
    const auto button_width = [&](const char* key) {
        ImVec2 min, max;
        REQUIRE(ui::item_rect(key, min, max));
        return max.x - min.x;
    };
    const auto width_for = [](const char* label) {
        return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    };
    CHECK(button_width("file_dialog.ok") == doctest::Approx(width_for("Spara")).epsilon(0.001));
    CHECK(button_width("file_dialog.ok") != doctest::Approx(width_for("Save")).epsilon(0.001));
    CHECK(button_width("file_dialog.cancel") == doctest::Approx(width_for("Avbryt")).epsilon(0.001));
    CHECK(button_width("file_dialog.cancel") != doctest::Approx(width_for("Cancel")).epsilon(0.001));
}

TEST_CASE("a plugin turned off by a fault in drawing is turned on again from the Plugins menu") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(fs::path(KARTLA_TEST_FIXTURE_DIR) / "fixture_throws_in_draw.kplug"));
    runtime.set_workshop(Workshop::in_memory());
    ui::Settings settings;
    settings.language = "sv";
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    shell.stage().show("fixture_throws_in_draw.view");
    ui.frame(3);
    REQUIRE(record(runtime, "fixture_throws_in_draw").status == PluginStatus::Disabled);
    CHECK(views_of(runtime, "fixture_throws_in_draw") == 0);
    CHECK(shell.status_message().find("stängdes av (ritning: drawing failed on purpose)") != std::string::npos);
    CHECK(shell.status_message().find("Slå på igen") != std::string::npos);

    REQUIRE(runtime.plugins().retry("fixture_throws_in_draw"));
    CHECK(record(runtime, "fixture_throws_in_draw").status == PluginStatus::Loaded);
    CHECK(views_of(runtime, "fixture_throws_in_draw") == 1);
    ui.set_ui({});
}
