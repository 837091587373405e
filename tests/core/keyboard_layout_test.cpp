// Shortcuts follow the character a key types on the user's layout, not its
// place on a US keyboard: the host reports the layout, here a test stands in.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "ui/widgets/key_layout.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace kartla;

namespace {

// A layout as the host reports it: key code (a place on a US keyboard) to character.
struct Layout {
    explicit Layout(std::map<int, int> differences) {
        keys::set_layout([differences](int key) {
            auto found = differences.find(key);
            if (found != differences.end()) return found->second;
            return key >= 32 && key < 127 ? key : 0;
        });
    }
    ~Layout() { keys::set_layout(nullptr); }
};

// Swedish: "+" where a US keyboard has "-", "-" where it has "/", "´" where it has "=".
const std::map<int, int> kSwedish = {{keys::Minus, '+'}, {keys::Slash, '-'}, {keys::Equal, 0xB4}};
// German: "ß" where US has "-", "+" where it has "]", "-" on "/", Z and Y swapped.
const std::map<int, int> kGerman = {{keys::Minus, 0xDF}, {93, '+'}, {keys::Slash, '-'}, {keys::Z, 'Y'}, {keys::Y, 'Z'}};

struct ShellFixture {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};

    ShellFixture() {
        runtime.messages().echo_to_stderr = false;
        REQUIRE(shell.create_file(dir / "möte.kartla"));
        ui.set_ui([this] { shell.frame(); });
        ui.frame(2);
    }
};

}  // namespace

TEST_CASE("Ctrl+plus on a Swedish keyboard enlarges the text, Ctrl+minus makes it smaller") {
    ShellFixture f;
    Layout swedish(kSwedish);
    f.ui.key(keys::Minus, true);  // the key that types "+" on a Swedish keyboard
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Minus, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.5));
    f.ui.key(keys::Slash, true);  // "-"
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Equal, true);  // "´" is no shortcut
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Digit0, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.0));
}

TEST_CASE("Ctrl+plus on a German keyboard enlarges, and its sharp s key (US minus) does nothing") {
    ShellFixture f;
    Layout german(kGerman);
    f.ui.key(93, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Minus, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Slash, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.0));
}

TEST_CASE("Ctrl+plus on a US or UK keyboard is Ctrl+Shift+= (and Ctrl+= alone works too)") {
    ShellFixture f;
    f.ui.key(keys::Equal, true, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    f.ui.key(keys::Equal, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.5));
    f.ui.key(keys::KeypadAdd, true);  // the keypad types "+" on every layout; headless it has no character
    f.ui.key(keys::Minus, true);
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
}

TEST_CASE("Ctrl+Z undoes by the letter typed, on a German keyboard that is the key a US one calls Y") {
    ShellFixture f;
    Layout german(kGerman);
    Workshop& w = *f.runtime.workshop();
    w.edit("Title", [](Database& db) { core_data::set_meta(db, "title", "Trygghet på torget"); });
    f.ui.key(keys::Y, true);  // types "z"
    CHECK(core_data::meta(w.db(), "title") == "möte");
    f.ui.key(keys::Z, true);  // types "y": redo
    CHECK(core_data::meta(w.db(), "title") == "Trygghet på torget");
}
