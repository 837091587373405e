// Headless UI tests: the real plugin is loaded into a host runtime, its window is
// drawn without a display, input is injected, and every check reads the file.
#include "model/actions.hpp"
#include "model/snapshot.hpp"
#include "support.hpp"

#include "headless.hpp"
#include "runtime.hpp"

#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"

#include <doctest/doctest.h>

using namespace kartla;
using namespace kartla::problem_map;
using fixture::number;
using fixture::text;

namespace {

class Ui {
public:
    Ui() {
        runtime_.echo_messages_to_stderr = false;
        REQUIRE(runtime_.load_plugin(KARTLA_PROBLEM_MAP_PLUGIN));
        runtime_.set_workshop(Workshop::in_memory());
        for (const auto& view : runtime_.views())
            if (view.spec.key == "problem_map.board") view_ = view.spec;
        REQUIRE(view_.draw);
        h.set_ui([this] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("Problem picture###problem_map.board", nullptr, ImGuiWindowFlags_NoMove);
            view_.draw();
            ImGui::End();
        });
        h.frame(3);
    }
    Workshop& w() { return *runtime_.workshop(); }
    Snapshot snapshot() { return load_snapshot(w().db()); }
    std::string messages() {
        std::string out;
        for (const auto& m : runtime_.messages()) out += m.text + "\n";
        return out;
    }
    // An empty spot on the board, away from the toolbar and legend.
    ImVec2 board_point(float fx, float fy) {
        ImVec2 min, max;
        REQUIRE(ui::item_rect("problem_map.board.canvas", min, max));
        return ImVec2(min.x + (max.x - min.x) * fx, min.y + (max.y - min.y) * fy);
    }
    void tab(const char* probe) {
        h.click_item(probe);
        h.frame(2);
    }

    kartla::test::Headless h;  // first: the runtime shares its ImGui context

private:
    Runtime runtime_;
    ViewSpec view_;
};

}  // namespace

TEST_CASE("a card is created by double-clicking empty space, titled inline, and undone") {
    Ui ui;
    ui.h.double_click(ui.board_point(0.4f, 0.5f));
    ui.h.frame(2);
    REQUIRE(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 1);
    ui.h.type("Langning på torget");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "Langning på torget");
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "");
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 0);
}
