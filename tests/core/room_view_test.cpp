// The room view on a second screen: the facilitator's main view mirrored and
// scaled onto the room's screen below the step's strip, the follow-me marks,
// and F6, which only acts when a second screen is there. The window itself
// (GLFW, OpenGL) is covered by tests/e2e/room_view_two_screens.sh.
#include "meeting/agenda.hpp"
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/room_view.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using namespace kartla;

namespace {

const ImVec2 kRoomScreen(1280, 720);

// One frame of the room, drawn the way the program draws it; returns where the view lands.
ui::RoomLayout room_frame(test::RoomScreen& room, ui::Shell& shell, const ui::MirroredView& view) {
    ui::RoomLayout layout;
    room.frame([&] { layout = shell.draw_room(view); });
    return layout;
}

struct RoomFixture {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    test::RoomScreen room{kRoomScreen};
    double now = 1000;

    RoomFixture() {
        runtime.messages().echo_to_stderr = false;
        shell.set_language("en");
        shell.agenda().set_clock([this] { return now; });
        REQUIRE(shell.create_file(dir / "rumsvy.kartla"));
        std::int64_t meeting = core_data::meetings(runtime.workshop()->db()).at(0).id;
        runtime.workshop()->edit("steps", [&](Database& db) {
            agenda::add_step(db, meeting, "Välkommen och syfte", 10, "core.workshop");
        });
        ui.set_ui([this] { shell.frame(); });
        ui.frame(2);
    }

    ui::MirroredView capture() { return ui::capture_view(shell.main_view_window().c_str()); }
};

bool near(ImVec2 a, ImVec2 b) { return std::abs(a.x - b.x) < 0.01f && std::abs(a.y - b.y) < 0.01f; }

}  // namespace

TEST_CASE("the room view mirrors the facilitator's main view below the step's strip, its text never smaller than the room's") {
    RoomFixture f;
    f.ui.click_item("agenda.start");
    REQUIRE(f.shell.agenda().runner().current() == 0);
    f.ui.frame(1);

    ui::MirroredView view = f.capture();
    REQUIRE(!view.empty());
    ImGuiWindow* window = ImGui::FindWindowByName("###core.workshop");
    REQUIRE(window);
    CHECK(view.lists.front() == window->DrawList);  // the very picture the console shows
    CHECK(near(view.min, window->Pos));
    CHECK(near(view.size, window->Size));

    ui::RoomLayout layout = room_frame(f.room, f.shell, view);
    CHECK(f.ui.has_item("core.room.step"));  // the strip with the step and its countdown
    // Below the strip, not stretched. Fitted whole, the console's 20 px text would be 15 px on the
    // room's 720 lines: the room sees a part of the view instead, from its top left (nobody points),
    // with the text at least as large as the room's own (150 %: 30 px).
    ImVec2 drawn(view.size.x * layout.scale, view.size.y * layout.scale);
    CHECK(layout.offset.y > 0);
    CHECK(view.font_pixels == doctest::Approx(20.0f));
    CHECK(view.font_pixels * layout.scale >= 30.0f - 0.01f);
    CHECK(drawn.x > kRoomScreen.x);
    CHECK(layout.offset.x == doctest::Approx(0.0f));
    // A view small enough is fitted whole and centred, as before.
    ui::MirroredView small = view;
    small.size = ImVec2(400, 200);
    ui::RoomLayout fitted = ui::fit_view(small, ImVec2(0, 100), ImVec2(1280, 620), 30.0f);
    CHECK(fitted.scale == doctest::Approx(3.1f));
    CHECK(fitted.offset.x == doctest::Approx((1280 - 400 * 3.1f) / 2));

    // The renderer maps DisplayPos..+DisplaySize onto the framebuffer: the view's corners land on the layout.
    ImDrawData data = ui::mirror_draw_data(view, layout, kRoomScreen);
    auto to_framebuffer = [&](ImVec2 p) {
        return ImVec2((p.x - data.DisplayPos.x) * data.FramebufferScale.x, (p.y - data.DisplayPos.y) * data.FramebufferScale.y);
    };
    CHECK(near(to_framebuffer(view.min), layout.offset));
    CHECK(near(to_framebuffer(ImVec2(view.min.x + view.size.x, view.min.y + view.size.y)),
               ImVec2(layout.offset.x + drawn.x, layout.offset.y + drawn.y)));
    CHECK(near(ImVec2(data.DisplaySize.x * data.FramebufferScale.x, data.DisplaySize.y * data.FramebufferScale.y), kRoomScreen));
    CHECK(data.CmdListsCount == int(view.lists.size()));
}

TEST_CASE("follow me: the room marks where the facilitator points and the field they work in") {
    RoomFixture f;
    ImVec2 title_field = f.ui.item_center("workshop.meta.title");
    f.ui.click(title_field);
    f.ui.frame(1);

    ui::MirroredView view = f.capture();
    REQUIRE(view.has_pointer);
    CHECK(view.pointer.x == doctest::Approx(title_field.x).epsilon(0.01));  // ImGui floors the mouse position
    CHECK(view.pointer.y == doctest::Approx(title_field.y).epsilon(0.01));
    REQUIRE(view.has_focus);
    CHECK(view.focus_min.x <= title_field.x);
    CHECK(view.focus_max.x >= title_field.x);
    CHECK(view.focus_min.y <= title_field.y);
    CHECK(view.focus_max.y >= title_field.y);
    room_frame(f.room, f.shell, view);
    int with_marks = f.room.foreground_vertices();
    CHECK(with_marks > 0);

    // The mouse over the view bar, outside the view: no ring. The field keeps its frame.
    f.ui.frame(1);  // the room's frame replaced the probes
    f.ui.move_to(f.ui.item_center("core.view_bar.core.workshop"));
    f.ui.frame(1);
    view = f.capture();
    CHECK(!view.has_pointer);
    CHECK(view.has_focus);
    room_frame(f.room, f.shell, view);
    CHECK(f.room.foreground_vertices() > 0);
    CHECK(f.room.foreground_vertices() < with_marks);

    // Done typing: the frame goes, so no stale mark stays on the room's screen.
    f.ui.key(keys::Enter);
    f.ui.frame(1);
    CHECK(!f.capture().has_focus);
}

TEST_CASE("F6 turns the room view on and off only when a second screen is there, and the choice is kept") {
    RoomFixture f;
    f.shell.set_screen_count(1);
    CHECK(!f.shell.room_view_wanted());
    f.ui.key(keys::F6);
    CHECK(f.settings.room_view);  // nothing to turn off on one screen: a message instead
    f.shell.set_screen_count(2);
    CHECK(f.shell.room_view_wanted());  // on by default when the projector is there
    f.ui.key(keys::F6);
    CHECK(!f.shell.room_view_wanted());
    CHECK(!f.settings.room_view);
    f.ui.key(keys::F6);
    CHECK(f.shell.room_view_wanted());
}

TEST_CASE("with no workshop the room view shows the title and no mirrored picture") {
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    test::RoomScreen room{kRoomScreen};
    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);
    ui::MirroredView nothing;
    ui::RoomLayout layout = room_frame(room, shell, nothing);
    CHECK(!layout.mirror);                    // nothing to paint under the room's own drawing
    CHECK(ui.has_item("core.room.idle"));     // the title instead: the projector is not left blank
    CHECK(room.foreground_vertices() == 0);   // no follow-me marks
}
