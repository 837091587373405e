// The workshop panel driven headless with injected mouse and keyboard input;
// every assertion is on what landed in the workshop file.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

using namespace kartla;

namespace {

struct PanelFixture {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    std::filesystem::path file = dir / "möte.kartla";

    PanelFixture() {
        runtime.messages().echo_to_stderr = false;
        bool created = shell.create_file(file);
        INFO(shell.error_dialog());
        REQUIRE(created);
        ui.set_ui([this] { shell.frame(); });
        ui.frame(2);
    }

    std::string meta_on_disk(const char* key) {
        auto opened = Workshop::open(file, OpenMode::ReadOnly);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
        return core_data::meta(std::get<std::unique_ptr<Workshop>>(opened)->db(), key);
    }

    void replace_field_text(const std::string& key, const std::string& text) {
        ui.click_item(key);
        ui.key(keys::A, true);  // select all, so typing replaces
        ui.type(text);
        ui.key(keys::Enter);
    }
};

}  // namespace

TEST_CASE("typing a title with Swedish letters saves it to the file at once") {
    PanelFixture f;
    CHECK(f.meta_on_disk("title") == "möte");
    f.replace_field_text("workshop.meta.title", "Trygghetsvandring Åsen – äldre och ungdomar på Östra Höjden");
    CHECK(f.meta_on_disk("title") == "Trygghetsvandring Åsen – äldre och ungdomar på Östra Höjden");
    CHECK(f.shell.window_title().find("Trygghetsvandring Åsen") != std::string::npos);
}

TEST_CASE("a field is saved when the user clicks elsewhere, not only on Enter") {
    PanelFixture f;
    f.ui.click_item("workshop.meta.place");
    f.ui.type("Medborgarhuset, Östra Höjden");
    CHECK(f.meta_on_disk("place").empty());  // still typing
    f.ui.click_item("workshop.meta.organisation");
    CHECK(f.meta_on_disk("place") == "Medborgarhuset, Östra Höjden");
}

TEST_CASE("adding a participant by button and filling role and organisation") {
    PanelFixture f;
    f.ui.click_item("workshop.add_participant");
    auto people = core_data::participants(f.runtime.workshop()->db());
    REQUIRE(people.size() == 1);
    f.ui.frame(2);
    f.replace_field_text("workshop.participant.0.role", "Fältsekreterare");
    f.replace_field_text("workshop.participant.0.organisation", "Socialförvaltningen");
    people = core_data::participants(f.runtime.workshop()->db());
    REQUIRE(people.size() == 1);
    CHECK(people[0].role == "Fältsekreterare");
    CHECK(people[0].organisation == "Socialförvaltningen");
}

TEST_CASE("Ctrl+Z outside a field undoes the last edit, Ctrl+Y redoes it") {
    PanelFixture f;
    f.replace_field_text("workshop.meta.title", "Första");
    f.replace_field_text("workshop.meta.title", "Andra");
    CHECK(f.meta_on_disk("title") == "Andra");
    f.ui.click(ImVec2(800, 890));  // the status bar: leave the field
    f.ui.key(keys::Z, true);
    CHECK(f.meta_on_disk("title") == "Första");
    f.ui.frame(2);
    f.ui.key(keys::Y, true);
    CHECK(f.meta_on_disk("title") == "Andra");
    f.ui.key(keys::Z, true, true);  // Ctrl+Shift+Z is redo too: nothing left to redo
    CHECK(f.meta_on_disk("title") == "Andra");
}

TEST_CASE("roles typed one after another with Enter in the new-participant field become one participant each") {
    PanelFixture f;
    f.ui.click_item("workshop.new_participant");
    for (const char* role : {"Kommunpolis", "Fältsekreterare", "Rektor på Åsenskolan"}) {
        f.ui.type(role);
        f.ui.key(keys::Enter);
        f.ui.frame(2);
    }
    auto people = core_data::participants(f.runtime.workshop()->db());
    REQUIRE(people.size() == 3);
    CHECK(people[0].role == "Kommunpolis");
    CHECK(people[1].role == "Fältsekreterare");
    CHECK(people[2].role == "Rektor på Åsenskolan");
}

