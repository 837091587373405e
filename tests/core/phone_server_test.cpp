// The room server over real sockets on 127.0.0.1: a route's edit lands in the
// workshop through the main thread's pump, and hostile requests are refused
// without harm (docs/phones.md). The problem map's own routes are tested with
// the plugin.
#include "host/paths.hpp"
#include "host/runtime.hpp"
#include "kartla/core_data.hpp"
#include "phones/phone_server.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <future>
#include <mutex>
#include <thread>

using namespace kartla;
using namespace std::chrono_literals;

namespace {

const std::string kPhone = "00112233445566778899aabbccddeeff";

struct Room {
    Runtime runtime;
    phones::PhoneServer server{runtime};
    int notes = 0;
    std::atomic<int> publications{0};
    std::mutex published_mutex;
    std::string published_purpose;

    Room() {
        // The server closes on a body it refused; the client's next write must fail, not end the test.
        std::signal(SIGPIPE, SIG_IGN);
        runtime.set_workshop(Workshop::in_memory());
        runtime.core_host().add_phone_route({"POST", "/purpose", [this](const PhoneRequest& request, nlohmann::json& reply) {
            const auto& text = request.body.at("text");
            auto result = runtime.core_host().edit("Edit the purpose", [&](Database& db) {
                core_data::set_meta(db, "purpose", text.get<std::string>());
            });
            ++notes;
            reply["saved"] = bool(result);
            return result ? 200 : 409;
        }});
        runtime.core_host().add_phone_route({"GET", "/state", [](const PhoneRequest& request, nlohmann::json& reply) {
            reply["phone"] = request.phone_id;  // a GET runs on the server's threads: it reads no workshop
            return 200;
        }});
        // A read: published on the main thread (no phone), answered on the server's threads.
        runtime.core_host().add_phone_route({"GET", "/published", [this](const PhoneRequest& request, nlohmann::json& reply) {
            if (request.phone_id.empty()) {
                ++publications;
                std::lock_guard lock(published_mutex);
                published_purpose = core_data::meta(runtime.workshop()->db(), "purpose");
                return 200;
            }
            std::lock_guard lock(published_mutex);
            reply["purpose"] = published_purpose;
            reply["language"] = request.language;
            return 200;
        }});
        phones::ServerOptions options;
        options.bind = "127.0.0.1";
        options.page_dir = paths::asset_dir() / "phones";
        options.io_timeout = 1s;
        std::string problem;
        REQUIRE_MESSAGE(server.start(options, &problem), problem);
    }
    ~Room() { server.stop(); }

