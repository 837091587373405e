// The room server's decisions before any plugin sees a request, and the strict
// reading of the body: no socket, a clock the test moves (docs/phones.md).
#include "phones/join_address.hpp"
#include "phones/qr_code.hpp"
#include "phones/request_gate.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <vector>

using namespace kartla::phones;
using namespace std::chrono_literals;

namespace {

const std::string kToken = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const std::string kGatePhone = "0123456789abcdef0123456789abcdef";

RequestGate gate(Limits limits = {}) { return RequestGate(kToken, "K7M2PQ", {"192.168.1.20:8080"}, limits); }

RequestHead post(std::string path, std::string phone = kGatePhone) {
    RequestHead head;
    head.method = "POST";
    head.path = std::move(path);
    head.host = "192.168.1.20:8080";
    head.content_type = "application/json";
    head.kartla_header = "1";
    head.phone_id = std::move(phone);
    head.content_length = 20;
    return head;
}

RequestHead get(std::string path) {
    auto head = post(std::move(path));
    head.method = "GET";
    head.content_type.clear();
    head.content_length = 0;
    return head;
}

}  // namespace

TEST_CASE("phones: a request to a route with the right token, headers and phone goes on to the route") {
    auto g = gate();
    auto v = g.check(post("/" + kToken + "/cards"), Clock::now());
    CHECK(v.status == 0);
    CHECK(v.target == Target::Route);
    CHECK(v.name == "/cards");
}

TEST_CASE("phones: without the token a phone gets nothing but not found") {
    auto g = gate();
    auto now = Clock::now();
    for (std::string path : std::vector<std::string>{"/ABCDEFGHIJKLMNOPQRSTUVWXYA/cards", "/abcdefghijklmnopqrstuvwxyz/cards", "/ABC/cards",
                             "/cards", "/" + kToken.substr(0, 25), "/../etc/passwd", "/index.html"}) {
        INFO(path);
        CHECK(g.check(post(path), now).status == 404);
    }
    // No file but the page and its two: anything else under the token is a route name, and unknown routes are 404.
    CHECK(g.check(get("/" + kToken + "/index.html"), now).target == Target::Route);
    CHECK(g.check(get("/" + kToken + "/../../etc/passwd"), now).target == Target::Route);
}

TEST_CASE("phones: the page, its two files and the code page are served, nothing else from disk") {
    auto g = gate();
    auto now = Clock::now();
    CHECK(g.check(get("/" + kToken), now).target == Target::Page);
    CHECK(g.check(get("/" + kToken + "/"), now).target == Target::Page);
    auto script = g.check(get("/" + kToken + "/phone.js"), now);
    CHECK(script.target == Target::Asset);
    CHECK(script.name == "phone.js");
    CHECK(g.check(get("/" + kToken + "/phone.css"), now).target == Target::Asset);
    CHECK(g.check(get("/"), now).target == Target::CodePage);
    CHECK(g.check(post("/join"), now).target == Target::JoinByCode);
}

TEST_CASE("phones: another Host (DNS rebinding) is refused before anything else") {
    auto g = gate();
    auto head = post("/" + kToken + "/cards");
    head.host = "evil.example:8080";
    CHECK(g.check(head, Clock::now()).status == 421);
    head.host = "192.168.1.20:8081";
    CHECK(g.check(head, Clock::now()).status == 421);
    head.host = "192.168.1.20:8080";
    CHECK(g.check(head, Clock::now()).status == 0);
}

TEST_CASE("phones: a cross-site form cannot change the workshop: JSON, the custom header and the Origin are required") {
    auto g = gate();
    auto now = Clock::now();
    auto form = post("/" + kToken + "/cards");
    form.content_type = "application/x-www-form-urlencoded";
    CHECK(g.check(form, now).status == 415);
    auto no_header = post("/" + kToken + "/cards");
    no_header.kartla_header.clear();
    CHECK(g.check(no_header, now).status == 403);
    auto other_origin = post("/" + kToken + "/cards");
    other_origin.origin = "http://evil.example";
    CHECK(g.check(other_origin, now).status == 403);
    auto same_origin = post("/" + kToken + "/cards");
    same_origin.origin = "http://192.168.1.20:8080";
    CHECK(g.check(same_origin, now).status == 0);
}

