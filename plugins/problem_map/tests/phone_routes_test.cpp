// The problem map's answers to phones (docs/phones.md), without a socket: a
// card sent during a silent round lands face down and is never shown to a
// phone, dots keep to the room's budget, and refusals leave the file unchanged.
#include "model/edits.hpp"
#include "model/phone_routes.hpp"
#include "model/queries.hpp"
#include "model/snapshot.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

using namespace kartla;
using namespace kartla::problem_map;
using fixture::number;
using fixture::text;

namespace {

const std::string kPhone = "0123456789abcdef0123456789abcdef";
const std::string kOther = "fedcba9876543210fedcba9876543210";

struct Setup {
    std::unique_ptr<Workshop> w = fixture::workshop_with_tables();
    phone_routes::Room room() { return {*w, w.get(), [](std::string_view, const char* m) { return m; }}; }

    std::pair<int, nlohmann::json> post(int (*handler)(const phone_routes::Room&, const PhoneRequest&, nlohmann::json&),
                                        const nlohmann::json& body, const std::string& phone = kPhone) {
        nlohmann::json reply;
        int status = handler(room(), PhoneRequest{phone, "sv", body}, reply);
        return {status, reply};
    }
    nlohmann::json state(const std::string& phone = kPhone) {
        nlohmann::json reply;
        REQUIRE(phone_routes::get_state(room(), PhoneRequest{phone, "sv", nlohmann::json::object()}, reply) == 200);
        return reply;
    }
    void set(const std::string& key, const std::string& value) {
        REQUIRE(w->edit("test", [&](Database& db) {
            db.run("INSERT INTO problem_map_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   key, value);
        }));
    }
};

}  // namespace

TEST_CASE("phones: a card from a phone lands in the file with its fields, one undo step") {
    Setup s;
    auto [status, reply] = s.post(phone_routes::post_card, {{"title", "  Klotter vid Östra torget "},
                                                            {"place", "Östra torget"},
                                                            {"when", "kvällar"},
                                                            {"description", "Rad ett\nrad två"},
                                                            {"category_id", 3}});
    CHECK(status == 201);
    const Id id = reply["id"].get<Id>();
    CHECK(text(*s.w, "SELECT title FROM problem_map_card WHERE id = " + std::to_string(id)) == "Klotter vid Östra torget");
    CHECK(text(*s.w, "SELECT place || '|' || when_note || '|' || description FROM problem_map_card WHERE id = " +
                         std::to_string(id)) == "Östra torget|kvällar|Rad ett\nrad två");
    CHECK(number(*s.w, "SELECT category_id FROM problem_map_card WHERE id = " + std::to_string(id)) == 3);
    CHECK(s.w->undo_step().msgid == "New problem card from a phone");
    REQUIRE(s.w->undo());
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 0);
}

TEST_CASE("phones: the same card sent twice (its answer lost on the way) is one card, and after an undo it can come again") {
    Setup s;
    const nlohmann::json card = {{"title", "Klotter vid Östra torget"}, {"sent_id", "00000000000000000000000000000abc"}};
    auto first = s.post(phone_routes::post_card, card);
    const auto history = number(*s.w, "SELECT count(*) FROM core_history");
    const auto revision = s.w->revision();
    auto again = s.post(phone_routes::post_card, card);
    CHECK(first.first == 201);
    CHECK(again.first == 200);
    CHECK(again.second["id"] == first.second["id"]);
    CHECK(again.second["again"] == true);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 1);
    // Found inside the card's own edit, which then writes nothing: no history entry, no new revision.
    CHECK(number(*s.w, "SELECT count(*) FROM core_history") == history);
    CHECK(s.w->revision() == revision);
    // Another card with another id is another card; a malformed id is refused, not ignored.
    CHECK(s.post(phone_routes::post_card, {{"title", "Klotter vid Östra torget"}, {"sent_id", std::string(32, 'f')}}).first == 201);
    CHECK(s.post(phone_routes::post_card, {{"title", "x"}, {"sent_id", "NOT-HEX"}}).first == 400);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 2);
    // Undo takes the card and its id together: the phone's retry then makes it anew.
    REQUIRE(s.w->undo());
    REQUIRE(s.w->undo());
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 0);
    CHECK(s.post(phone_routes::post_card, card).first == 201);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 1);
}

