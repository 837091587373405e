#pragma once
// What the room server decides about a request before it reads the body, and
// the strict reading of the body: the part of serving phones that needs no
// socket, so it is unit-tested and fuzzed on its own (docs/phones.md).
#include "kartla/api.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kartla::phones {

struct Limits {
    std::size_t max_body_bytes = 8 * 1024;  // anything longer: 413
    std::size_t max_json_depth = 8;         // the phone page nests 2 levels
    double edits_per_second = 1.0;          // per phone, requests that change the workshop
    double edit_burst = 5;
    double reads_per_second = 4.0;          // per phone, polls of the state
    double read_burst = 10;
    double total_per_second = 400.0;        // all phones together, and code guesses
    double total_burst = 800;
    std::size_t max_phones = 400;           // phones remembered at once (their rate buckets)
    double new_phones_per_address = 8;      // new phone ids one address may bring at once (a phone, its
    double new_phone_per_second = 1.0 / 30; // browsers, a private window), and one more every 30 s
};

// A request as the server sees it once the headers are in.
struct RequestHead {
    std::string method;        // "GET", "POST", ...
    std::string path;          // without the query
    std::string address;       // the client's IP address, "" when unknown
    std::string host;          // the Host header
    std::string origin;        // the Origin header, "" when absent
    std::string content_type;  // "" when absent
    std::string kartla_header; // X-Kartla: a cross-site form cannot send it
    std::string phone_id;      // X-Kartla-Phone
    std::size_t content_length = 0;
    bool chunked = false;      // any Transfer-Encoding header, whatever its value or case
    std::string language;      // "sv" or "en", from Accept-Language: what the phone is answered in
};

enum class Target { None, CodePage, JoinByCode, Page, Asset, Route };

struct Verdict {
    int status = 0;            // 0: go on; else the HTTP status to answer with
    std::string error;         // English msgid for the phone, with a refusal
    Target target = Target::None;
    std::string name;          // the asset's file name or the route's path ("/cards")
    double retry_after = 0;    // seconds, with 429
};

using Clock = std::chrono::steady_clock;

class KARTLA_API RequestGate {
public:
    RequestGate(std::string token, std::string code, std::vector<std::string> allowed_hosts, Limits limits = {});

    // Decides on a request from its head; counts it against the rates.
    Verdict check(const RequestHead& head, Clock::time_point now);
    // A phone that gave the right token and a valid id within the last `window`.
    std::size_t phones_seen(Clock::time_point now, std::chrono::seconds window) const;
    bool code_matches(std::string_view code) const;
    const Limits& limits() const { return limits_; }
    // Joining closed: every request is answered 410 from now on.
    void close() { closed_ = true; }
    bool closed() const { return closed_; }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point at{};
    };
    struct Phone {
        Bucket edits, reads;
        Clock::time_point seen{};
    };
    bool take(Bucket& bucket, double rate, double burst, Clock::time_point now, double* retry_after);
    Verdict check_route(const RequestHead& head, const std::string& rest, Clock::time_point now);
    Phone* phone(const RequestHead& head, Clock::time_point now, Verdict& refusal);

    std::string token_;
    std::string code_;
    std::vector<std::string> allowed_hosts_;
    Limits limits_;
    bool closed_ = false;
    mutable std::mutex mutex_;
    Bucket total_;
    std::map<std::string, Phone> phones_;
    std::map<std::string, Bucket> new_phones_;  // per client address
};

// The phone's anonymous id: 32 lower-case hex digits (128 random bits).
KARTLA_API bool valid_phone_id(std::string_view id);
// The body as a JSON object, or nothing: invalid JSON or UTF-8, another type at
// the top, nesting deeper than `max_depth`, or a duplicated key.
KARTLA_API std::optional<nlohmann::json> parse_body(std::string_view body, std::size_t max_depth);

}  // namespace kartla::phones
