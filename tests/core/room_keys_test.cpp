// Keys a facilitator reaches for in front of the room (issue 23): Escape closes
// the menu or dialog on top, and the palette finds a view before an export.
#include "swedish_window.hpp"

#include "kartla/core_data.hpp"
#include "meeting/agenda.hpp"
#include "ui/shell/command_palette.hpp"

#include <map>

using namespace kartla;
namespace fs = std::filesystem;


TEST_CASE("Escape closes an open menu") {
    test::SwedishWindow w({"problem_map", "action_plan", "follow_up"});
    w.ui.click_item("core.menu.file");
    w.ui.frame(2);
    REQUIRE(w.open_popups() == 1);
    w.ui.key(keys::Escape);
    CHECK(w.open_popups() == 0);
    CHECK(w.runtime.workshop() != nullptr);  // nothing else happened
}

TEST_CASE("Escape closes the error dialog of a failed export, and the file dialog") {
    test::SwedishWindow w({"problem_map", "action_plan", "follow_up"});
    w.shell->export_to("md");
    w.ui.frame(3);
    REQUIRE(w.open_popups() == 1);
    w.ui.key(keys::Escape);  // the file dialog: cancelled
    CHECK(w.open_popups() == 0);

    w.export_to("md", w.dir / "saknas" / "plan.md");
    REQUIRE_FALSE(w.shell->error_dialog().empty());
    CHECK(w.shell->error_dialog().find("Mappen finns inte.") != std::string::npos);
    REQUIRE(w.open_popups() == 1);
    w.ui.key(keys::Escape);
    CHECK(w.open_popups() == 0);
    CHECK(w.shell->error_dialog().empty());
}

TEST_CASE("the palette lists views and commands before exports") {
    test::SwedishWindow w({"problem_map", "action_plan", "follow_up"});
    auto commands = w.shell->palette_commands();
    auto found = ui::filter_commands(commands, "uppf");
    REQUIRE(found.size() >= 2);
    CHECK(found.front()->label == "Visa Uppföljning");
    bool export_seen = false;
    for (const auto* command : found) {
        const bool is_export = command->label.starts_with("Exportera");
        CHECK_FALSE((export_seen && !is_export));  // no view or command after the first export
        export_seen |= is_export;
    }
    CHECK(export_seen);
}

TEST_CASE("the usual agenda's Prioritisation and Causes steps open their own tabs of the problem picture") {
    test::SwedishWindow w({"problem_map", "action_plan", "follow_up"});
    REQUIRE(w.ui.has_item("agenda.use_default"));
    w.ui.click_item("agenda.use_default");
    w.ui.frame(2);
    Database& db = w.runtime.workshop()->db();
    const auto meetings = core_data::meetings(db);
    REQUIRE_FALSE(meetings.empty());
    std::map<std::string, std::string> view_of;  // step title -> what it brings to the front
    for (const auto& step : agenda::steps(db, meetings.front().id)) view_of[step.title] = step.view_key;
    REQUIRE(view_of.count("Prioritering"));
    REQUIRE(view_of.count("Orsaker"));

    // What the agenda's runner does on reaching a step.
    w.runtime.frontend().show_view(view_of["Prioritering"]);
    w.ui.frame(3);
    CHECK(w.shell->stage().current() == "problem_map.board");
    CHECK(w.ui.has_item("problem_map.vote.dots_more"));  // the Prioritise tab, not the board
    CHECK_FALSE(w.ui.has_item("problem_map.board.canvas"));

    w.runtime.frontend().show_view(view_of["Orsaker"]);
    w.ui.frame(3);
    const bool causes_tab = w.ui.has_item("problem_map.causes.add_direct") || w.ui.has_item("problem_map.causes.picker");
    CHECK(causes_tab);
    CHECK_FALSE(w.ui.has_item("problem_map.vote.dots_more"));
}
