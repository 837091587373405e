// The window's "Let phones join": joining opens on loopback for the open
// workshop, and closes by itself when another workshop is opened (the shell
// pumps the room each frame), so phones of one meeting never write into another
// meeting's file; the panel then shows the closed view, no code to scan.
#include "host/runtime.hpp"
#include "ui/panels/phones_panel.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace kartla;

TEST_CASE("phones panel: joining closes by itself when another workshop is opened") {
    setenv("KARTLA_PHONES_BIND", "127.0.0.1", 1);  // never another address in a test
    Runtime runtime;
    runtime.set_workshop(Workshop::in_memory());
    phones::PhoneRoom room(runtime);
    ui::PhonesPanel panel(runtime, room);
    panel.open_joining();
    REQUIRE(panel.joining());
    CHECK(panel.server().bind_address() == "127.0.0.1");
    room.pump();
    CHECK(panel.joining());  // the same workshop: still open
    runtime.set_workshop(Workshop::in_memory());
    room.pump();
    CHECK_FALSE(panel.joining());
    bool told = false;
    for (const auto& message : runtime.messages().entries) told = told || message.text.find("another workshop") != std::string::npos;
    CHECK(told);
    unsetenv("KARTLA_PHONES_BIND");
}
