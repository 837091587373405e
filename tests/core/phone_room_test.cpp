// PhoneRoom, the one piece of code that opens, pumps and closes joining for the
// window and for `kartla serve`: a workshop keeps its join address while joining
// is closed and opened again (cards waiting on phones still arrive), until the
// facilitator chooses a new one; another workshop never gets the old address.
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "phones/phone_room.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <thread>

using namespace kartla;

namespace {

phones::ServerOptions loopback() {
    phones::ServerOptions options;
    options.bind = "127.0.0.1";
    options.page_dir = paths::asset_dir() / "phones";
    return options;
}

std::unique_ptr<Workshop> workshop_at(const std::filesystem::path& path) {
    auto created = Workshop::create(path);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    return std::move(std::get<std::unique_ptr<Workshop>>(created));
}

}  // namespace

TEST_CASE("phone room: the join address stays for a workshop until a new one is chosen, and never goes to another") {
    test::TempDir dir;
    Runtime runtime;
    runtime.set_workshop(workshop_at(dir / "möte.kartla"));
    phones::PhoneRoom room(runtime);
    std::string problem;
    REQUIRE_MESSAGE(room.open(loopback(), &problem), problem);
    const std::string url = room.server().url(), code = room.server().code();
    room.close();
    CHECK_FALSE(room.open_now());
    REQUIRE(room.open(loopback(), &problem));
    CHECK(room.server().url() == url);  // token and port: the phones' saved cards still arrive
    CHECK(room.server().code() == code);
    room.close();
    room.choose_new_address();
    REQUIRE(room.open(loopback(), &problem));
    CHECK(room.server().url() != url);
    const std::string second = room.server().url();
    room.close();
    // Another meeting's file: its own address, not the last one.
    runtime.set_workshop(workshop_at(dir / "annat möte.kartla"));
    REQUIRE(room.open(loopback(), &problem));
    CHECK(room.server().url() != second);
    room.pump();
    CHECK(room.open_now());  // the same workshop: still open
    runtime.set_workshop(workshop_at(dir / "tredje.kartla"));
    room.pump();
    CHECK_FALSE(room.open_now());
    bool told = false;  // the room says so itself, in the window and in `kartla serve`
    for (const auto& message : runtime.messages().entries) told = told || message.text.find("another workshop") != std::string::npos;
    CHECK(told);
}

TEST_CASE("phone room: serve_until pumps until the stop flag, then closes joining") {
    Runtime runtime;
    runtime.set_workshop(Workshop::in_memory());
    phones::PhoneRoom room(runtime);
    std::string problem;
    REQUIRE(room.open(loopback(), &problem));
    volatile std::sig_atomic_t stop = 0;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        stop = 1;
    });
    const auto start = std::chrono::steady_clock::now();
    room.serve_until(stop);
    stopper.join();
    CHECK_FALSE(room.open_now());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
