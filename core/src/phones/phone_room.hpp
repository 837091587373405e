#pragma once
// Phones in the room for one open workshop: the one piece of code that starts,
// pumps and stops the room server, used by the window ("Let phones join") and by
// `kartla serve`. It keeps the join address of a workshop while joining is
// closed and opened again, so the phones' saved cards still arrive, until the
// facilitator chooses a new address; and it closes joining by itself when
// another workshop is opened, so phones of one meeting never write into another
// meeting's file, and says so in the runtime's messages.
#include "phones/phone_server.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>

namespace kartla {
class Runtime;
class Workshop;
}

namespace kartla::phones {

class KARTLA_API PhoneRoom {
public:
    explicit PhoneRoom(Runtime& runtime) : runtime_(runtime), server_(runtime) {}

    // Opens joining for the open workshop (its address again, if it had one); false and why when it cannot.
    bool open(ServerOptions options, std::string* error);
    void close();  // within about 200 ms, whatever the phones do
    // The next open() gives a new address and code: phones holding the old one are told joining is closed.
    void choose_new_address();
    bool open_now() const { return server_.running(); }
    bool keeps_address() const { return kept_; }

    // Main thread, between frames: answers the phones' waiting requests. Another
    // workshop opened meanwhile closes joining first, with a warning.
    void pump();
    // `kartla serve`: pumps until `stop` is set (by a signal handler), then closes.
    void serve_until(const volatile std::sig_atomic_t& stop);

    PhoneServer& server() { return server_; }
    const PhoneServer& server() const { return server_; }

private:
    Runtime& runtime_;
    PhoneServer server_;
    const Workshop* joined_ = nullptr;  // the workshop the phones joined
    // The last address, kept for its workshop's file.
    std::filesystem::path kept_for_;
    std::string kept_token_, kept_code_;
    int kept_port_ = 0;
    bool kept_ = false;
};

}  // namespace kartla::phones
