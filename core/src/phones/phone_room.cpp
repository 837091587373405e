#include "phones/phone_room.hpp"

#include "host/runtime.hpp"

namespace kartla::phones {

namespace {
// How long `kartla serve` sleeps when no phone asks: a signal is noticed within this.
constexpr auto kServeTick = std::chrono::milliseconds(50);
}  // namespace

bool PhoneRoom::open(ServerOptions options, std::string* error) {
    const Workshop* workshop = runtime_.workshop();
    if (!workshop) {
        if (error) *error = "no workshop is open";
        return false;
    }
    // The same workshop (an in-memory one has no path: never kept): the address phones already hold.
    const bool same = kept_ && !workshop->path().empty() && workshop->path() == kept_for_;
    if (same) {
        options.token = kept_token_;
        options.code = kept_code_;
        if (options.port == 0) options.port = kept_port_;
    }
    if (!server_.start(options, error)) {
        if (!same || options.port != kept_port_) return false;
        options.port = 0;  // the old port was taken meanwhile: the token and code stay, the port changes
        if (!server_.start(options, error)) return false;
    }
    joined_ = workshop;
    kept_ = true;
    kept_for_ = workshop->path();
    kept_token_ = server_.token();
    kept_code_ = server_.code();
    kept_port_ = server_.port();
    return true;
}

void PhoneRoom::close() {
    if (!server_.running()) return;
    server_.close_joining();
    server_.stop();
}

void PhoneRoom::choose_new_address() {
    kept_ = false;
    kept_token_.clear();
    kept_code_.clear();
    kept_port_ = 0;
}

void PhoneRoom::pump() {
    if (server_.running() && runtime_.workshop() != joined_) {
        close();
        runtime_.messages().post(LogLevel::Warning, runtime_.translate("Joining was closed: another workshop is open."));
        return;
    }
    server_.pump();
}

void PhoneRoom::serve_until(const volatile std::sig_atomic_t& stop) {
    while (!stop && server_.running()) {
        server_.wait_for_requests(kServeTick);
        pump();
    }
    close();
}

}  // namespace kartla::phones
