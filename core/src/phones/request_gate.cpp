#include "phones/request_gate.hpp"

#include "phones/join_address.hpp"

#include <algorithm>
#include <set>

namespace kartla::phones {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

Verdict refuse(int status, std::string error) { return Verdict{status, std::move(error)}; }

Verdict go(Target target, std::string name = {}) {
    Verdict v;
    v.target = target;
    v.name = std::move(name);
    return v;
}

// The page's own files; nothing else is ever served from disk.
bool is_asset(std::string_view name) { return name == "phone.js" || name == "phone.css"; }

// Deeper nesting than the page ever sends is refused before the JSON parser sees it.
bool nested_deeper_than(std::string_view body, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (char c : body) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return true;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return false;
}

}  // namespace

RequestGate::RequestGate(std::string token, std::string code, std::vector<std::string> allowed_hosts, Limits limits)
    : token_(std::move(token)), code_(std::move(code)), allowed_hosts_(std::move(allowed_hosts)), limits_(limits) {
    total_.tokens = limits_.total_burst;
}

bool RequestGate::take(Bucket& bucket, double rate, double burst, Clock::time_point now, double* retry_after) {
    if (bucket.at != Clock::time_point{}) {
        double elapsed = std::chrono::duration<double>(now - bucket.at).count();
        bucket.tokens = std::min(burst, bucket.tokens + std::max(0.0, elapsed) * rate);
    }
    bucket.at = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return true;
    }
    if (retry_after) *retry_after = (1.0 - bucket.tokens) / rate;
    return false;
}

// The phone's rate buckets; a new id is counted against its address, so one device
// cannot fill the meeting with made-up ids and keep the real phones out.
RequestGate::Phone* RequestGate::phone(const RequestHead& head, Clock::time_point now, Verdict& refusal) {
    auto found = phones_.find(head.phone_id);
    if (found != phones_.end()) return &found->second;
    if (phones_.size() >= limits_.max_phones) {
        // Forget phones not heard from for a minute; a room never has this many at once.
        std::erase_if(phones_, [&](const auto& entry) { return now - entry.second.seen > std::chrono::minutes(1); });
        if (phones_.size() >= limits_.max_phones) {
            refusal = refuse(503, "The meeting is full: ask the facilitator to close joining and open it again.");
            return nullptr;
        }
    }
    if (new_phones_.size() > 4 * limits_.max_phones)
        std::erase_if(new_phones_, [&](const auto& entry) { return now - entry.second.at > std::chrono::minutes(10); });
    auto [bucket, fresh_address] = new_phones_.try_emplace(head.address);
    if (fresh_address) bucket->second.tokens = limits_.new_phones_per_address;
    double retry = 0;
    if (!take(bucket->second, limits_.new_phone_per_second, limits_.new_phones_per_address, now, &retry)) {
        refusal = refuse(429, "Too many new phones from this device: wait a minute, or ask the facilitator.");
        refusal.retry_after = retry;
        return nullptr;
    }
    Phone fresh;
    fresh.edits.tokens = limits_.edit_burst;
    fresh.reads.tokens = limits_.read_burst;
    return &phones_.emplace(head.phone_id, fresh).first->second;
}