TEST_CASE("phones: sizes: a body over 8 KB is refused with 413, a chunked body with 411") {
    auto g = gate();
    auto now = Clock::now();
    auto big = post("/" + kToken + "/cards");
    big.content_length = 8 * 1024 + 1;
    CHECK(g.check(big, now).status == 413);
    big.content_length = 1024 * 1024;
    CHECK(g.check(big, now).status == 413);
    auto chunked = post("/" + kToken + "/cards");
    chunked.chunked = true;
    CHECK(g.check(chunked, now).status == 411);
}

TEST_CASE("phones: a phone id that is not 32 hex digits is refused") {
    auto g = gate();
    for (std::string id : std::vector<std::string>{"", "0123", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcdeg",
                           "0123456789abcdef0123456789abcdef0"}) {
        INFO(id);
        CHECK(g.check(post("/" + kToken + "/cards", id), Clock::now()).status == 400);
    }
}

TEST_CASE("phones: one phone adds a burst of 5 cards, then 1 a second, and another phone is not held up") {
    auto g = gate();
    auto start = Clock::now();
    for (int i = 0; i < 5; ++i) CHECK(g.check(post("/" + kToken + "/cards"), start).status == 0);
    auto sixth = g.check(post("/" + kToken + "/cards"), start);
    CHECK(sixth.status == 429);
    CHECK(sixth.retry_after > 0);
    CHECK(g.check(post("/" + kToken + "/cards", "ffffffffffffffffffffffffffffffff"), start).status == 0);
    CHECK(g.check(post("/" + kToken + "/cards"), start + 1100ms).status == 0);
    CHECK(g.check(post("/" + kToken + "/cards"), start + 1200ms).status == 429);
    // Polling the state has its own, larger allowance.
    CHECK(g.check(get("/" + kToken + "/state"), start).status == 0);
}

TEST_CASE("phones: all phones together are limited too, and so are guesses of the code") {
    Limits limits;
    limits.total_burst = 20;
    limits.total_per_second = 1;
    auto g = gate(limits);
    auto now = Clock::now();
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        auto head = post("/join", "");
        if (g.check(head, now).status == 429) ++refused;
    }
    CHECK(refused == 20);
}