TEST_CASE("phones: during a silent round a phone's card is face down, and no phone sees it") {
    Setup s;
    REQUIRE(edits::start_silent_round(*s.w));
    auto [status, reply] = s.post(phone_routes::post_card, {{"title", "Narkotikaförsäljning vid skolan"}}, kOther);
    CHECK(status == 201);
    CHECK(reply["face_down"] == true);
    CHECK(number(*s.w, "SELECT hidden FROM problem_map_card") == 1);
    auto seen = s.state();
    CHECK(seen["silent_round"] == true);
    CHECK(seen["cards"].empty());
    CHECK(s.state(kOther)["cards"].empty());  // not even its sender's list shows it: the phone keeps its own
    REQUIRE(edits::reveal_all(*s.w));
    CHECK(s.state()["cards"].size() == 1);
}

TEST_CASE("phones: cards from phones never stack on the board") {
    Setup s;
    for (int i = 0; i < 20; ++i) CHECK(s.post(phone_routes::post_card, {{"title", "Kort " + std::to_string(i)}}).first == 201);
    CHECK(number(*s.w, "SELECT count(DISTINCT x || ',' || y) FROM problem_map_card") == 20);
}

TEST_CASE("phones: a card is refused, and nothing added, when its title is missing, not text or too long") {
    Setup s;
    CHECK(s.post(phone_routes::post_card, nlohmann::json::object()).first == 400);
    CHECK(s.post(phone_routes::post_card, {{"title", "   "}}).first == 400);
    CHECK(s.post(phone_routes::post_card, {{"title", 42}}).first == 400);
    CHECK(s.post(phone_routes::post_card, {{"title", "ok"}, {"category_id", "3"}}).first == 400);
    CHECK(s.post(phone_routes::post_card, {{"title", std::string(201, 'a')}}).first == 413);
    CHECK(s.post(phone_routes::post_card, {{"title", "ok"}, {"description", std::string(2001, 'b')}}).first == 413);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card") == 0);
    // 200 characters are 200 letters, not bytes: å ä ö take two bytes each.
    std::string swedish;
    for (int i = 0; i < 200; ++i) swedish += "ö";
    CHECK(s.post(phone_routes::post_card, {{"title", swedish}}).first == 201);
}

TEST_CASE("phones: control characters and an unknown category do not reach the file") {
    Setup s;
    static constexpr char kTitle[] = "Klotter\0\x07 vid torget";  // a NUL and a bell inside
    auto [status, reply] = s.post(phone_routes::post_card, {{"title", std::string(kTitle, sizeof kTitle - 1)},
                                                            {"category_id", 999999}});
    REQUIRE(status == 201);
    CHECK(text(*s.w, "SELECT title FROM problem_map_card") == "Klotter vid torget");
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card WHERE category_id IS NULL") == 1);
}

TEST_CASE("phones: dots only while voting is open, within the room's budget, movable and taken back") {
    Setup s;
    const Id a = s.post(phone_routes::post_card, {{"title", "A"}}).second["id"].get<Id>();
    const Id b = s.post(phone_routes::post_card, {{"title", "B"}}).second["id"].get<Id>();
    CHECK(s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", 1}}).first == 409);  // voting closed
    REQUIRE(edits::set_phone_voting(*s.w, true));
    auto [status, reply] = s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", 2}});
    CHECK(status == 200);
    CHECK(reply["dots_left"] == 1);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", b}, {"dots", 2}}).first == 409);  // 2 + 2 > 3
    CHECK(s.post(phone_routes::post_votes, {{"card_id", b}, {"dots", 1}}).first == 200);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", 0}}).first == 200);  // taken back
    CHECK(s.post(phone_routes::post_votes, {{"card_id", b}, {"dots", 3}}).first == 200);  // all on one
    CHECK(s.post(phone_routes::post_votes, {{"card_id", 12345}, {"dots", 1}}).first == 409);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", -1}}).first == 409);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", "a"}, {"dots", 1}}).first == 400);
    CHECK(number(*s.w, "SELECT sum(dots) FROM problem_map_phone_vote WHERE phone = '" + kPhone + "'") == 3);
    // Another phone has dots of its own; both count in the room's ranking, one voter each.
    CHECK(s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", 1}}, kOther).first == 200);
    auto snap = load_snapshot(s.w->db());
    CHECK(snap.dots(b) == 3);
    CHECK(snap.dots(a) == 1);
    CHECK(rank_of(snap, b) == 1);
    CHECK(ranking(snap).front().voters == 1);
    REQUIRE(edits::set_phone_voting(*s.w, false));
    auto shown = s.state();
    CHECK(shown["ranking"] == true);
    CHECK(shown["cards"][0]["id"] == b);
    CHECK(shown["cards"][0]["dots"] == 3);
    CHECK(shown["cards"][0]["my_dots"] == 3);
}

