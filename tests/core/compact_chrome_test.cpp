// The chrome at a large text size on a short screen (issue 23): at 300 % on 1080 lines
// the menu bar, the view bar and the status line took about three quarters of the
// height, and a table showed two rows. Compact, they leave the content most of the screen;
// where the screen is tall enough for the text they keep the content's text size.
#include "headless.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>

using namespace kartla;

namespace {

struct Chrome {
    float above = 0;        // from the top of the screen to the bottom of the view bar's buttons
    float below = 0;        // from the top of the status line to the bottom of the screen
    float button = 0;       // the height of a view bar button
    bool compact = false;
};

Chrome measure(ImVec2 screen, float scale) {
    test::Headless ui(screen);
    ui.rebuild_fonts(scale);
    test::TempDir dir;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    auto created = Workshop::create(dir / "Trygghetsvandring i Älvstad.kartla");
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(created)));
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    ui.set_ui([&] { shell.frame(); });
    ui.frame(3);
    Chrome c;
    ImVec2 min, max;
    REQUIRE(ui::item_rect("core.view_bar.core.workshop", min, max));
    c.above = max.y;
    c.button = max.y - min.y;
    REQUIRE(ui::item_rect("core.status.message", min, max));
    c.below = screen.y - min.y;
    ImGui::NewFrame();
    c.compact = ui::compact_chrome();
    ImGui::EndFrame();
    ui.set_ui({});
    return c;
}

}  // namespace

TEST_CASE("at 300 % on 1080 lines the chrome leaves the content at least three quarters of the screen") {
    Chrome c = measure(ImVec2(1920, 1080), 3.0f);
    CHECK(c.compact);
    CHECK(c.above + c.below <= 1080 * 0.25f);
    // Its text is still large enough to read from the table: 30 px, the cap.
    CHECK(c.button >= ui::kBaseFontPixels * ui::kChromeScaleCap);
}

TEST_CASE("at 200 % on 720 lines the chrome is compact too") {
    Chrome c = measure(ImVec2(1280, 720), 2.0f);
    CHECK(c.compact);
    CHECK(c.above + c.below <= 720 * 0.3f);
}

TEST_CASE("where the screen holds enough lines the chrome keeps the content's text size") {
    for (float scale : {1.0f, 2.0f}) {
        CAPTURE(scale);
        Chrome c = measure(ImVec2(1920, 1080), scale);
        CHECK_FALSE(c.compact);
        CHECK(c.button >= ui::kBaseFontPixels * scale);
    }
}
