// Any bytes as a phone's request to the room server: the head through the
// request gate, the body through the strict JSON reader. The gate's answers stay
// within what docs/phones.md promises, and a body it accepts is one object.
#include "byte_source.hpp"
#include "fuzz_bodies.hpp"
#include "phones/request_gate.hpp"

#include <set>

namespace kartla::fuzz {

namespace {

constexpr const char* kTarget = "phone_request";

void require(bool holds, const std::string& what) {
    if (!holds) fail(kTarget, what);
}

const std::set<int> kStatuses = {0, 400, 403, 404, 405, 410, 411, 413, 415, 421, 429, 503};

}  // namespace

int phone_request(const std::uint8_t* data, std::size_t size) {
    ByteSource in(data, size);
    const std::string token = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    phones::Limits limits;
    limits.max_phones = 4;  // so the fuzzer reaches the full meeting too
    phones::RequestGate gate(token, "K7M2PQ", {"127.0.0.1:8080"}, limits);
    const auto start = phones::Clock::now();
    for (int i = 0, n = in.number(7) + 1; i < n; ++i) {
        phones::RequestHead head;
        head.method = in.flag() ? "POST" : in.text();
        // Mostly the right token, so the checks behind it are reached.
        head.path = in.flag() ? "/" + token + in.text() : in.text();
        head.host = in.flag() ? "127.0.0.1:8080" : in.text();
        head.address = in.flag() ? "192.168.1.20" : in.text();  // mostly one device, so its limit on new phones is reached
        head.origin = in.flag() ? "" : in.text();
        head.content_type = in.flag() ? "application/json" : in.text();
        head.kartla_header = in.flag() ? "1" : in.text();
        head.phone_id = in.flag() ? "0123456789abcdef0123456789abcdef" : in.text();
        head.content_length = std::size_t(in.number(255)) * 64;
        head.chunked = in.number(7) == 0;
        const auto now = start + std::chrono::milliseconds(in.number(255) * 10 * i);
        auto verdict = gate.check(head, now);
        require(kStatuses.count(verdict.status) == 1, "an answer outside docs/phones.md: " + std::to_string(verdict.status));
        if (verdict.status == 0) {
            require(verdict.target != phones::Target::None, "accepted without a target");
            require(head.host == "127.0.0.1:8080", "accepted another Host");
            if (verdict.target == phones::Target::Asset && head.path.rfind("/" + token, 0) != 0)
                require(head.method == "GET" && (head.path == "/phone.js" || head.path == "/phone.css"),
                        "a file served without the token that is not the page's script or style");
            if (verdict.target == phones::Target::Asset)
                require(verdict.name == "phone.js" || verdict.name == "phone.css", "served a file that is not the page's");
            if (verdict.target == phones::Target::Route && head.path != "/join") {
                require(head.path.rfind("/" + token, 0) == 0, "a route without the token");
                require(phones::valid_phone_id(head.phone_id), "a route without a valid phone id");
            }
            if (head.method == "POST") {
                require(head.content_length <= limits.max_body_bytes && !head.chunked, "accepted an oversized body");
                require(head.kartla_header == "1", "accepted a POST without X-Kartla");
            }
        }
        const std::string body = in.text();
        if (auto json = phones::parse_body(body, limits.max_json_depth)) require(json->is_object(), "a body that is not an object");
    }
    return 0;
}

}  // namespace kartla::fuzz