TEST_CASE("phones: clearing the votes clears the phones' dots too, and deleting a card its dots") {
    Setup s;
    const Id a = s.post(phone_routes::post_card, {{"title", "A"}}).second["id"].get<Id>();
    REQUIRE(edits::set_phone_voting(*s.w, true));
    REQUIRE(s.post(phone_routes::post_votes, {{"card_id", a}, {"dots", 2}}).first == 200);
    REQUIRE(edits::delete_cards(*s.w, {a}));
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_phone_vote") == 0);
    REQUIRE(s.w->undo());
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_phone_vote") == 1);
    REQUIRE(edits::clear_votes(*s.w));
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_phone_vote") == 0);
}

TEST_CASE("phones: the state lists at most 300 cards, and the categories by name") {
    Setup s;
    REQUIRE(s.w->edit("many", [](Database& db) {
        for (int i = 0; i < 350; ++i) db.run("INSERT INTO problem_map_card(title, x, y) VALUES (?, ?, 0)", "Kort", i * 300);
    }));
    auto shown = s.state();
    CHECK(shown["cards"].size() == phone_routes::kMaxCardsShown);
    CHECK(shown["categories"].size() == 11);
    CHECK(shown["categories"][0]["name"] == "Organised crime");
    CHECK(shown["dots_per_phone"] == 3);
}

TEST_CASE("phones: a poll is answered from the state published for the revision, the same as read now") {
    Setup s;
    s.set("phone_voting", "1");
    CHECK(s.post(phone_routes::post_card, {{"title", "Klotter vid Östra torget"}}).first == 201);
    const Id card = number(*s.w, "SELECT max(id) FROM problem_map_card");
    CHECK(s.post(phone_routes::post_votes, {{"card_id", card}, {"dots", 2}}).first == 200);
    phone_routes::PublishedState published;
    nlohmann::json mine, other;
    CHECK(published.answer(kPhone, "sv", mine) == 410);  // nothing published yet
    // The screen may speak either language; each phone reads the categories in its own.
    const phone_routes::PhoneWords words = [](std::string_view language, const char* m) {
        return language == "sv" && std::string_view(m) == "Organised crime" ? "Organiserad brottslighet" : m;
    };
    published.publish(s.w.get(), words);
    REQUIRE(published.answer(kPhone, "sv", mine) == 200);
    REQUIRE(published.answer(kOther, "en", other) == 200);
    CHECK(other["dots_left"] == 3);
    // The category names were put in words when published (the server's threads never call the host).
    CHECK(mine["categories"][0]["name"] == "Organiserad brottslighet");
    CHECK(other["categories"][0]["name"] == "Organised crime");
    auto expected = s.state(kOther);
    expected["categories"] = other["categories"];
    CHECK(other == expected);
    mine["categories"] = s.state()["categories"];
    CHECK(mine == s.state());
    // A language no phone page speaks reads English, the msgids' language.
    REQUIRE(published.answer(kPhone, "de", mine) == 200);
    CHECK(mine["categories"][0]["name"] == "Organised crime");
    // Published is published: an edit since shows in the next publication, not in this one.
    CHECK(s.post(phone_routes::post_votes, {{"card_id", card}, {"dots", 0}}).first == 200);
    REQUIRE(published.answer(kPhone, "sv", mine) == 200);
    CHECK(mine["dots_left"] == 1);
    published.publish(s.w.get(), nullptr);
    REQUIRE(published.answer(kPhone, "sv", mine) == 200);
    CHECK(mine["dots_left"] == 3);
    // No workshop: joining is closed.
    published.publish(nullptr, nullptr);
    CHECK(published.answer(kPhone, "sv", mine) == 410);
}

