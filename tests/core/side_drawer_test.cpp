// A side view asked for is a side view shown. Where the side column is a drawer
// over the stage (200 % on 1080 lines), a plugin that shows its side view (the
// action plan's form for a new measure) left it hidden behind the closed drawer:
// a whole meeting at 200 % added "New measure" rows the facilitator could not edit.
#include "headless.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using namespace kartla;

TEST_CASE("at 200 % on 1080 lines showing a side view opens the drawer it lies in") {
    test::Headless ui(ImVec2(1920, 1080));
    ui.rebuild_fonts(2.0f);
    test::TempDir dir;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    auto created = Workshop::create(dir / "Kväll vid Åkervägen.kartla");
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(created)));
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    ui.frame(3);
    REQUIRE(ui.has_item("core.view_bar.drawer"));  // the column is a drawer here
    // The agenda's window (its panel draws nothing in a file without meetings).
    const auto agenda_drawn = [] {
        const ImGuiWindow* w = ImGui::FindWindowByName("###core.agenda");
        return w && w->WasActive;
    };
    CHECK_FALSE(agenda_drawn());  // and closed: the agenda is not drawn
    runtime.frontend().show_view("core.agenda");
    ui.frame(3);
    CHECK(agenda_drawn());
    ui.set_ui({});
}
