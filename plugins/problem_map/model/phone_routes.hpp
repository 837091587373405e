#pragma once
// What phones in the room may ask of the problem picture (docs/phones.md):
// the state a phone shows, a new card, and its dots. The room server has
// checked the request already; here the body is read as a card or a vote and
// answered as JSON. No ImGui: tested without a window or a socket.
#include "edits.hpp"
#include "queries.hpp"

#include "kartla/plugin_api.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kartla::problem_map::phone_routes {

class StateText;

inline constexpr std::size_t kMaxTitleChars = 200;
inline constexpr std::size_t kMaxLineChars = 200;         // place, when
inline constexpr std::size_t kMaxDescriptionChars = 2000;
inline constexpr std::size_t kMaxCardsShown = 300;        // a phone lists at most this many
// The languages a phone may read (its browser's Accept-Language; the room server tells which).
inline constexpr std::string_view kPhoneLanguages[] = {"sv", "en"};

// This plugin's msgid in a phone's language, whatever the screen speaks (Host::tr_in).
using PhoneWords = std::function<const char*(std::string_view language, const char* msgid)>;

// A card as a phone sent it, or the HTTP status and message that refuse it.
struct CardReading {
    std::optional<edits::PhoneCard> card;
    int status = 0;
    const char* error = nullptr;  // English msgid
};
CardReading read_card(const nlohmann::json& body);

// What every phone's view is made from, read in one go: the phase, the categories,
// the cards phones may see (at most kMaxCardsShown) and the phones' dots.
struct RoomState {
    bool silent_round = false, voting = false, ranking = false;
    int dots_per_phone = 1;
    std::vector<Category> categories;
    // The categories' names in each of kPhoneLanguages, in the order of `categories` (name_categories).
    std::map<std::string, std::vector<std::string>, std::less<>> category_names;
    struct Listed {
        Id id = 0;
        std::string title;
        int dots = 0;  // everyone's, when `ranking`
    };
    std::vector<Listed> cards;  // revealed only, in the order phones show them
    // Each phone's dots, by card: all phones, or the one asked for.
    std::unordered_map<std::string, std::vector<std::pair<Id, int>>> phone_dots;
};
// `only_phone` empty: every phone's dots (a snapshot for all polls).
RoomState read_room(Database& db, std::string_view only_phone = {});
// Names the categories in every language a phone may read; `words` null: the stored names and msgids.
void name_categories(RoomState& room, const PhoneWords& words);
// What one phone shows, in its language: the phase, its dots, the categories and the revealed cards.
nlohmann::json state_for(const RoomState& room, std::string_view phone, std::string_view language);
nlohmann::json state(Database& db, std::string_view phone, std::string_view language, const PhoneWords& words);

// What a handler works with: the plugin's Host in the program, a workshop in tests.
struct Room {
    Editor& editor;       // makes the edits
    Workshop* workshop;   // null: none open
    PhoneWords words;
    placement::Rect view = edits::kPhoneCardsWithoutView;  // where new cards go: the board the room sees
    // The snapshot of the workshop's revision now, whose grid answers where the cards are (none: the file does).
    std::function<std::shared_ptr<const Snapshot>()> snapshot = nullptr;
};

// The edits' handlers, on the main thread. Each returns the HTTP status.
int get_state(const Room& room, const PhoneRequest& request, nlohmann::json& reply);
int post_card(const Room& room, const PhoneRequest& request, nlohmann::json& reply);
int post_votes(const Room& room, const PhoneRequest& request, nlohmann::json& reply);

// GET /state as the room server calls it: with no phone on the main thread whenever the
// workshop's revision moved (the room is read once, for all phones), then on the server's
// threads for each phone, answered from that publication. Never touches the workshop then.
class PublishedState {
public:
    // Main thread: the room as it is now (no workshop: joining is closed), the categories named in every phone language.
    void publish(Workshop* workshop, const PhoneWords& words);
    // Any thread: what `phone` shows, in its language, from the last publication; the HTTP status.
    int answer(std::string_view phone, std::string_view language, nlohmann::json& reply) const;
    // The same as JSON text, the shared part encoded once per publication (StateText).
    int answer_text(std::string_view phone, std::string_view language, std::string& text) const;

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const StateText> state_;  // null: none open, or not published yet
};

// Registers GET /state, POST /cards and POST /votes. `view`: the world rectangle the
// facilitator's board shows (none without a window), where phones' cards go; `snapshot`:
// the workshop's snapshot now (Room::snapshot).
void add_routes(Host& host, std::function<std::optional<placement::Rect>()> view,
                std::function<std::shared_ptr<const Snapshot>()> snapshot);

}  // namespace kartla::problem_map::phone_routes