TEST_CASE("phones: one address cannot fill the meeting with made-up phone ids, and the full meeting says what to do") {
    Limits limits;
    limits.max_phones = 20;
    auto g = gate(limits);
    auto now = Clock::now();
    int taken = 0, refused = 0;
    for (int i = 0; i < 450; ++i) {
        char id[33];
        std::snprintf(id, sizeof id, "%032x", i);
        auto head = post("/" + kToken + "/cards", id);
        head.address = "192.168.1.66";
        auto v = g.check(head, now);
        if (v.status == 0) ++taken;
        if (v.status == 429) ++refused;
    }
    CHECK(taken == int(limits.new_phones_per_address));
    CHECK(refused == 450 - taken);
    // The real phones of the room, one address each, still join; the twenty-first finds it full, and is told what helps.
    for (int i = 0; i < 20 - taken; ++i) {
        auto head = post("/" + kToken + "/cards", std::string(31, 'a') + char('a' + i % 6));
        head.phone_id[0] = char('0' + i % 10);
        head.phone_id[1] = char('0' + i / 10);
        head.address = "192.168.1." + std::to_string(100 + i);
        CHECK(g.check(head, now).status == 0);
    }
    auto last = post("/" + kToken + "/cards", "ffffffffffffffffffffffffffffffff");
    last.address = "192.168.1.200";
    auto full = g.check(last, now);
    CHECK(full.status == 503);
    CHECK(full.error.find("facilitator") != std::string::npos);
    // A minute later the quiet ids are forgotten and the device may bring a new phone again.
    auto later = post("/" + kToken + "/cards", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
    later.address = "192.168.1.66";
    CHECK(g.check(later, now + 61s).status == 0);
}

TEST_CASE("phones: the code page's script and style are public, like the page, and nothing else is") {
    auto g = gate();
    auto now = Clock::now();
    auto script = g.check(get("/phone.js"), now);
    CHECK(script.status == 0);
    CHECK(script.target == Target::Asset);
    CHECK(script.name == "phone.js");
    CHECK(g.check(get("/phone.css"), now).target == Target::Asset);
    CHECK(g.check(get("/index.html"), now).status == 404);
    CHECK(g.check(get("/state"), now).status == 404);
    CHECK(g.check(post("/phone.js"), now).status != 0);
}

TEST_CASE("phones: the phones seen are counted, and a closed gate answers 410 to everything") {
    auto g = gate();
    auto now = Clock::now();
    g.check(post("/" + kToken + "/cards"), now);
    g.check(post("/" + kToken + "/cards", "ffffffffffffffffffffffffffffffff"), now);
    CHECK(g.phones_seen(now, 10s) == 2);
    CHECK(g.phones_seen(now + 11s, 10s) == 0);
    g.close();
    CHECK(g.check(get("/" + kToken), now).status == 410);
    CHECK(g.check(post("/" + kToken + "/cards"), now).status == 410);
}

TEST_CASE("phones: the code is compared without case, and the token and code are random") {
    auto g = gate();
    CHECK(g.code_matches("K7M2PQ"));
    CHECK(g.code_matches("k7m2pq"));
    CHECK_FALSE(g.code_matches("K7M2PR"));
    CHECK_FALSE(g.code_matches("K7M2P"));
    CHECK_FALSE(g.code_matches(""));
    std::set<std::string> tokens;
    for (int i = 0; i < 50; ++i) {
        auto token = random_token();
        CHECK(token.size() == 26);
        CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == std::string::npos);
        tokens.insert(token);
        auto code = random_code();
        CHECK(code.size() == 6);
        CHECK(code.find_first_of("0O1IL") == std::string::npos);
    }
    CHECK(tokens.size() == 50);
    CHECK(same_secret(kToken, kToken));
    CHECK_FALSE(same_secret(kToken + "A", kToken));
    CHECK_FALSE(same_secret("", kToken));
}

TEST_CASE("phones: the body must be one JSON object, valid UTF-8, shallow, without repeated keys") {
    CHECK(parse_body(R"({"title": "Klotter vid Östra torget"})", 8).has_value());
    CHECK((*parse_body(R"({"title": "Klotter vid Östra torget"})", 8))["title"] == "Klotter vid Östra torget");
    CHECK_FALSE(parse_body("", 8));
    CHECK_FALSE(parse_body("{", 8));
    CHECK_FALSE(parse_body(R"(["title"])", 8));
    CHECK_FALSE(parse_body(R"("title")", 8));
    CHECK_FALSE(parse_body("{\"title\": \"\xff\xfe\"}", 8));
    CHECK_FALSE(parse_body(R"({"title": "a", "title": "b"})", 8));
    CHECK_FALSE(parse_body(R"({"a": [[[[[[[[[1]]]]]]]]]})", 8));
    CHECK(parse_body(R"({"a": {"b": [1, 2]}, "c": "]]]]]]]]]]]]"})", 8).has_value());
    CHECK_FALSE(parse_body(std::string(8000, '['), 8));
}

TEST_CASE("phones: the join address fits a QR code, in upper case") {
    auto url = join_url("192.168.1.20", 8080, kToken);
    CHECK(url == "http://192.168.1.20:8080/" + kToken);
    CHECK(short_address("::1", 80) == "[::1]:80");
    auto code = qr_code("HTTP://192.168.1.20:8080/" + kToken);
    CHECK(code.size >= 21);
    CHECK(code.dark.size() == std::size_t(code.size * code.size));
    // The three finder patterns: a dark 7x7 ring in three corners.
    CHECK(code.at(0, 0));
    CHECK(code.at(code.size - 1, 0));
    CHECK(code.at(0, code.size - 1));
    CHECK_FALSE(code.at(1, 1));  // the light ring inside the top-left finder
    CHECK(code.at(3, 3));        // and its dark centre
    CHECK(default_bind_address() != "0.0.0.0");
}
