// The room server on a hostile network, over real sockets on 127.0.0.1 (and
// 127.0.0.x as other devices): bodies and headers that would grow memory without
// bound, codings in any case, sockets that trickle, one device that opens many
// connections or brings many phone ids. Each is refused while a good phone is
// answered, and joining closes at once whatever the clients do (docs/phones.md).
// Times are measured and printed; only generous bounds are asserted.
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "kartla/core_data.hpp"
#include "phones/phone_server.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <future>
#include <thread>

using namespace kartla;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

const std::string kHostilePhone = "00112233445566778899aabbccddeeff";

struct HostileRoom {
    Runtime runtime;
    phones::PhoneServer server{runtime};
    std::atomic<int> notes{0};
    std::atomic<bool> pumping{true};
    std::thread pump_thread;

    explicit HostileRoom(phones::ServerOptions options = {}) {
        // The server closes on a body it refused; the client's next write must fail, not end the test.
        std::signal(SIGPIPE, SIG_IGN);
        runtime.set_workshop(Workshop::in_memory());
        runtime.core_host().add_phone_route({"POST", "/purpose", [this](const PhoneRequest& request, nlohmann::json& reply) {
            auto result = runtime.core_host().edit("Edit the purpose", [&](Database& db) {
                core_data::set_meta(db, "purpose", request.body.value("text", ""));
            });
            ++notes;
            reply["saved"] = bool(result);
            return 200;
        }});
        runtime.core_host().add_phone_route({"GET", "/state", [](const PhoneRequest&, nlohmann::json& reply) {
            reply["ok"] = true;
            return 200;
        }});
        options.bind = "127.0.0.1";
        options.page_dir = paths::asset_dir() / "phones";
        std::string problem;
        REQUIRE_MESSAGE(server.start(options, &problem), problem);
        // The main thread's frames, as in the window: every few milliseconds.
        pump_thread = std::thread([this] {
            while (pumping) {
                server.wait_for_requests(5ms);
                server.pump();
            }
        });
    }
    ~HostileRoom() {
        stop_pumping();
        server.stop();
    }
    void stop_pumping() {
        pumping = false;
        if (pump_thread.joinable()) pump_thread.join();
    }
    std::string head(const std::string& method, const std::string& path) const {
        return fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Kartla: 1\r\nX-Kartla-Phone: {}\r\n", method, path,
                           server.port(), kHostilePhone);
    }
    std::string base() const { return "/" + server.token(); }
};

// A TCP connection to the server from `source` (another 127.0.0.x is another device).
int connect_from(int port, const std::string& source = "127.0.0.1") {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    return fd;
}

// Everything the server sends until it closes (or `wait` passes).
std::string read_all(int fd, std::chrono::milliseconds wait = 3000ms) {
    std::string got;
    char buffer[4096];
    const auto until = SteadyClock::now() + wait;
    while (SteadyClock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        got.append(buffer, std::size_t(n));
    }
    return got;
}

std::string exchange(int port, const std::string& bytes, const std::string& source = "127.0.0.1") {
    int fd = connect_from(port, source);
    send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    std::string got = read_all(fd);
    close(fd);
    return got;
}

int status_of(const std::string& answer) {
    return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(answer.c_str() + 9) : 0;
}

// True when the server has closed the socket (read gives the end, or a reset).
bool closed_by_server(int fd, std::chrono::milliseconds wait) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, int(wait.count())) <= 0) return false;
    char c;
    return recv(fd, &c, 1, MSG_DONTWAIT) <= 0;
}

std::size_t rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::size_t(std::atol(line.c_str() + 6));
    return 0;
}

