// Probes say where the user sees an item, so a test (headless, or xdotool on the real
// window) taps what a person would tap. A list ImGui lays out unseen for one frame
// before placing it (a combo box's, on opening) is not where anyone sees it: the
// whole-meeting test tapped such a place under the status bar, which closed the list.
#include "headless.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace kartla;

namespace {

struct CategoryCombo {
    std::string chosen = "Ingen kategori";
    void draw();
};

void CategoryCombo::draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 900));
    ImGui::Begin("panel");
    ImGui::SetCursorPosY(850);  // low on the screen: the list opens above
    if (ImGui::BeginCombo("##category", chosen.c_str())) {
        for (const char* name : {"Våld", "Skadegörelse", "Narkotika", "Otrygghet"}) {
            if (ImGui::Selectable(name)) chosen = name;
            ui::mark_item(std::string("category.") + name);
        }
        ImGui::EndCombo();
    }
    ui::mark_item("combo");
    ImGui::End();
}

}  // namespace

TEST_CASE("a combo box's items have probes only once the list is placed where it is seen") {
    test::Headless ui;
    ui::set_probes_enabled(true);
    CategoryCombo panel;
    ui.set_ui([&] { panel.draw(); });
    ui.frame(2);
    const ImVec2 combo = ui.item_center("combo");
    ui.click(combo);  // released in this frame: the list opens, measured unseen
    CHECK_FALSE(ui.has_item("category.Våld"));
    ui.frame();
    REQUIRE(ui.has_item("category.Våld"));
    // Placed above the combo box, as drawn; not where the list was measured.
    CHECK(ui.item_center("category.Otrygghet").y < combo.y);
    ui.click_item("category.Narkotika");
    CHECK(panel.chosen == "Narkotika");
}
