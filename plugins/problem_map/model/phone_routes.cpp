#include "phone_routes.hpp"

#include "phone_state_text.hpp"

#include "kartla/text_encode.hpp"

#include <algorithm>

namespace kartla::problem_map::phone_routes {

namespace {

std::size_t characters(std::string_view utf8) {
    return std::size_t(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A text field of the body: absent is empty; another type, or too long, refuses the card.
bool read_text(const nlohmann::json& body, const char* key, std::size_t max_chars, bool keep_newlines,
               std::string& out, CardReading& refusal) {
    auto found = body.find(key);
    if (found == body.end() || found->is_null()) return true;
    if (!found->is_string()) {
        refusal = {std::nullopt, 400, "The request is not valid JSON."};
        return false;
    }
    // The strict reader let only valid UTF-8 through; control characters (NUL too) go, as from a paste.
    out = text::without_control_chars(found->get<std::string>(), keep_newlines);
    if (characters(out) > max_chars) {
        refusal = {std::nullopt, 413, "The text is too long."};
        return false;
    }
    return true;
}

std::string trimmed(std::string text) {
    auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.back())) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && space(text[start])) ++start;
    return text.substr(start);
}

std::string setting(Database& db, std::string_view key) {
    return db.scalar_text("SELECT value FROM problem_map_setting WHERE key = ?", key);
}

std::vector<Category> categories(Database& db) {
    std::vector<Category> out;
    auto& q = db.prepare("SELECT id, name, msgid FROM problem_map_category ORDER BY position, id").with();
    while (q.step()) {
        Category category;
        category.id = q.int64(0);
        category.name = q.text(1);
        category.msgid = q.text(2);
        out.push_back(std::move(category));
    }
    return out;
}

}  // namespace

CardReading read_card(const nlohmann::json& body) {
    CardReading reading;
    edits::PhoneCard card;
    if (!read_text(body, "title", kMaxTitleChars, false, card.title, reading) ||
        !read_text(body, "place", kMaxLineChars, false, card.place, reading) ||
        !read_text(body, "when", kMaxLineChars, false, card.when_note, reading) ||
        !read_text(body, "description", kMaxDescriptionChars, true, card.description, reading))
        return reading;
    card.title = trimmed(card.title);
    if (card.title.empty()) return {std::nullopt, 400, "Write what happens first."};
    if (auto sent = body.find("sent_id"); sent != body.end() && !sent->is_null()) {
        const bool valid = sent->is_string() && sent->get<std::string>().size() == 32 &&
                           sent->get<std::string>().find_first_not_of("0123456789abcdef") == std::string::npos;
        if (!valid) return {std::nullopt, 400, "The page is out of date: reload it."};
        card.sent_id = sent->get<std::string>();
    }
    if (auto category = body.find("category_id"); category != body.end() && !category->is_null()) {
        if (!category->is_number_integer()) return {std::nullopt, 400, "The request is not valid JSON."};
        card.category = std::max<Id>(0, category->get<Id>());
    }
    reading.card = std::move(card);
    return reading;
}

RoomState read_room(Database& db, std::string_view only_phone) {
    RoomState room;
    room.silent_round = setting(db, "silent_round") == "1";
    room.voting = setting(db, "phone_voting") == "1";
    room.dots_per_phone = std::max(1, std::atoi(setting(db, "dots_per_voter").c_str()));
    const bool any_dots = db.scalar_int("SELECT EXISTS (SELECT 1 FROM problem_map_vote) OR "
                                        "EXISTS (SELECT 1 FROM problem_map_phone_vote)") != 0;
    // Once voting is closed and dots were given, the room sees the ranking; before, the board's order.
    room.ranking = !room.voting && any_dots;
    room.categories = categories(db);
    // Face-down cards are never listed: a phone must not see another phone's card before the reveal.
    auto& q = room.ranking
                  ? db.prepare("SELECT c.id, c.title, v.dots FROM "
                               "(SELECT card_id, SUM(dots) AS dots FROM (SELECT card_id, dots FROM problem_map_vote "
                               "UNION ALL SELECT card_id, dots FROM problem_map_phone_vote) GROUP BY card_id) AS v "
                               "JOIN problem_map_card AS c ON c.id = v.card_id AND c.hidden = 0 "
                               "ORDER BY v.dots DESC, c.id LIMIT ?1")
                        .with(std::int64_t(kMaxCardsShown))
                  : db.prepare("SELECT id, title, 0 FROM problem_map_card WHERE hidden = 0 ORDER BY id LIMIT ?1")
                        .with(std::int64_t(kMaxCardsShown));
    while (q.step()) room.cards.push_back({q.int64(0), q.text(1), q.integer(2)});
    auto& dots = only_phone.empty()
                     ? db.prepare("SELECT phone, card_id, dots FROM problem_map_phone_vote").with()
                     : db.prepare("SELECT phone, card_id, dots FROM problem_map_phone_vote WHERE phone = ?").with(only_phone);
    while (dots.step()) room.phone_dots[dots.text(0)].emplace_back(dots.int64(1), dots.integer(2));
    return room;
}

