#pragma once
// The room server: phones in the room join over the local network and add
// cards and dots (docs/phones.md). httplib (Debian's libcpp-httplib) answers on
// its own threads; every request that reaches a plugin's route waits in a queue
// that the main thread answers between frames (pump), so it is an edit like any
// other. Used by the window ("Let phones join") and by `kartla serve`.
#include "phones/request_gate.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace kartla {
class Runtime;
}

namespace kartla::phones {

struct ServerOptions {
    std::string bind;           // an IPv4 or IPv6 address of this machine; "" = default_bind_address()
    int port = 0;               // 0: a free port
    std::filesystem::path page_dir;  // the phone page: index.html, phone.js, phone.css
    Limits limits;
    std::size_t threads = 16;   // httplib's pool; a connection holds one only while a request is read and answered
    std::chrono::seconds io_timeout{3};  // a phone that sends slower than this is dropped
    std::chrono::seconds answer_timeout{10};  // waiting for the main thread
};

struct ServerCounts {
    std::size_t answered = 0;   // routes answered by a plugin
    std::size_t refused = 0;    // by the gate (4xx/5xx before any plugin saw it)
};

class KARTLA_API PhoneServer {
public:
    explicit PhoneServer(Runtime& runtime);
    ~PhoneServer();
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    // Starts listening with a fresh token and code; false (and why) when it cannot.
    bool start(const ServerOptions& options, std::string* error);
    // Stops new phones: every request is answered "joining is closed" (410) until stop().
    void close_joining();
    void stop();  // waits for the server's threads; requests still queued are answered 503
    bool running() const { return running_; }

    std::string url() const;            // "http://192.168.1.20:8080/TOKEN"
    std::string qr_text() const;        // the same in upper case: QR's alphanumeric mode
    std::string short_address() const;  // "192.168.1.20:8080": type it, then the code
    const std::string& code() const { return code_; }
    const std::string& token() const { return token_; }
    const std::string& bind_address() const { return bind_; }
    int port() const { return port_; }
    std::size_t phones_connected() const;  // phones heard from in the last 10 seconds
    ServerCounts counts() const;

    // Main thread: answers the requests waiting for a plugin; returns how many.
    std::size_t pump();
    std::size_t waiting() const;  // requests waiting for pump()
    // Main thread, `kartla serve`: waits until a request waits (or the timeout).
    void wait_for_requests(std::chrono::milliseconds timeout);
    // Called from the server's threads when a request waits for pump() (the window wakes its loop).
    std::function<void()> wake;

private:
    struct Pending;
    void install_handlers();
    void answer_route(const std::string& method, const std::string& route, const RequestHead& head,
                      std::string language, nlohmann::json body, int& status, std::string& reply);

    Runtime& runtime_;
    std::unique_ptr<httplib::Server> server_;
    std::unique_ptr<RequestGate> gate_;
    std::thread listener_;
    std::atomic<bool> running_{false};
    ServerOptions options_;
    std::string token_, code_, bind_;
    int port_ = 0;
    std::string page_html_, code_page_html_, script_, style_;

    mutable std::mutex queue_mutex_;
    std::condition_variable queue_changed_;
    std::deque<std::shared_ptr<Pending>> queue_;
    bool stopping_ = false;  // under queue_mutex_: no request is queued any more
    std::atomic<std::size_t> answered_{0}, refused_{0};
};

}  // namespace kartla::phones
