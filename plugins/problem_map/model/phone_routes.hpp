#pragma once
// What phones in the room may ask of the problem picture (docs/phones.md):
// the state a phone shows, a new card, and its dots. The room server has
// checked the request already; here the body is read as a card or a vote and
// answered as JSON. No ImGui: tested without a window or a socket.
#include "edits.hpp"
#include "queries.hpp"

#include "kartla/plugin_api.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace kartla::problem_map::phone_routes {

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxLineChars = 200;         // place, when
inline constexpr std::size_t kMaxDescriptionChars = 2000;
inline constexpr std::size_t kMaxCardsShown = 300;        // a phone lists at most this many

// A card as a phone sent it, or the HTTP status and message that refuse it.
struct CardReading {
    std::optional<edits::PhoneCard> card;
    int status = 0;
    const char* error = nullptr;  // English msgid
};
CardReading read_card(const nlohmann::json& body);

// What one phone shows: the phase, its dots, the categories and the revealed cards.
nlohmann::json state(Database& db, std::string_view phone, const Translate& tr);

// What a handler works with: the plugin's Host in the program, a workshop in tests.
struct Room {
    Editor& editor;       // makes the edits
    Workshop* workshop;   // null: none open
    Translate tr;
};

// The routes' handlers, on the main thread. Each returns the HTTP status.
int get_state(const Room& room, const PhoneRequest& request, nlohmann::json& reply);
int post_card(const Room& room, const PhoneRequest& request, nlohmann::json& reply);
int post_votes(const Room& room, const PhoneRequest& request, nlohmann::json& reply);

// Registers GET /state, POST /cards and POST /votes.
void add_routes(Host& host);

}  // namespace kartla::problem_map::phone_routes
