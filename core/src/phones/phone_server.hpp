#pragma once
// The room server: phones in the room join over the local network and add
// cards and dots (docs/phones.md). libmicrohttpd (Debian's libmicrohttpd) reads
// requests on an event loop with limits on every connection; an edit that
// reaches a plugin's route is suspended (holding no thread) and waits in a queue
// that the main thread answers between frames (pump), so it is an edit like any
// other. A read (a GET: a phone's poll) never waits for the main thread: the
// route is called once on the main thread with no phone whenever the workshop's
// revision moved, to publish what the phones are answered from, and then on the
// server's threads for each phone (docs/plugins.md, "Phone routes"). Used
// through PhoneRoom by the window and by `kartla serve`.
#include "phones/request_gate.hpp"

#include "kartla/plugin_api.hpp"

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

struct MHD_Daemon;
struct MHD_Connection;

namespace kartla {
class Runtime;
}

namespace kartla::phones {

class ConnectionDeadlines;

struct ServerOptions {
    std::string bind;           // an IPv4 or IPv6 address of this machine; "" = default_bind_address()
    int port = 0;               // 0: a free port
    std::string token, code;    // "": fresh ones; else the address phones already hold (PhoneRoom)
    std::filesystem::path page_dir;  // the phone page: index.html, phone.js, phone.css
    Limits limits;
    unsigned threads = 4;       // event loops, none waiting for the main thread; they answer the reads too,
                                // so one busy with a poll does not hold up the requests of the others
    std::chrono::seconds io_timeout{3};  // a connection silent this long is dropped
    std::chrono::milliseconds request_deadline{5000};  // the whole request, headers and body, however trickled
    std::chrono::seconds answer_timeout{10};  // waiting for the main thread
    unsigned max_connections = 512;          // open at once, all addresses
    unsigned per_address_connections = 16;   // open at once from one address (0: no limit, the benchmark)
    std::size_t connection_memory = 32 * 1024;  // the request line and headers must fit; else 431
    std::size_t max_headers = 64;            // more header lines: 431
    unsigned listen_backlog = 1024;          // a room's burst of phones waits here, not in retries
};

struct ServerCounts {
    std::size_t answered = 0;   // routes answered by a plugin (reads included)
    std::size_t read = 0;       // of those, answered on the server's threads from a published snapshot
    std::size_t published = 0; // publications (once per revision while joining is open)
    std::size_t refused = 0;    // by the gate (4xx/5xx before any plugin saw it)
    std::size_t cut = 0;        // connections cut at the whole-request deadline
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
    // Answers what was accepted (in the file), then stops; within about 200 ms whatever the clients do.
    void stop();
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

    // Main thread: answers the edits waiting for a plugin, then publishes what the
    // reads answer from when the workshop's revision moved; returns how many edits.
    std::size_t pump();
    std::size_t waiting() const;  // requests waiting for pump()
    // Main thread, `kartla serve`: waits until a request waits (or the timeout).
    void wait_for_requests(std::chrono::milliseconds timeout);
    // Called from the server's threads when a request waits for pump() (the window wakes its loop).
    std::function<void()> wake;

    struct Exchange;  // one request, from its head to its answer (phone_server.cpp)
    struct Connection;
    // libmicrohttpd's callbacks (on the server's threads).
    int on_request(MHD_Connection* connection, const char* url, const char* method, const char* upload,
                   std::size_t* upload_size, void** context);
    void on_completed(void** context);
    void on_connection(MHD_Connection* connection, void** context, bool started);

private:
    int on_head(MHD_Connection* connection, const char* url, const char* method, void** context);
    int on_body_done(MHD_Connection* connection, const std::shared_ptr<Exchange>& exchange);
    int queue_for_main_thread(MHD_Connection* connection, const std::shared_ptr<Exchange>& exchange);
    void answer(const std::shared_ptr<Exchange>& exchange, int status, std::string reply);
    void watch_answer_timeouts();
    bool bind_and_listen(std::string* error);
    // A read route answered here, on the server's thread; false when the path has none.
    bool answer_read(MHD_Connection* connection, const RequestHead& head, const Verdict& verdict, int* result);
    void publish_reads();

    // The GET routes as last published: replaced whole by the main thread, called by the server's threads.
    struct ReadRoute {
        std::string path;
        std::function<int(const PhoneRequest&, nlohmann::json& reply)> answer;
        std::function<int(const PhoneRequest&, std::string& json_text)> answer_text;  // when the route has one
    };
    using ReadRoutes = std::vector<ReadRoute>;
    mutable std::mutex reads_mutex_;
    std::shared_ptr<const ReadRoutes> reads_;
    const void* published_workshop_ = nullptr;  // main thread: what reads_ was published for
    std::uint64_t published_revision_ = 0;
    std::size_t published_routes_ = 0;

    Runtime& runtime_;
    MHD_Daemon* daemon_ = nullptr;
    int listen_fd_ = -1;
    std::unique_ptr<RequestGate> gate_;
    std::unique_ptr<ConnectionDeadlines> deadlines_;
    std::thread timeouts_;
    std::atomic<bool> running_{false};
    ServerOptions options_;
    std::string token_, code_, bind_;
    int port_ = 0;
    std::string page_html_, code_page_html_, script_, style_;

    mutable std::mutex queue_mutex_;
    std::condition_variable queue_changed_;
    std::deque<std::shared_ptr<Exchange>> queue_;
    bool stopping_ = false;  // under queue_mutex_: no request is queued any more
    std::atomic<std::size_t> answered_{0}, refused_{0}, suspended_{0}, read_{0}, published_{0};
};

}  // namespace kartla::phones
