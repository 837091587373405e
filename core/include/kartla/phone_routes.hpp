#pragma once
// The SDK: what phones in the room may ask of a plugin (Host::add_phone_route).
#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>

namespace kartla {

// Phones in the room (docs/phones.md). A request reaches a plugin's route only
// after the room server has checked it: the join token, the Host and Origin
// headers, the size, the phone's rate, and strict JSON. A POST is handled on the
// main thread between frames, so the route edits through Host::edit exactly as
// an edit made at the screen (undo, the personal-data guard, crash safety). A GET
// is a read that never waits for the main thread: the server calls the route on
// the main thread with an empty phone_id whenever the workshop's revision moved
// (read the workshop then and keep the result behind a mutex), and on its own
// threads, concurrently, for each phone's request (answer from what was kept;
// touch neither the workshop nor the Host). See docs/plugins.md.
struct PhoneRequest {
    std::string phone_id;  // the phone's anonymous random id: 32 hex digits, nothing else is known of it
    std::string language;  // "sv" or "en", from the phone's browser
    const nlohmann::json& body;  // a JSON object ({} for GET)
};

struct PhoneRouteSpec {
    std::string method;  // "GET" or "POST"
    std::string path;    // below the join address: "/cards"
    // Fills `reply` (a JSON object) and returns the HTTP status: 200, or 4xx
    // with {"error": "<English msgid>"} for a refusal the phone shows.
    std::function<int(const PhoneRequest&, nlohmann::json& reply)> handle;
    // A GET may answer a phone's request with the JSON text itself (on the server's
    // threads, from what was kept, as above): the part every phone shares encoded
    // once per publication, only the phone's own bits per request. Empty: `handle`
    // answers, and the server encodes its reply.
    std::function<int(const PhoneRequest&, std::string& json_text)> answer_text;
};

}  // namespace kartla