void name_categories(RoomState& room, const PhoneWords& words) {
    for (std::string_view language : kPhoneLanguages) {
        const Translate tr = words ? Translate([&words, language](const char* msgid) { return words(language, msgid); })
                                   : Translate();
        auto& names = room.category_names[std::string(language)];
        names.clear();
        for (const auto& category : room.categories) names.push_back(category_name(category, tr));
    }
}

nlohmann::json state_for(const RoomState& room, std::string_view phone, std::string_view language) {
    static const std::vector<std::pair<Id, int>> none;
    const auto found = room.phone_dots.find(std::string(phone));
    const auto& mine = found == room.phone_dots.end() ? none : found->second;
    int used = 0;
    for (const auto& given : mine) used += given.second;
    auto my_dots = [&mine](Id card) {
        for (const auto& given : mine)
            if (given.first == card) return given.second;
        return 0;
    };
    nlohmann::json cards = nlohmann::json::array();
    for (const auto& listed : room.cards) {
        nlohmann::json card = {{"id", listed.id}, {"title", listed.title}, {"my_dots", my_dots(listed.id)}};
        if (room.ranking) card["dots"] = listed.dots;
        cards.push_back(std::move(card));
    }
    auto named = room.category_names.find(language);
    if (named == room.category_names.end()) named = room.category_names.find("en");
    nlohmann::json names = nlohmann::json::array();
    for (std::size_t i = 0; i < room.categories.size(); ++i) {
        const auto& category = room.categories[i];
        const bool known = named != room.category_names.end() && i < named->second.size();
        names.push_back({{"id", category.id}, {"name", known ? named->second[i] : category_name(category, nullptr)}});
    }
    return {{"silent_round", room.silent_round},
            {"voting", room.voting},
            {"dots_per_phone", room.dots_per_phone},
            {"dots_left", std::max(0, room.dots_per_phone - used)},
            {"ranking", room.ranking},
            {"categories", std::move(names)},
            {"cards", std::move(cards)}};
}

nlohmann::json state(Database& db, std::string_view phone, std::string_view language, const PhoneWords& words) {
    RoomState room = read_room(db, phone);
    name_categories(room, words);
    return state_for(room, phone, language);
}

int get_state(const Room& room, const PhoneRequest& request, nlohmann::json& reply) {
    if (!room.workshop) return reply = {{"error", "Joining is closed."}}, 410;
    reply = state(room.workshop->db(), request.phone_id, request.language, room.words);
    return 200;
}

int post_card(const Room& room, const PhoneRequest& request, nlohmann::json& reply) {
    auto reading = read_card(request.body);
    if (!reading.card) return reply = {{"error", reading.error}}, reading.status;
    if (!room.workshop) return reply = {{"error", "Joining is closed."}}, 410;
    // The snapshot is taken before the edit begins: it is this revision's, and is let go before the next.
    const auto snapshot = room.snapshot ? room.snapshot() : nullptr;
    placement::CardsMeeting near;
    if (snapshot) near = [&snapshot](const placement::Rect& r) { return cards_meeting(*snapshot, r); };
    const auto kept = edits::create_card_from_phone(room.editor, *reading.card, room.view, nullptr, near);
    if (!kept.id) return reply = {{"error", "Something went wrong."}}, 503;
    reply = {{"id", kept.id}, {"face_down", kept.face_down}};
    if (!kept.again) return 201;
    reply["again"] = true;  // sent again (the phone never heard the answer): the card the meeting has
    return 200;
}