    std::string purpose() { return core_data::meta(runtime.workshop()->db(), "purpose"); }
};

httplib::Headers phone_headers() {
    return {{"X-Kartla", "1"}, {"X-Kartla-Phone", kPhone}};
}

// Runs `request` on another thread while this one answers the queue, as the window's frames do.
template <typename Fn>
auto while_pumping(Room& room, Fn request) {
    auto answer = std::async(std::launch::async, request);
    while (answer.wait_for(1ms) != std::future_status::ready) room.server.pump();
    return answer.get();
}

httplib::Client client(Room& room) {
    httplib::Client c("127.0.0.1", room.server.port());
    c.set_read_timeout(5, 0);
    return c;
}

std::string base(Room& room) { return "/" + room.server.token(); }

// Raw bytes to the server, for what httplib's client would never send.
std::string raw_exchange(int port, const std::string& bytes, std::chrono::milliseconds linger = 0ms) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(std::uint16_t(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    std::this_thread::sleep_for(linger);
    timeval timeout{3, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string got;
    char buffer[4096];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) got.append(buffer, std::size_t(n));
    close(fd);
    return got;
}

}  // namespace

TEST_CASE("phone server: the join address ends in the token, and a POST there edits the workshop on the main thread") {
    Room room;
    CHECK(room.server.url() == "http://127.0.0.1:" + std::to_string(room.server.port()) + "/" + room.server.token());
    CHECK(room.server.qr_text().find("HTTP://127.0.0.1:") == 0);
    auto answer = while_pumping(room, [&] {
        return client(room).Post(base(room) + "/purpose", phone_headers(), R"({"text": "Trygghet på Östra torget"})",
                                 "application/json");
    });
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(room.purpose() == "Trygghet på Östra torget");
    CHECK(room.runtime.workshop()->can_undo());  // an edit like any other: one undo step
    CHECK(room.server.phones_connected() == 1);
    auto state = while_pumping(room, [&] { return client(room).Get(base(room) + "/published", phone_headers()); });
    REQUIRE(state);
    CHECK(nlohmann::json::parse(state->body)["purpose"] == "Trygghet på Östra torget");
    CHECK(state->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE("phone server: a poll is answered without the main thread, from what it published for the revision") {
    Room room;
    auto c = client(room);
    auto sv = phone_headers();
    sv.emplace("Accept-Language", "sv-SE,sv;q=0.9");
    // Nobody pumps: an answer that waited for the main thread would not come.
    auto first = c.Get(base(room) + "/published", sv);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(nlohmann::json::parse(first->body)["language"] == "sv");
    auto english = c.Get(base(room) + "/published", phone_headers());
    REQUIRE(english);
    CHECK(nlohmann::json::parse(english->body)["language"] == "en");
    const int published = room.publications;
    CHECK(published == 1);  // once for the revision, at start, however many phones ask
    // An edit's answer leaves only after the next publication: the poll after it sees it.
    auto saved = while_pumping(room, [&] {
        return c.Post(base(room) + "/purpose", phone_headers(), R"({"text": "Trygghet på torget"})", "application/json");
    });
    REQUIRE(saved);
    CHECK(saved->status == 200);
    auto after = c.Get(base(room) + "/published", sv);
    REQUIRE(after);
    CHECK(nlohmann::json::parse(after->body)["purpose"] == "Trygghet på torget");
    CHECK(room.publications == published + 1);
    room.server.pump();  // nothing moved: nothing published again
    CHECK(room.publications == published + 1);
    CHECK(room.server.counts().read == 3);
}

TEST_CASE("phone server: the page and its files are served, with a policy that loads nothing from elsewhere") {
    Room room;
    auto page = client(room).Get(base(room));
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("data-base=\"" + base(room) + "\"") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    CHECK(page->get_header_value("Referrer-Policy") == "no-referrer");
    auto script = client(room).Get(base(room) + "/phone.js");
    REQUIRE(script);
    CHECK(script->status == 200);
    CHECK(script->get_header_value("Content-Type").find("javascript") != std::string::npos);
    for (std::string other : {"/index.html", "/phone.js", "/../../etc/passwd", "/state"}) {
        auto none = client(room).Get(base(room) + other + (other == "/state" ? "x" : ""), phone_headers());
        INFO(other);
        if (other == "/phone.js") continue;
        // httplib itself drops a path that climbs out with "..": no answer at all is as good as 404.
        CHECK((!none || none->status == 404 || none->status == 400));
    }
    auto code_page = client(room).Get("/");
    REQUIRE(code_page);
    CHECK(code_page->body.find("data-base=\"\"") != std::string::npos);
    CHECK(code_page->body.find(room.server.token()) == std::string::npos);
}

TEST_CASE("phone server: the code typed on the phone gives the join address, a wrong one nothing") {
    Room room;
    auto right = client(room).Post("/join", phone_headers(), nlohmann::json{{"code", room.server.code()}}.dump(),
                                   "application/json");
    REQUIRE(right);
    CHECK(right->status == 200);
    CHECK(nlohmann::json::parse(right->body)["url"] == base(room));
    auto wrong = client(room).Post("/join", phone_headers(), R"({"code": "AAAAAA"})", "application/json");
    REQUIRE(wrong);
    CHECK(wrong->status == 403);
    CHECK(wrong->body.find(room.server.token()) == std::string::npos);
}

TEST_CASE("phone server: another token, a 1 MB body, bad JSON and invalid UTF-8 are refused and nothing changes") {
    Room room;
    auto c = client(room);
    std::string other = "/AAAAAAAAAAAAAAAAAAAAAAAAAA";
    auto wrong_token = c.Post(other + "/purpose", phone_headers(), R"({"text": "x"})", "application/json");
    REQUIRE(wrong_token);
    CHECK(wrong_token->status == 404);
    std::string huge = R"({"text": ")" + std::string(1024 * 1024, 'a') + "\"}";
    auto too_big = c.Post(base(room) + "/purpose", phone_headers(), huge, "application/json");
    CHECK((!too_big || too_big->status == 413));
    for (const std::string& body : {std::string("{"), std::string("[1]"), std::string("{\"text\": \"\xc3\x28\"}"),
                             std::string(R"({"text": "a", "text": "b"})")}) {
        auto bad = c.Post(base(room) + "/purpose", phone_headers(), body, "application/json");
        REQUIRE(bad);
        CHECK(bad->status == 400);
    }
    auto form = c.Post(base(room) + "/purpose", phone_headers(), "text=x", "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 415);
    CHECK(room.notes == 0);
    CHECK(room.purpose().empty());
}

TEST_CASE("phone server: an oversized chunked upload is refused before it is read") {
    Room room;
    std::string request = "POST " + base(room) + "/purpose HTTP/1.1\r\nHost: 127.0.0.1:" +
                          std::to_string(room.server.port()) +
                          "\r\nX-Kartla: 1\r\nX-Kartla-Phone: " + kPhone +
                          "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 64; ++i) request += "4000\r\n" + std::string(0x4000, 'a') + "\r\n";  // 1 MB in chunks
    std::string answer = raw_exchange(room.server.port(), request);
    CHECK(answer.find("HTTP/1.1 411") == 0);
    CHECK(room.notes == 0);
}

TEST_CASE("phone server: a wrong Host header (DNS rebinding) is refused") {
    Room room;
    std::string request = "GET " + base(room) + " HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n";
    CHECK(raw_exchange(room.server.port(), request).find("HTTP/1.1 421") == 0);
}

TEST_CASE("phone server: slow clients that never finish a request do not hold up a phone") {
    Room room;
    std::vector<std::thread> slow;
    for (int i = 0; i < 8; ++i)
        slow.emplace_back([&] { raw_exchange(room.server.port(), "POST " + base(room) + "/purpose HTTP/1.1\r\nHost: ", 1500ms); });
    std::this_thread::sleep_for(100ms);
    auto answer = while_pumping(room, [&] {
        return client(room).Post(base(room) + "/purpose", phone_headers(), R"({"text": "still here"})",
                                 "application/json");
    });
    for (auto& t : slow) t.join();
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(room.purpose() == "still here");
}

TEST_CASE("phone server: a burst of 10,000 requests is answered or refused, and the server goes on") {
    Room room;
    std::atomic<int> refused{0}, answered{0}, failed{0};
    auto burst = std::async(std::launch::async, [&] {
        std::vector<std::thread> senders;
        for (int t = 0; t < 8; ++t)
            senders.emplace_back([&] {
                httplib::Client c("127.0.0.1", room.server.port());
                c.set_read_timeout(5, 0);
                for (int i = 0; i < 1250; ++i) {
                    auto r = c.Get("/" + std::string(26, 'A') + "/state");
                    if (!r) ++failed;
                    else if (r->status >= 400) ++refused;
                    else ++answered;
                }
            });
        for (auto& s : senders) s.join();
    });
    while (burst.wait_for(1ms) != std::future_status::ready) room.server.pump();
    CHECK(refused + answered + failed == 10000);
    CHECK(answered == 0);  // without the token nothing is answered
    CHECK(failed < 100);
    std::this_thread::sleep_for(2100ms);  // the total allowance fills again
    auto after = while_pumping(room, [&] { return client(room).Get(base(room) + "/state", phone_headers()); });
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("phone server: closing joining answers 410, and stop() answers what was accepted first") {
    Room room;
    auto c = client(room);
    room.server.close_joining();
    auto closed = c.Get(base(room) + "/state", phone_headers());
    REQUIRE(closed);
    CHECK(closed->status == 410);
    // Accepted before the stop: answered by stop() itself, and in the workshop.
    Room second;
    auto pending = std::async(std::launch::async, [&] {
        return client(second).Post(base(second) + "/purpose", phone_headers(), R"({"text": "last card"})",
                                   "application/json");
    });
    while (second.server.waiting() == 0) std::this_thread::sleep_for(1ms);
    second.server.stop();
    auto answer = pending.get();
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(second.purpose() == "last card");
    CHECK_FALSE(second.server.running());
}