TEST_CASE("phones: a poll's text, its shared part encoded once per publication, is the answer encoded whole") {
    Setup s;
    s.set("phone_voting", "1");
    s.set("dots_per_voter", "4");
    CHECK(s.post(phone_routes::post_card, {{"title", "Klotter vid \"Östra\" torget\\"}}).first == 201);
    CHECK(s.post(phone_routes::post_card, {{"title", "Inbrott i förråd"}}).first == 201);
    CHECK(s.post(phone_routes::post_card, {{"title", "Snatteri"}}).first == 201);
    const Id first = number(*s.w, "SELECT min(id) FROM problem_map_card");
    const Id last = number(*s.w, "SELECT max(id) FROM problem_map_card");
    CHECK(s.post(phone_routes::post_votes, {{"card_id", first}, {"dots", 2}}).first == 200);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", last}, {"dots", 1}}).first == 200);
    CHECK(s.post(phone_routes::post_votes, {{"card_id", last}, {"dots", 3}}, kOther).first == 200);
    const phone_routes::PhoneWords words = [](std::string_view language, const char* m) {
        return language == "sv" && std::string_view(m) == "Organised crime" ? "Organiserad brottslighet" : m;
    };
    auto same_as_whole = [&](const phone_routes::PublishedState& published) {
        const std::string unknown(32, 'a');
        for (const std::string& phone : {kPhone, kOther, unknown})
            for (const char* language : {"sv", "en", "de"}) {
                INFO(phone, " ", language);
                nlohmann::json whole;
                std::string text;
                REQUIRE(published.answer(phone, language, whole) == 200);
                REQUIRE(published.answer_text(phone, language, text) == 200);
                // Byte for byte what the server made of the whole answer before.
                CHECK(text == whole.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            }
    };
    phone_routes::PublishedState published;
    std::string text;
    CHECK(published.answer_text(kPhone, "sv", text) == 410);
    CHECK(nlohmann::json::parse(text)["error"] == "Joining is closed.");
    published.publish(s.w.get(), words);
    same_as_whole(published);  // voting: the board's order
    s.set("phone_voting", "0");
    published.publish(s.w.get(), nullptr);
    same_as_whole(published);  // closed with dots given: the ranking, with everyone's dots
    REQUIRE(published.answer_text(kOther, "en", text) == 200);
    const auto parsed = nlohmann::json::parse(text);
    CHECK(parsed["ranking"] == true);
    CHECK(parsed["dots_left"] == 1);
    CHECK(parsed["cards"][0]["dots"] == 4);
    CHECK(parsed["cards"][0]["my_dots"] == 3);
}

TEST_CASE("phones: a vote's answer names the categories in the phone's language, not the screen's") {
    Setup s;
    s.set("phone_voting", "1");
    CHECK(s.post(phone_routes::post_card, {{"title", "Klotter vid Östra torget"}}).first == 201);
    const Id card = number(*s.w, "SELECT max(id) FROM problem_map_card");
    const phone_routes::PhoneWords swedish_only = [](std::string_view language, const char* m) {
        return language == "sv" && std::string_view(m) == "Organised crime" ? "Organiserad brottslighet" : m;
    };
    const phone_routes::Room room{*s.w, s.w.get(), swedish_only};
    for (const auto& [language, name] : {std::pair{"sv", "Organiserad brottslighet"}, std::pair{"en", "Organised crime"}}) {
        const nlohmann::json vote = {{"card_id", card}, {"dots", 1}};
        nlohmann::json reply;
        REQUIRE(phone_routes::post_votes(room, PhoneRequest{kPhone, language, vote}, reply) == 200);
        CHECK(reply["categories"][0]["name"] == name);
    }
}

TEST_CASE("phones: a phone's card goes to the first free place of the board the room sees, never over a card") {
    Setup s;
    // The facilitator's board looks at (5000, 3000); a card is already in its first cell.
    const placement::Rect view{5000, 3000, 1600, 900};
    REQUIRE(s.w->edit("one", [&](Database& db) {
        db.run("INSERT INTO problem_map_card(title, x, y) VALUES ('Där', ?, ?)", 5016.0, 3024.0);
    }));
    phone_routes::Room room{*s.w, s.w.get(), nullptr, view};
    nlohmann::json reply;
    REQUIRE(phone_routes::post_card(room, PhoneRequest{kPhone, "sv", nlohmann::json{{"title", "Ny"}}}, reply) == 201);
    const Id id = reply["id"].get<Id>();
    const double x = number(*s.w, "SELECT x FROM problem_map_card WHERE id = " + std::to_string(id));
    const double y = number(*s.w, "SELECT y FROM problem_map_card WHERE id = " + std::to_string(id));
    CHECK(x >= view.x);
    CHECK(x + kCardWidth <= view.x + view.w);
    CHECK(y >= view.y);
    CHECK(y + kCardHeight <= view.y + view.h);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card WHERE abs(x - 5016) < 240 AND abs(y - 3024) < 120") == 1);
}

TEST_CASE("phones: a card placed by the board's grid goes where the file's index on position puts it") {
    // Two rooms with the same board: one finds the cards near a place in its snapshot's grid (as
    // the window does), the other in the file. After every card and every change between
    // them, the new card lies at the same place in both.
    Setup grid, file;
    const placement::Rect view{-300, -200, 2600, 1400};
    std::mt19937 random(25);
    auto pick = [&random](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    for (Setup* s : {&grid, &file}) REQUIRE(edits::create_cluster(*s->w, "Centrum", 500, 300, 700, 400));
    std::vector<std::pair<float, float>> start;
    for (int i = 0; i < 90; ++i)  // most of the view full, some cards off the lattice, some outside
        if (pick(7)) start.emplace_back(float(-400 + (i % 12) * 250 + pick(30)), float(-300 + (i / 12) * 190 + pick(40)));
    for (Setup* s : {&grid, &file})
        for (const auto& at : start) REQUIRE(edits::create_card(*s->w, at.first, at.second, "Kort"));
    SnapshotCache cache;
    phone_routes::Room with_grid{*grid.w, grid.w.get(), nullptr, view, [&] { return cache.get(*grid.w); }};
    phone_routes::Room with_file{*file.w, file.w.get(), nullptr, view};
    auto nth_card = [](Setup& s, int n) {
        return Id(number(*s.w, "SELECT id FROM problem_map_card ORDER BY id LIMIT 1 OFFSET ?", std::int64_t(n)));
    };
    auto place_of = [](Setup& s, Id id) {
        return std::pair(s.w->db().scalar_text("SELECT x || ',' || y FROM problem_map_card WHERE id = ?", id), id);
    };
    for (int round = 0; round < 80; ++round) {
        INFO("round ", round);
        nlohmann::json a, b;
        const nlohmann::json body{{"title", fmt::format("Från telefon {}", round)}};
        REQUIRE(phone_routes::post_card(with_grid, PhoneRequest{kPhone, "sv", body}, a) == 201);
        REQUIRE(phone_routes::post_card(with_file, PhoneRequest{kPhone, "sv", body}, b) == 201);
        REQUIRE(place_of(grid, a["id"].get<Id>()).first == place_of(file, b["id"].get<Id>()).first);
        // Between cards the room changes the board: a card moved away or deleted leaves a hole.
        const int count = int(number(*grid.w, "SELECT count(*) FROM problem_map_card"));
        const int n = pick(count), change = pick(4);
        for (Setup* s : {&grid, &file}) {
            const Id card = nth_card(*s, n);
            if (change == 0) REQUIRE(edits::move_cards(*s->w, {{card, 6000.0f + float(round) * 300, 6000.0f}}));
            else if (change == 1) REQUIRE(edits::delete_cards(*s->w, {card}));
        }
    }
    CHECK(cache.whole_readings() == 1);  // the grid followed the board by the rows each revision touched
    CHECK(cache.row_updates() == 79);
}

TEST_CASE("phones: on reveal, the phones' cards are in the view the room sees, none off screen or stacked") {
    Setup s;
    s.set("silent_round", "1");
    // The cards came while the board looked elsewhere; a card made at the screen is there too.
    const placement::Rect earlier{0, 0, 1600, 900}, now{8000, 4000, 1600, 900};
    phone_routes::Room room{*s.w, s.w.get(), nullptr, earlier};
    for (int i = 0; i < 6; ++i) {
        const nlohmann::json card = {{"title", "Kort " + std::to_string(i)}, {"sent_id", fmt::format("{:032x}", i + 1)}};
        nlohmann::json reply;
        REQUIRE(phone_routes::post_card(room, PhoneRequest{kPhone, "sv", card}, reply) == 201);
    }
    const Id by_hand = edits::create_card(*s.w, 100, 600, "Vid skärmen");
    REQUIRE(edits::reveal_all(*s.w, now));
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card WHERE hidden = 1") == 0);
    const std::string inside = fmt::format("x >= {} AND y >= {} AND x + {} <= {} AND y + {} <= {}", now.x, now.y, kCardWidth,
                                           now.x + now.w, kCardHeight, now.y + now.h);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card AS c JOIN problem_map_phone_card AS p ON p.card_id = c.id "
                       "WHERE " + inside) == 6);
    CHECK(number(*s.w, "SELECT count(DISTINCT x || ',' || y) FROM problem_map_card") == 7);
    // Only the phones' cards moved; one undo step puts everything back, face down.
    CHECK(number(*s.w, "SELECT x FROM problem_map_card WHERE id = ?", by_hand) == 100);
    REQUIRE(s.w->undo());
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card WHERE hidden = 1") == 7);
    CHECK(number(*s.w, "SELECT count(*) FROM problem_map_card WHERE " + inside) == 0);
}
