// Bad text anywhere: pasted into a real field through the clipboard, it must
// never crash or corrupt the file; it is stored repaired or in full.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/text_encode.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>

using namespace kartla;

namespace {

std::string g_clipboard;

struct PasteFixture {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};

    PasteFixture() {
        runtime.messages().echo_to_stderr = false;
        REQUIRE(shell.create_file(dir / "w.kartla"));
        ImGui::GetIO().GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
        ui.set_ui([this] { shell.frame(); });
        ui.frame(2);
    }

    std::string paste_into_purpose(const std::string& text) {
        g_clipboard = text;
        ui.click_item("workshop.meta.purpose");
        ui.key(keys::A, true);
        ui.key(keys::V, true);
        ui.click(ImVec2(800, 890));  // leave the field: it is saved
        auto value = core_data::meta(runtime.workshop()->db(), "purpose");
        auto check = runtime.workshop()->db().scalar_text("PRAGMA quick_check");
        REQUIRE(check == "ok");
        return value;
    }
};

}  // namespace

TEST_CASE("a 100,000-character paste is stored in full") {
    PasteFixture f;
    std::string big;
    for (int i = 0; i < 100'000; ++i) big += (i % 3 == 0) ? "å" : (i % 3 == 1) ? "Ö" : " ";
    auto stored = f.paste_into_purpose(big);
    CHECK(stored == big);
}

TEST_CASE("invalid UTF-8 from the clipboard is repaired, never stored broken") {
    PasteFixture f;
    std::string bad = "Trygghet \xC3\x28 på \xFF\xFE torget \xE2\x82";
    auto stored = f.paste_into_purpose(bad);
    CHECK(text::is_valid_utf8(stored));
    CHECK(stored.find("Trygghet") == 0);
    CHECK(stored.find("torget") != std::string::npos);
}

TEST_CASE("right-to-left text is stored byte for byte") {
    PasteFixture f;
    const std::string rtl = "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD och åäö";
    CHECK(f.paste_into_purpose(rtl) == rtl);
}

TEST_CASE("emoji beyond ImGui 1.86's 16-bit characters do not crash and leave valid text") {
    PasteFixture f;
    auto stored = f.paste_into_purpose("Bra jobbat 👍🏽 alla");
    CHECK(text::is_valid_utf8(stored));
    CHECK(stored.find("Bra jobbat") == 0);
    CHECK(stored.find("alla") != std::string::npos);
}