TEST_CASE("the button's new participant row takes what is typed next") {
    PanelFixture f;
    f.ui.click_item("workshop.add_participant");
    f.ui.frame(3);
    f.ui.type("Trygghetssamordnare");
    f.ui.key(keys::Enter);
    auto people = core_data::participants(f.runtime.workshop()->db());
    REQUIRE(people.size() == 1);
    CHECK(people[0].role == "Trygghetssamordnare");
}

TEST_CASE("removing a participant is undoable") {
    PanelFixture f;
    f.ui.click_item("workshop.add_participant");
    f.ui.frame(2);
    f.replace_field_text("workshop.participant.0.role", "Rektor");
    f.ui.click_item("workshop.participant.0.remove");
    CHECK(core_data::participants(f.runtime.workshop()->db()).empty());
    f.ui.key(keys::Z, true);
    auto people = core_data::participants(f.runtime.workshop()->db());
    REQUIRE(people.size() == 1);
    CHECK(people[0].role == "Rektor");
}

TEST_CASE("opening a bad file shows a dialog and keeps the open workshop") {
    PanelFixture f;
    auto bad = f.dir / "anteckning.kartla";
    test::write_bytes(bad, "inte en databas");
    CHECK(!f.shell.open_file(bad));
    CHECK(!f.shell.error_dialog().empty());
    f.ui.frame(2);
    CHECK(f.ui.has_item("core.error.ok"));
    f.ui.click_item("core.error.ok");
    CHECK(f.shell.error_dialog().empty());
    CHECK(f.runtime.workshop()->path() == std::filesystem::absolute(f.file));
    CHECK(test::read_bytes(bad) == "inte en databas");
}

TEST_CASE("Ctrl+plus enlarges the text and rebuilds the font atlas at the new size") {
    PanelFixture f;
    float before = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    f.ui.key(keys::Equal, true);
    CHECK(f.shell.fonts_dirty());
    f.ui.rebuild_fonts(f.settings.text_scale);
    f.shell.fonts_rebuilt();
    CHECK(f.settings.text_scale == doctest::Approx(1.25));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(before * 1.25));
}

TEST_CASE("attendance is recorded per meeting by ticking participants") {
    PanelFixture f;
    f.ui.click_item("workshop.add_participant");
    f.ui.frame(2);
    auto meeting = core_data::meetings(f.runtime.workshop()->db()).at(0).id;
    CHECK(!f.ui.has_item("workshop.attendance.0.0"));
    f.ui.click_item("workshop.attendance.0");  // unfold the list
    f.ui.frame(1);
    f.ui.click_item("workshop.attendance.0.0");
    auto present = core_data::attendees(f.runtime.workshop()->db(), meeting);
    REQUIRE(present.size() == 1);
    f.ui.key(keys::Z, true);
    CHECK(core_data::attendees(f.runtime.workshop()->db(), meeting).empty());
}

TEST_CASE("in a read-only file a refused field adds no line: the next field stays under the finger") {
    PanelFixture f;
    auto opened = Workshop::open(f.file, OpenMode::ReadOnly);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    f.runtime.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    f.ui.frame(2);
    ImVec2 place_before = f.ui.item_center("workshop.meta.place");
    f.ui.click_item("workshop.meta.purpose");
    f.ui.type("trygghet i centrum");
    f.ui.click_item("workshop.meta.organisation");  // leaves the purpose: refused, kept
    f.ui.frame(2);
    ImVec2 place_after = f.ui.item_center("workshop.meta.place");
    CHECK(place_after.y == place_before.y);
    CHECK(f.meta_on_disk("purpose").empty());
}