int post_votes(const Room& room, const PhoneRequest& request, nlohmann::json& reply) {
    const auto card = request.body.find("card_id");
    const auto dots = request.body.find("dots");
    if (card == request.body.end() || !card->is_number_integer() || dots == request.body.end() ||
        !dots->is_number_integer())
        return reply = {{"error", "The request is not valid JSON."}}, 400;
    if (!room.workshop) return reply = {{"error", "Joining is closed."}}, 410;
    Database& db = room.workshop->db();
    const Id card_id = card->get<Id>();
    const int count = int(std::clamp<std::int64_t>(dots->get<std::int64_t>(), -1, 1000));
    if (const char* refusal = edits::phone_dots_refusal(db, request.phone_id, card_id, count)) {
        reply = state(db, request.phone_id, request.language, room.words);
        reply["error"] = refusal;
        return 409;
    }
    if (!edits::set_phone_dots(room.editor, request.phone_id, card_id, count))
        return reply = {{"error", "Something went wrong."}}, 503;
    reply = state(db, request.phone_id, request.language, room.words);
    return 200;
}

void PublishedState::publish(Workshop* workshop, const PhoneWords& words) {
    std::shared_ptr<const StateText> read;
    if (workshop) {
        auto room = std::make_shared<RoomState>(read_room(workshop->db()));
        name_categories(*room, words);  // now, on the main thread: the server's threads never call into the host
        read = std::make_shared<const StateText>(std::move(room));
    }
    std::lock_guard lock(mutex_);
    state_ = std::move(read);
}

int PublishedState::answer(std::string_view phone, std::string_view language, nlohmann::json& reply) const {
    std::shared_ptr<const StateText> state;
    {
        std::lock_guard lock(mutex_);
        state = state_;
    }
    if (!state) return reply = {{"error", "Joining is closed."}}, 410;
    reply = state_for(state->room(), phone, language);
    return 200;
}

int PublishedState::answer_text(std::string_view phone, std::string_view language, std::string& text) const {
    std::shared_ptr<const StateText> state;
    {
        std::lock_guard lock(mutex_);
        state = state_;
    }
    if (!state) return text = R"({"error":"Joining is closed."})", 410;
    text = state->for_phone(phone, language);
    return 200;
}

void add_routes(Host& host, std::function<std::optional<placement::Rect>()> view,
                std::function<std::shared_ptr<const Snapshot>()> snapshot) {
    Host* h = &host;
    PhoneWords words = [h](std::string_view language, const char* msgid) { return h->tr_in(language, msgid); };
    // The workshop is asked for at each request: it may have been opened, closed or replaced since.
    // The board's grid only while a board is drawn: `kartla serve` keeps no snapshot of 50,000 cards for it.
    auto room = [h, words, view, snapshot] {
        const auto shown = view();
        return Room{*h, h->workshop(), words, shown.value_or(edits::kPhoneCardsWithoutView),
                    shown ? snapshot : std::function<std::shared_ptr<const Snapshot>()>()};
    };
    auto published = std::make_shared<PublishedState>();
    host.add_phone_route({"GET", "/state",
                          [h, words, published](const PhoneRequest& r, nlohmann::json& reply) {
                              if (!r.phone_id.empty()) return published->answer(r.phone_id, r.language, reply);
                              published->publish(h->workshop(), words);  // the main thread (PhoneServer)
                              return 200;
                          },
                          [published](const PhoneRequest& r, std::string& text) {
                              return published->answer_text(r.phone_id, r.language, text);  // the server's threads
                          }});
    host.add_phone_route({"POST", "/cards", [room](const PhoneRequest& r, nlohmann::json& reply) { return post_card(room(), r, reply); }});
    host.add_phone_route({"POST", "/votes", [room](const PhoneRequest& r, nlohmann::json& reply) { return post_votes(room(), r, reply); }});
}

}  // namespace kartla::problem_map::phone_routes
