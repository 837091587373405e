// The status bar (issue 13): a long message and a long file path never overlap,
// at 100 % and 200 %, and the whole message stays reachable by a click.
#include "headless.hpp"
#include "kartla/text_encode.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/status_bar.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

struct Rect {
    ImVec2 min, max;
};

Rect rect_of(const std::string& key) {
    Rect r;
    REQUIRE_MESSAGE(ui::item_rect(key, r.min, r.max), key);
    return r;
}

const std::string kLongMessage =
    "The plugin \"Åtgärdsplan för Östra Höjden\" was turned off: drawing failed: the view could not read its "
    "measures because the table action_plan_measure lacks the column light, which this version needs; the other "
    "plugins and the workshop go on";

}  // namespace

TEST_CASE("the status bar's message and file never overlap, and the whole message is a click away") {
    for (float scale : {1.0f, 2.0f}) {
        CAPTURE(scale);
        test::Headless ui(ImVec2(900, 600));
        ui.rebuild_fonts(scale);
        test::TempDir dir;
        fs::path folder = dir / "Kommunens gemensamma mapp för brottsförebyggande arbete" / "Kartläggningar 2026";
        fs::create_directories(folder);
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        auto created = Workshop::create(folder / "Trygghetsvandring i Älvstads centrum, våren.kartla");
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
        runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(created)));
        ui::Settings settings;
        ui::Shell shell(runtime, settings);
        ui.set_ui([&] { shell.frame(); });
        runtime.messages().post(LogLevel::Error, kLongMessage);
        ui.frame(2);

        Rect message = rect_of("core.status.message"), file = rect_of("core.status.file");
        CHECK(message.max.x <= file.min.x);  // side by side, a gap between
        CHECK(message.min.x >= 0);
        CHECK(file.max.x <= 900.5f);
        CHECK(message.max.x - message.min.x > 200);  // the message keeps most of the room

        ui.click_item("core.status.message");
        ui.frame(2);
        REQUIRE(ui.has_item("core.status.full_message"));
        ui.set_ui({});
    }
}

TEST_CASE("texts are cut at a character, never inside one, and only when they do not fit") {
    test::Headless ui;
    ImGui::NewFrame();
    std::string text = "Åäö Ö é — trygghet på torget";
    CHECK(ui::fit_text_end(text, 10000) == text);
    CHECK(ui::fit_text_end(text, 1) == "…");  // narrower than the ellipsis: the ellipsis alone
    for (float width : {40.f, 90.f, 150.f}) {
        CAPTURE(width);
        std::string end = ui::fit_text_end(text, width), start = ui::fit_text_start(text, width);
        CHECK(end.ends_with("…"));
        CHECK(start.starts_with("…"));
        CHECK(ImGui::CalcTextSize(end.c_str()).x <= width + 0.5f);
        CHECK(text::is_valid_utf8(end));
        CHECK(text::is_valid_utf8(start));
        CHECK(text.starts_with(end.substr(0, end.size() - std::string("…").size())));
        CHECK(text.ends_with(start.substr(std::string("…").size())));
    }
    ImGui::EndFrame();
}