Verdict RequestGate::check(const RequestHead& head, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    // Against DNS rebinding: a page from another name that resolves here is not served.
    if (std::find(allowed_hosts_.begin(), allowed_hosts_.end(), lower(head.host)) == allowed_hosts_.end())
        return refuse(421, "This address is not the meeting's.");
    if (closed_) return refuse(410, "Joining is closed.");
    double retry = 0;
    if (!take(total_, limits_.total_per_second, limits_.total_burst, now, &retry)) {
        auto v = refuse(429, "Too many requests: wait a moment.");
        v.retry_after = retry;
        return v;
    }
    if (head.chunked) return refuse(411, "The request needs a length.");
    if (head.content_length > limits_.max_body_bytes) return refuse(413, "The text is too long.");
    if (head.method != "GET" && head.method != "POST") return refuse(405, "Not allowed.");

    if (head.path.empty() || head.path[0] != '/') return refuse(404, "Not found.");
    if (head.path == "/" && head.method == "GET") return go(Target::CodePage);
    // The code page's own script and style: public like the page, or there is no form to type the code in.
    if (head.method == "GET" && is_asset(std::string_view(head.path).substr(1))) return go(Target::Asset, head.path.substr(1));
    const std::string base = "/" + token_;
    if (head.path == "/join" && head.method == "POST") {
        if (auto v = check_route(head, "", now); v.status) return v;
        return go(Target::JoinByCode);
    }
    // The token is compared in constant time; a wrong one is told nothing more than "not found".
    const std::string_view given = std::string_view(head.path).substr(1, std::min(head.path.size(), base.size()) - 1);
    if (head.path.size() < base.size() || !same_secret(given, token_)) return refuse(404, "Not found.");
    std::string rest = head.path.substr(base.size());
    if (rest.empty() || rest == "/") return head.method == "GET" ? go(Target::Page) : refuse(405, "Not allowed.");
    if (head.method == "GET" && starts_with(rest, "/") && is_asset(rest.substr(1))) return go(Target::Asset, rest.substr(1));
    return check_route(head, rest, now);
}

// What every request to a route must carry; a request that passes is counted against its phone.
Verdict RequestGate::check_route(const RequestHead& head, const std::string& rest, Clock::time_point now) {
    if (head.kartla_header != "1") return refuse(403, "Not allowed.");
    if (head.method == "POST") {
        if (!starts_with(lower(head.content_type), "application/json")) return refuse(415, "Not allowed.");
        // A browser sends Origin with every cross-site POST: it must be this server.
        if (!head.origin.empty() && lower(head.origin) != "http://" + lower(head.host)) return refuse(403, "Not allowed.");
    }
    if (rest.empty()) return go(Target::Route);  // /join: no phone id yet
    if (!valid_phone_id(head.phone_id)) return refuse(400, "The page is out of date: reload it.");
    Verdict refusal;
    Phone* p = phone(head, now, refusal);
    if (!p) return refusal;
    p->seen = now;
    double retry = 0;
    bool edit = head.method == "POST";
    bool allowed = edit ? take(p->edits, limits_.edits_per_second, limits_.edit_burst, now, &retry)
                        : take(p->reads, limits_.reads_per_second, limits_.read_burst, now, &retry);
    if (!allowed) {
        auto v = refuse(429, "Too many requests: wait a moment.");
        v.retry_after = retry;
        return v;
    }
    return go(Target::Route, rest);
}

std::size_t RequestGate::phones_seen(Clock::time_point now, std::chrono::seconds window) const {
    std::lock_guard lock(mutex_);
    return std::size_t(std::count_if(phones_.begin(), phones_.end(),
                                     [&](const auto& entry) { return now - entry.second.seen <= window; }));
}

bool RequestGate::code_matches(std::string_view code) const {
    std::string upper(code);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return same_secret(upper, code_);
}

bool valid_phone_id(std::string_view id) {
    return id.size() == 32 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<nlohmann::json> parse_body(std::string_view body, std::size_t max_depth) {
    if (nested_deeper_than(body, max_depth)) return std::nullopt;
    bool duplicate = false;
    std::vector<std::set<std::string>> keys;  // one set per open object
    auto watch = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (event == E::object_start) keys.emplace_back();
        else if (event == E::object_end && !keys.empty()) keys.pop_back();
        else if (event == E::key && !keys.empty() && !keys.back().insert(parsed.get<std::string>()).second) duplicate = true;
        return true;
    };
    auto value = nlohmann::json::parse(body.begin(), body.end(), watch, /*allow_exceptions=*/false);
    if (value.is_discarded() || !value.is_object() || duplicate) return std::nullopt;
    return value;
}

}  // namespace kartla::phones