double ms_since(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// A good phone's poll, timed.
double good_poll_ms(HostileRoom& room, int* status) {
    const auto start = SteadyClock::now();
    *status = status_of(exchange(room.server.port(), room.head("GET", room.base() + "/state") + "\r\n"));
    return ms_since(start);
}

// Streams `total` bytes of body from one 64 KB buffer (nothing as large is ever allocated) until the server stops taking them.
std::size_t stream_body(int fd, std::size_t total) {
    const std::string chunk(64 * 1024, 'a');
    timeval timeout{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::size_t sent = 0;
    while (sent < total) {
        ssize_t n = send(fd, chunk.data(), std::min(chunk.size(), total - sent), MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += std::size_t(n);
    }
    return sent;
}

}  // namespace

TEST_CASE("phone server: Transfer-Encoding in any case and any coding is refused, and the card is not made") {
    HostileRoom room;
    for (const char* coding : {"Chunked", "chunked", "CHUNKED", "identity", "gzip, chunked"}) {
        INFO(coding);
        std::string request = room.head("POST", room.base() + "/purpose") +
                              fmt::format("Content-Type: application/json\r\nTransfer-Encoding: {}\r\n\r\n", coding) +
                              "10\r\n{\"text\": \"chunk\"}\r\n0\r\n\r\n";
        CHECK(status_of(exchange(room.server.port(), request)) == 411);
    }
    CHECK(room.notes == 0);
}

TEST_CASE("phone server: a 400 MB body, declared or chunked, is refused before it is read, and memory stays bounded") {
    HostileRoom room;
    const std::size_t before = rss_kb();
    const std::size_t total = 400u * 1024 * 1024;
    for (const bool chunked : {false, true}) {
        INFO("chunked: " << chunked);
        int fd = connect_from(room.server.port());
        std::string head = room.head("POST", room.base() + "/purpose") + "Content-Type: application/json\r\n" +
                           (chunked ? std::string("Transfer-Encoding: Chunked\r\n\r\n6400000\r\n")
                                    : fmt::format("Content-Length: {}\r\n\r\n", total));
        send(fd, head.data(), head.size(), MSG_NOSIGNAL);
        const std::size_t sent = stream_body(fd, total);
        const std::string answer = read_all(fd, 1000ms);
        close(fd);
        MESSAGE(fmt::format("400 MB body (chunked {}): the server took {:.1f} MB before it closed, answered {}", chunked,
                            double(sent) / 1e6, status_of(answer)));
        CHECK(sent < total);  // it stopped reading long before the end
        if (!answer.empty()) CHECK(status_of(answer) == (chunked ? 411 : 413));
    }
    const std::size_t after = rss_kb();
    MESSAGE(fmt::format("resident memory: {} MB before, {} MB after (bound asserted: 32 MB more)", before / 1024, after / 1024));
    CHECK(after < before + 32 * 1024);
    CHECK(room.notes == 0);
    int status = 0;
    good_poll_ms(room, &status);
    CHECK(status == 200);
}

TEST_CASE("phone server: 100,000 header lines are refused at the connection's memory limit, memory stays bounded") {
    HostileRoom room;
    const std::size_t before = rss_kb();
    int fd = connect_from(room.server.port());
    std::string head = room.head("GET", room.base() + "/state");
    send(fd, head.data(), head.size(), MSG_NOSIGNAL);
    // Sent in blocks of a thousand lines; the server stops reading long before the end.
    std::atomic<int> lines_sent{0};
    auto sender = std::async(std::launch::async, [&] {
        timeval timeout{2, 0};
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        for (int block = 0; block < 100; ++block) {
            std::string lines;
            for (int i = 0; i < 1000; ++i) lines += fmt::format("X-Fill-{}: a\r\n", block * 1000 + i);
            if (send(fd, lines.data(), lines.size(), MSG_NOSIGNAL) <= 0) return;
            lines_sent += 1000;
        }
        send(fd, "\r\n", 2, MSG_NOSIGNAL);
    });
    const std::string answer = read_all(fd, 3000ms);
    sender.get();
    close(fd);
    const std::size_t after = rss_kb();
    MESSAGE(fmt::format("100,000 header lines: {} sent before the server closed, answered {}; resident memory {} -> {} MB",
                        lines_sent.load(), status_of(answer), before / 1024, after / 1024));
    CHECK(status_of(answer) != 200);
    if (!answer.empty()) CHECK(status_of(answer) >= 400);
    CHECK(after < before + 32 * 1024);
    // Within the memory limit but more header lines than any browser sends: refused as well.
    std::string many = room.head("GET", room.base() + "/state");
    for (int i = 0; i < 100; ++i) many += fmt::format("X-{}: a\r\n", i);
    CHECK(status_of(exchange(room.server.port(), many + "\r\n")) == 431);
    int status = 0;
    good_poll_ms(room, &status);
    CHECK(status == 200);
}

TEST_CASE("phone server: 50 trickling devices do not delay a good phone, and joining closes at once while they are held") {
    HostileRoom room;
    // Fifty devices (127.0.0.2-51), each sending one header line a second, as slow as a server would ever allow.
    std::vector<int> slow;
    for (int i = 0; i < 50; ++i) {
        slow.push_back(connect_from(room.server.port(), fmt::format("127.0.0.{}", 2 + i)));
        const std::string line = "POST " + room.base() + "/purpose HTTP/1.1\r\n";
        send(slow.back(), line.data(), line.size(), MSG_NOSIGNAL);
    }
    std::atomic<bool> trickling{true};
    std::thread trickle([&] {
        for (int second = 0; trickling; ++second) {
            for (int fd : slow) {
                const std::string line = fmt::format("X-Slow-{}: a\r\n", second);
                send(fd, line.data(), line.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
            }
            for (int i = 0; i < 10 && trickling; ++i) std::this_thread::sleep_for(100ms);
        }
    });
    std::this_thread::sleep_for(300ms);
    double worst = 0, total = 0;
    for (int i = 0; i < 10; ++i) {
        int status = 0;
        const double took = good_poll_ms(room, &status);
        CHECK(status == 200);
        worst = std::max(worst, took);
        total += took;
        std::this_thread::sleep_for(150ms);
    }
    MESSAGE(fmt::format("a good phone with 50 trickling sockets held: mean {:.1f} ms, worst {:.1f} ms (goal 100 ms)",
                        total / 10, worst));
    CHECK(worst < 1000);  // generous: was 21 s with a thread per connection
    // The whole-request deadline (5 s) has not passed: they are all still held when joining closes.
    const auto start = SteadyClock::now();
    room.stop_pumping();
    room.server.close_joining();
    room.server.stop();
    const double stop_ms = ms_since(start);
    MESSAGE(fmt::format("Close joining with 50 trickling sockets held: {:.1f} ms (goal 200 ms)", stop_ms));
    CHECK(stop_ms < 1000);
    trickling = false;
    trickle.join();
    for (int fd : slow) close(fd);
}

TEST_CASE("phone server: a trickled request is cut at the whole-request deadline, however steadily it trickles") {
    phones::ServerOptions options;
    options.request_deadline = 800ms;
    HostileRoom room(options);
    int fd = connect_from(room.server.port());
    const auto start = SteadyClock::now();
    const std::string line = "POST " + room.base() + "/purpose HTTP/1.1\r\n";
    send(fd, line.data(), line.size(), MSG_NOSIGNAL);
    bool cut = false;
    for (int i = 0; i < 40 && !cut; ++i) {
        const std::string more = fmt::format("X-Slow-{}: a\r\n", i);
        send(fd, more.data(), more.size(), MSG_NOSIGNAL);
        cut = closed_by_server(fd, 100ms);
    }
    const double took = ms_since(start);
    close(fd);
    MESSAGE(fmt::format("a socket sending a header line every 100 ms was cut after {:.0f} ms (deadline 800 ms)", took));
    CHECK(cut);
    CHECK(took < 3000);
    CHECK(room.server.counts().cut >= 1);
}

TEST_CASE("phone server: one address holds at most its share of connections, and another device is still answered") {
    phones::ServerOptions options;
    options.per_address_connections = 8;
    HostileRoom room(options);
    std::vector<int> held;
    for (int i = 0; i < 30; ++i) held.push_back(connect_from(room.server.port(), "127.0.0.9"));
    int refused = 0;
    for (int fd : held) refused += closed_by_server(fd, 200ms) ? 1 : 0;
    MESSAGE(fmt::format("30 connections from one address: {} closed at once, {} held", refused, 30 - refused));
    CHECK(refused == 30 - 8);
    int status = 0;
    good_poll_ms(room, &status);
    CHECK(status == 200);
    for (int fd : held) close(fd);
}

TEST_CASE("phone server: one address cannot fill the meeting with made-up phone ids") {
    phones::ServerOptions options;
    options.limits.max_phones = 40;
    HostileRoom room(options);
    int taken = 0, refused = 0;
    for (int i = 0; i < 60; ++i) {
        const std::string id = fmt::format("{:032x}", i + 1);
        std::string request = fmt::format("GET {}/state HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Kartla: 1\r\nX-Kartla-Phone: {}\r\n\r\n",
                                          room.base(), room.server.port(), id);
        const int status = status_of(exchange(room.server.port(), request, "127.0.0.7"));
        taken += status == 200;
        refused += status == 429;
    }
    CHECK(taken == int(options.limits.new_phones_per_address));
    CHECK(refused == 60 - taken);
    // Every other device in the room still joins.
    for (int i = 0; i < 20; ++i) {
        std::string request = fmt::format("GET {}/state HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Kartla: 1\r\nX-Kartla-Phone: {:032x}\r\n\r\n",
                                          room.base(), room.server.port(), 1000 + i);
        CHECK(status_of(exchange(room.server.port(), request, fmt::format("127.0.0.{}", 100 + i))) == 200);
    }
}

TEST_CASE("phone server: the short address serves the page and its script and style without the token") {
    HostileRoom room;
    auto get = [&](const std::string& path) {
        return exchange(room.server.port(), fmt::format("GET {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", path, room.server.port()));
    };
    const std::string page = get("/");
    CHECK(status_of(page) == 200);
    CHECK(page.find(room.server.token()) == std::string::npos);
    CHECK(page.find("src=\"/phone.js\"") != std::string::npos);
    const std::string script = get("/phone.js");
    CHECK(status_of(script) == 200);
    CHECK(script.find("text/javascript") != std::string::npos);
    CHECK(script.find(room.server.token()) == std::string::npos);
    CHECK(status_of(get("/phone.css")) == 200);
    CHECK(status_of(get("/state")) == 404);
}
