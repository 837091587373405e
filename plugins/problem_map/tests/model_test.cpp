// Model tests: no window. Every assertion reads the workshop file (or the
// snapshot loaded from it) after going through the same edits the views use.
#include "model/edits.hpp"
#include "model/entities.hpp"
#include "model/queries.hpp"
#include "model/sample.hpp"
#include "model/tree_layout.hpp"
#include "support.hpp"

#include "kartla/core_data.hpp"
#include "cli/sample.hpp"  // the core's sample part (participants)
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

using namespace kartla;
using namespace kartla::problem_map;
using fixture::number;
using fixture::text;

namespace {

Id category_named(const Snapshot& s, const std::string& msgid) {
    for (const auto& c : s.categories)
        if (c.msgid == msgid) return c.id;
    return 0;
}

// A sample part from the source tree: the core's (assets/samples) or a plugin's own.
nlohmann::json read_sample(const std::string& path) {
    std::ifstream in(std::string(KARTLA_TEST_SOURCE_DIR) + "/" + path);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("the schema seeds the default categories without an undo step that could empty them") {
    auto w = fixture::workshop_with_tables();
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_category") == 11);
    CHECK(text(*w, "SELECT msgid FROM problem_map_category ORDER BY position LIMIT 1") == "Organised crime");
    CHECK_FALSE(w->can_undo());
    auto s = load_snapshot(w->db());
    CHECK(s.settings.dots_per_voter == 3);
    CHECK_FALSE(s.settings.silent_round);
}

TEST_CASE("a card dropped inside a cluster joins it, and leaves it when dropped outside") {
    auto w = fixture::workshop_with_tables();
    Id cluster = edits::create_cluster(*w, "Centrum", 0, 0, 800, 600);
    Id card = edits::create_card(*w, 2000, 2000, "Klotter på skolan");
    CHECK(number(*w, "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", card) == 0);
    REQUIRE(edits::move_cards(*w, {{card, 100, 100}}));
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", card) == cluster);
    REQUIRE(edits::move_cards(*w, {{card, 900, 100}}));
    CHECK(number(*w, "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", card) == 0);
    REQUIRE(w->undo());
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", card) == cluster);
}

TEST_CASE("moving a cluster moves its cards and resizing re-evaluates membership") {
    auto w = fixture::workshop_with_tables();
    Id cluster = edits::create_cluster(*w, "Östra Höjden", 0, 0, 800, 600);
    Id inside = edits::create_card(*w, 50, 80);
    Id outside = edits::create_card(*w, 1000, 80);
    REQUIRE(edits::move_cluster(*w, cluster, 100, 50));
    CHECK(number(*w, "SELECT x FROM problem_map_card WHERE id = ?", inside) == 150);
    CHECK(number(*w, "SELECT y FROM problem_map_card WHERE id = ?", inside) == 130);
    CHECK(number(*w, "SELECT x FROM problem_map_card WHERE id = ?", outside) == 1000);
    REQUIRE(edits::resize_cluster(*w, cluster, 100, 50, 1400, 600));
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", outside) == cluster);
    REQUIRE(edits::resize_cluster(*w, cluster, 100, 50, 300, 300));
    CHECK(number(*w, "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", outside) == 0);
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", inside) == cluster);
}

TEST_CASE("the list filters by category, area, severity, trend and text, Swedish capitals included") {
    auto w = fixture::workshop_with_tables();
    auto s0 = load_snapshot(w->db());
    Id drugs = category_named(s0, "Drugs"), fraud = category_named(s0, "Fraud");
    Id area = edits::add_area(*w, "Östra Höjden", "vulnerable");
    Id a = edits::create_card(*w, 0, 0, "Öppen narkotikaförsäljning");
    Id b = edits::create_card(*w, 300, 0, "Bidragsbrott");
    Id c = edits::create_card(*w, 600, 0, "Nedskräpning");
    edits::set_number(*w, a, edits::NumberField::Category, drugs);
    edits::set_number(*w, a, edits::NumberField::Area, area);
    edits::set_number(*w, a, edits::NumberField::Severity, 5);
    edits::set_choice(*w, a, edits::ChoiceField::Trend, "rising");
    edits::set_number(*w, b, edits::NumberField::Category, fraud);
    edits::set_text(*w, c, edits::TextField::Description, "Skräp vid ÅNGBÅTSBRYGGAN");
    auto s = load_snapshot(w->db());
    auto ids = [&](const Filter& f) {
        std::vector<Id> out;
        for (const Card* card : filtered(s, f)) out.push_back(card->id);
        return out;
    };
    CHECK(ids({}).size() == 3);
    CHECK(ids({drugs, -1, 0, "", ""}) == std::vector<Id>{a});
    CHECK(ids({0, -1, 0, "", ""}) == std::vector<Id>{c});
    CHECK(ids({-1, area, 0, "", ""}) == std::vector<Id>{a});
    CHECK(ids({-1, -1, 5, "", ""}) == std::vector<Id>{a});
    CHECK(ids({-1, -1, 0, "rising", ""}) == std::vector<Id>{a});
    CHECK(ids({-1, -1, 0, "unknown", ""}).size() == 2);
    CHECK(ids({-1, -1, 0, "", "ÖPPEN"}) == std::vector<Id>{a});
    CHECK(ids({-1, -1, 0, "", "ångbåt"}) == std::vector<Id>{c});
    CHECK(fold_case("ÅÄÖÉ Abc") == "åäöé abc");
}

TEST_CASE("face-down cards never match a text search") {
    auto w = fixture::workshop_with_tables();
    REQUIRE(edits::start_silent_round(*w));
    Id hidden = edits::create_card(*w, 0, 0, "Hemlig idé");
    auto s = load_snapshot(w->db());
    CHECK(s.card(hidden)->hidden);
    CHECK(filtered(s, {-1, -1, 0, "", "hemlig"}).empty());
    REQUIRE(edits::reveal_all(*w));
    s = load_snapshot(w->db());
    CHECK(filtered(s, {-1, -1, 0, "", "hemlig"}).size() == 1);
    CHECK_FALSE(s.settings.silent_round);
}

TEST_CASE("a face-down card is published to other plugins only once revealed") {
    auto w = fixture::workshop_with_tables();
    Id open = edits::create_card(*w, 0, 0, "Klotter vid skolan");
    REQUIRE(edits::start_silent_round(*w));
    Id hidden = edits::create_card(*w, 0, 0, "Hemlig idé");
    auto published = problem_entities(load_snapshot(w->db()));
    REQUIRE(published.size() == 1);
    CHECK(published[0].id == open);
    REQUIRE(edits::reveal_all(*w));
    published = problem_entities(load_snapshot(w->db()));
    REQUIRE(published.size() == 2);
    CHECK(published[1].id == hidden);
    CHECK(published[1].label == "Hemlig idé");
}

TEST_CASE("sorting by any column, both directions") {
    auto w = fixture::workshop_with_tables();
    Id a = edits::create_card(*w, 0, 0, "Bränder i soprum");
    Id b = edits::create_card(*w, 0, 0, "Åldringsbrott");
    Id c = edits::create_card(*w, 0, 0, "Inbrott i förråd");
    edits::set_number(*w, a, edits::NumberField::Severity, 2);
    edits::set_number(*w, b, edits::NumberField::Severity, 4);
    edits::set_number(*w, c, edits::NumberField::Severity, 3);
    edits::set_choice(*w, a, edits::ChoiceField::Trend, "rising");
    auto s = load_snapshot(w->db());
    auto order = [&](Column col, bool asc) {
        auto rows = filtered(s, {});
        sort_cards(s, rows, col, asc, nullptr);
        std::vector<Id> out;
        for (const Card* card : rows) out.push_back(card->id);
        return out;
    };
    CHECK(order(Column::Severity, true) == std::vector<Id>{a, c, b});
    CHECK(order(Column::Severity, false) == std::vector<Id>{b, c, a});
    CHECK(order(Column::Trend, false).front() == a);
    CHECK(order(Column::Title, true).front() == a);  // "B" before "I"; Å sorts after ASCII
    CHECK(order(Column::Title, true).back() == b);
}

TEST_CASE("dot voting: budget per voter, organisations, competition ranking") {
    auto w = fixture::workshop_with_tables();
    Id police, school;
    w->edit("participants", [&](Database& db) {
        police = core_data::add_participant(db, "Kommunpolis", "Polisen");
        school = core_data::add_participant(db, "Rektor", "Skolan");
    });
    Id a = edits::create_card(*w, 0, 0, "A");
    Id b = edits::create_card(*w, 0, 0, "B");
    Id c = edits::create_card(*w, 0, 0, "C");
    REQUIRE(edits::set_dots_per_voter(*w, 2));
    Voter p{police, {}}, s2{school, {}};
    REQUIRE(edits::add_dot(*w, a, p));
    REQUIRE(edits::add_dot(*w, a, p));
    CHECK_FALSE(edits::add_dot(*w, b, p));  // no dots left
    REQUIRE(edits::add_dot(*w, b, s2));
    REQUIRE(edits::add_dot(*w, c, s2));
    CHECK(number(*w, "SELECT dots FROM problem_map_vote WHERE card_id = ? AND participant_id = ?", a, police) == 2);
    auto s = load_snapshot(w->db());
    auto rows = ranking(s);
    CHECK(rows[0].card_id == a);
    CHECK(rows[0].rank == 1);
    CHECK(rows[1].rank == 2);
    CHECK(rows[2].rank == 2);  // B and C tie
    CHECK(rows[0].voters == 1);
    CHECK(dots_used(s, p) == 2);
    REQUIRE(edits::remove_dot(*w, a, p));
    CHECK(number(*w, "SELECT dots FROM problem_map_vote WHERE card_id = ?", a) == 1);
    Voter org{0, "Räddningstjänsten"};
    REQUIRE(edits::add_dot(*w, c, org));
    CHECK(text(*w, "SELECT organisation FROM problem_map_vote WHERE participant_id IS NULL") == "Räddningstjänsten");
    CHECK_FALSE(edits::add_dot(*w, c, Voter{}));
    REQUIRE(w->undo());
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_vote WHERE participant_id IS NULL") == 0);
}

TEST_CASE("entities: problems and causes with the agreed attributes") {
    auto w = fixture::workshop_with_tables();
    auto s0 = load_snapshot(w->db());
    Id area = edits::add_area(*w, "Stationsområdet", "risk");
    Id p = edits::create_card(*w, 0, 0, "Rån vid stationen");
    Id q = edits::create_card(*w, 0, 0, "Skadegörelse");
    edits::set_number(*w, p, edits::NumberField::Category, category_named(s0, "Violence and weapons"));
    edits::set_number(*w, p, edits::NumberField::Area, area);
    edits::set_number(*w, p, edits::NumberField::Severity, 4);
    edits::set_number(*w, p, edits::NumberField::Prioritised, 1);
    edits::set_choice(*w, p, edits::ChoiceField::Trend, "rising");
    Id voter;
    w->edit("participant", [&](Database& db) { voter = core_data::add_participant(db, "Kommunpolis", "Polisen"); });
    edits::add_dot(*w, p, {voter, {}});
    Id direct = edits::add_cause(*w, p, 0, "Dålig belysning");
    Id under = edits::add_cause(*w, p, direct, "Ingen ansvarig för underhåll");
    edits::set_cause_nature(*w, under, "social");
    edits::set_cause_factor(*w, under, "missing_protective");
    auto s = load_snapshot(w->db());
    auto problems = problem_entities(s);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].kind == "problem");
    CHECK(problems[0].id == p);
    CHECK(problems[0].label == "Rån vid stationen");
    CHECK(problems[0].attribute("prioritised") == "1");
    CHECK(problems[0].attribute("category") == "Violence and weapons");
    CHECK(problems[0].attribute("severity") == "4");
    CHECK(problems[0].attribute("trend") == "rising");
    CHECK(problems[0].attribute("area") == "Stationsområdet");
    CHECK(problems[0].attribute("rank") == "1");
    CHECK(problems[1].attribute("prioritised") == "0");
    CHECK(problems[1].attribute("severity") == "");
    CHECK(problems[1].attribute("rank") == "");
    CHECK(problems[1].id == q);
    auto causes = cause_entities(s);
    REQUIRE(causes.size() == 2);
    CHECK(causes[0].kind == "cause");
    CHECK(causes[0].attribute("problem_id") == std::to_string(p));
    CHECK(causes[0].attribute("parent_id") == "");
    CHECK(causes[0].attribute("nature") == "situational");
    CHECK(causes[0].attribute("factor") == "");
    CHECK(causes[1].attribute("parent_id") == std::to_string(direct));
    CHECK(causes[1].attribute("nature") == "social");
    CHECK(causes[1].attribute("factor") == "missing_protective");
    CHECK(causes[1].label == "Ingen ansvarig för underhåll");
    // Readers translate: the published values do not depend on the language, so snapshots of
    // two meetings held in different languages compare equal.
    CHECK(problems[0].attribute("trend_label") == "Rising");
}

TEST_CASE("the cause tree: depth, layout, re-parenting without cycles, deleting a branch and its links") {
    auto w = fixture::workshop_with_tables();
    Id p = edits::create_card(*w, 0, 0, "Langning");
    Id a = edits::add_cause(*w, p, 0, "A");
    Id a1 = edits::add_cause(*w, p, a, "A1");
    Id a2 = edits::add_cause(*w, p, a, "A2");
    Id b = edits::add_cause(*w, p, 0, "B");
    auto s = load_snapshot(w->db());
    CHECK(cause_depth(s, p) == 2);
    auto layout = layout_cause_tree(s, p);
    REQUIRE(layout.size() == 5);
    CHECK(layout[0].cause_id == 0);
    CHECK(layout[1].cause_id == a);
    CHECK(layout[1].row == doctest::Approx(0.5f));  // centred on A1 (0) and A2 (1)
    CHECK(layout[4].cause_id == b);
    CHECK(layout[4].row == doctest::Approx(2.0f));
    CHECK(layout[2].depth == 2);
    CHECK_FALSE(edits::reparent_cause(*w, a, a1));  // under its own child
    REQUIRE(edits::reparent_cause(*w, a2, b));
    CHECK(number(*w, "SELECT parent_id FROM problem_map_cause WHERE id = ?", a2) == b);
    w->edit("link", [&](Database& db) { core_data::add_link(db, {"measure", 9}, {"cause", a1}, "addresses"); });
    REQUIRE(edits::delete_cause(*w, a));
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_cause") == 2);
    CHECK(number(*w, "SELECT COUNT(*) FROM core_link") == 0);
    REQUIRE(w->undo());
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_cause") == 4);
    CHECK(number(*w, "SELECT COUNT(*) FROM core_link WHERE to_id = ?", a1) == 1);
}

TEST_CASE("deleting a card removes its votes, causes and links and undo brings them all back") {
    auto w = fixture::workshop_with_tables();
    Id p = edits::create_card(*w, 0, 0, "Otrygghet i centrum");
    Id cause = edits::add_cause(*w, p, 0, "Mörka gångtunnlar");
    edits::set_triangle(*w, p, edits::TriangleField::Guardian, "Trygghetsvärdar");
    Id voter;
    w->edit("participant", [&](Database& db) {
        voter = core_data::add_participant(db, "Kommunpolis", "Polisen");
        core_data::add_link(db, {"actor", 3}, {"problem", p}, "owns");
        core_data::add_link(db, {"measure", 4}, {"cause", cause}, "addresses");
    });
    edits::add_dot(*w, p, {voter, {}});
    REQUIRE(edits::delete_cards(*w, {p}));
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_card") == 0);
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_vote") == 0);
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_cause") == 0);
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_triangle") == 0);
    CHECK(number(*w, "SELECT COUNT(*) FROM core_link") == 0);
    REQUIRE(w->undo());
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_card") == 1);
    CHECK(number(*w, "SELECT COUNT(*) FROM problem_map_vote") == 1);
    CHECK(text(*w, "SELECT guardian FROM problem_map_triangle") == "Trygghetsvärdar");
    CHECK(number(*w, "SELECT COUNT(*) FROM core_link") == 2);
}

TEST_CASE("matrix cells map to fields and back, in both modes") {
    Card card;
    card.severity = 4;
    card.trend = "rising";
    auto cell = matrix_cell(card, MatrixMode::SeverityTrend);
    CHECK(cell.column == 2);
    CHECK(cell.row == 1);
    CHECK(matrix_fields(MatrixMode::SeverityTrend, 2, 1) == std::pair<int, int>{2, 4});
    card.severity = 0;
    CHECK(matrix_cell(card, MatrixMode::SeverityTrend).row == kMatrixRows);
    card.impact = 5;
    card.influence = 2;
    cell = matrix_cell(card, MatrixMode::ImpactInfluence);
    CHECK(cell.column == 1);
    CHECK(cell.row == 0);
    CHECK(matrix_fields(MatrixMode::ImpactInfluence, 1, 0) == std::pair<int, int>{2, 5});
    CHECK(matrix_fields(MatrixMode::ImpactInfluence, 3, kMatrixRows) == std::pair<int, int>{0, 0});

    auto w = fixture::workshop_with_tables();
    Id id = edits::create_card(*w, 0, 0, "X");
    REQUIRE(edits::set_matrix_cell(*w, id, MatrixMode::SeverityTrend, 0, 0));
    CHECK(number(*w, "SELECT severity FROM problem_map_card") == 5);
    CHECK(text(*w, "SELECT trend FROM problem_map_card") == "falling");
    REQUIRE(edits::set_matrix_cell(*w, id, MatrixMode::ImpactInfluence, 4, 2));
    CHECK(number(*w, "SELECT influence FROM problem_map_card") == 5);
    CHECK(number(*w, "SELECT impact FROM problem_map_card") == 3);
}

TEST_CASE("the sample: a realistic problem picture") {
    auto w = fixture::workshop_with_tables();
    load_core_sample(*w, read_sample("assets/samples/workshop.json"));
    load_sample(*w, read_sample("plugins/problem_map/sample.json"));
    auto s = load_snapshot(w->db());
    CHECK(s.cards.size() >= 14);
    CHECK(s.clusters.size() >= 4);
    std::set<Id> voters;
    for (const auto& v : s.votes) voters.insert(v.voter.participant_id);
    CHECK(voters.size() >= 8);
    int prioritised = 0, deep_trees = 0;
    for (const auto& card : s.cards) {
        prioritised += card.prioritised;
        deep_trees += cause_depth(s, card.id) >= 2;
        CHECK(card.cluster_id != 0);
        CHECK_FALSE(card.title.empty());
    }
    CHECK(prioritised >= 3);
    CHECK(deep_trees >= 2);
    for (const auto& cluster : s.clusters) CHECK(cluster_members(s, cluster.id).size() >= 2);
    for (const auto& v : s.votes) CHECK(dots_used(s, v.voter) <= s.settings.dots_per_voter);
}

namespace {

// Every pair of cards apart: no card lies on another, even partly.
bool none_overlap(const std::vector<Card>& cards) {
    for (std::size_t i = 0; i < cards.size(); ++i)
        for (std::size_t j = i + 1; j < cards.size(); ++j)
            if (placement::card_rect(cards[i]).overlaps(placement::card_rect(cards[j]))) return false;
    return true;
}

}  // namespace

TEST_CASE("twenty new cards land on twenty free places in view, around what is already there") {
    auto w = fixture::workshop_with_tables();
    const placement::Rect view{-100, -50, 1600, 900};
    Id old_cluster = edits::create_cluster(*w, "Centrum", 300, 100, 600, 300);
    edits::create_card(*w, -60, 20, "Redan här");
    Id first_new = 0;
    for (int i = 0; i < 20; ++i) {
        Id made = edits::create_card_in_view(*w, view);
        REQUIRE(made != 0);
        if (!first_new) first_new = made;
    }
    auto s = load_snapshot(w->db());
    REQUIRE(s.cards.size() == 21);
    std::set<std::pair<float, float>> places;
    for (const auto& card : s.cards) places.insert({card.x, card.y});
    CHECK(places.size() == 21);
    CHECK(none_overlap(s.cards));
    // None joined the frame by landing in it, and the first ones fill the view row by row.
    for (const auto& card : s.cards) {
        CHECK(card.cluster_id == 0);
        CHECK_FALSE(placement::card_rect(card).overlaps(placement::cluster_rect(*s.cluster(old_cluster))));
    }
    const Card* first = s.card(first_new);
    REQUIRE(first);
    CHECK(first->x >= view.x);
    CHECK(first->y >= view.y);
    CHECK(first->x + kCardWidth <= view.x + view.w);
    CHECK(first->y + kCardHeight <= view.y + view.h);
    // The same after undoing one: the freed place is taken again, not a new spot.
    float x = s.cards.back().x, y = s.cards.back().y;
    REQUIRE(w->undo());
    REQUIRE(edits::create_card_in_view(*w, view) != 0);
    auto again = load_snapshot(w->db());
    CHECK(again.cards.back().x == x);
    CHECK(again.cards.back().y == y);
}

TEST_CASE("a place asked near the view finds what the whole board finds, asking for a few cards of 50,000") {
    // 50,000 cards on the lattice, a few holes, and a frame: the view's rows are full for a while.
    std::vector<Card> board;
    const float cell_w = kCardWidth + placement::kGap, cell_h = kCardHeight + placement::kGap;
    for (int i = 0; i < 50'000; ++i) {
        if (i == 48'123 || i == 700) continue;
        Card card;
        card.id = i + 1;
        card.x = placement::kGap + float(i % 200) * cell_w;
        card.y = placement::kGap + float(i / 200) * cell_h;
        board.push_back(card);
    }
    const std::vector<Cluster> frames{{1, "Centrum", 30, 30, 500, 300}};
    std::size_t asked_most = 0;
    const placement::CardsMeeting meeting = [&](const placement::Rect& r) {
        std::vector<Card> out;
        for (const auto& card : board)
            if (card.x >= r.x && card.x <= r.x + r.w && card.y >= r.y && card.y <= r.y + r.h) out.push_back(card);
        asked_most = std::max(asked_most, out.size());
        return out;
    };
    auto free = [&](placement::Place p) {
        const Card placed{.id = 0, .x = p.x, .y = p.y};
        return std::none_of(board.begin(), board.end(), [&](const Card& c) {
            return placement::card_rect(c).overlaps(placement::card_rect(placed));
        });
    };
    // A view with a free place: the place the whole board gives.
    for (const placement::Rect view : {placement::Rect{-5'000, -3'000, 1200, 700}, placement::Rect{52'000, 0, 1600, 900},
                                       placement::Rect{1000, 35'500, 1600, 900}}) {
        INFO(view.x, " ", view.y);
        const auto whole = placement::free_card_place(board, frames, view);
        const auto near = placement::free_card_place_near(meeting, frames, view);
        CHECK(near.x == whole.x);
        CHECK(near.y == whole.y);
    }
    // A full view: a free place below the full rows, in the view's columns.
    for (const placement::Rect view : {placement::Rect{0, 0, 1600, 900}, placement::Rect{40'000, 30'000, 1600, 900}}) {
        INFO(view.x, " ", view.y);
        const auto near = placement::free_card_place_near(meeting, frames, view);
        CHECK(free(near));
        CHECK(near.y >= 250 * cell_h);
        CHECK(near.x >= view.x);
        CHECK(near.x + kCardWidth <= view.x + view.w);
    }
    // A band of rows at a time: never more than a few hundred of the 50,000.
    CHECK(asked_most < 300);
    // However far the view is zoomed out: a card goes where it can be read, asking as little.
    asked_most = 0;
    const auto far_out = placement::free_card_place_near(meeting, frames, {0, 0, 60'000, 40'000});
    CHECK(far_out.y > 249 * cell_h);  // below the full rows, in the view's left columns
    CHECK(far_out.x < 16 * cell_w);
    CHECK(asked_most < 300);
}

TEST_CASE("a new frame goes beside the others and takes only the cards selected first") {
    auto w = fixture::workshop_with_tables();
    const placement::Rect view{0, 0, 1800, 1000};
    Id a = edits::create_card(*w, 40, 60, "A");
    Id b = edits::create_card(*w, 320, 60, "B");
    // An empty frame where cards lie would once have swallowed them; now it goes clear of them.
    Id first = edits::create_cluster_in_view(*w, "Kluster 1", view, 48, {}, 600, 400);
    auto s = load_snapshot(w->db());
    CHECK(s.card(a)->cluster_id == 0);
    CHECK(s.card(b)->cluster_id == 0);
    const auto r1 = placement::cluster_rect(*s.cluster(first));
    for (const auto& card : s.cards) CHECK_FALSE(r1.overlaps(placement::card_rect(card)));
    Id second = edits::create_cluster_in_view(*w, "Kluster 2", view, 48, {}, 600, 400);
    s = load_snapshot(w->db());
    const auto r2 = placement::cluster_rect(*s.cluster(second));
    CHECK_FALSE(r1.overlaps(r2));
    CHECK(r2.y == r1.y);  // beside, in the same row
    CHECK(r2.x > r1.x);
    // With cards selected, the frame is made for them and they move into it.
    Id third = edits::create_cluster_in_view(*w, "Kluster 3", view, 48, {a, b}, 600, 400);
    s = load_snapshot(w->db());
    CHECK(s.card(a)->cluster_id == third);
    CHECK(s.card(b)->cluster_id == third);
    const auto r3 = placement::cluster_rect(*s.cluster(third));
    CHECK_FALSE(r3.overlaps(r1));
    CHECK_FALSE(r3.overlaps(r2));
    CHECK(none_overlap(s.cards));
    REQUIRE(w->undo());  // one step: the frame and the moves
    s = load_snapshot(w->db());
    CHECK(s.card(a)->x == 40);
    CHECK(s.card(a)->cluster_id == 0);
}

TEST_CASE("the topmost frame is the one a card joins and a press picks") {
    std::vector<Cluster> clusters = {{1, "Stor", 0, 0, 1000, 800}, {2, "Liten", 100, 100, 300, 200},
                                     {3, "Lika stor", 600, 0, 300, 200}, {4, "Lika stor, nyare", 650, 50, 300, 200}};
    CHECK(placement::cluster_at(clusters, 150, 150) == Id(2));  // the small frame lies on the large one
    CHECK(placement::cluster_at(clusters, 50, 700) == Id(1));
    CHECK(placement::cluster_at(clusters, 700, 100) == Id(4));  // equal sizes: the newer on top
    CHECK_FALSE(placement::cluster_at(clusters, 2000, 0).has_value());
    auto order = placement::stacking_order(clusters);
    CHECK(order.front()->id == 1);
    CHECK(order.back()->id == 4);
    // The model's drop follows the same rule.
    auto w = fixture::workshop_with_tables();
    Id big = edits::create_cluster(*w, "Stor", 0, 0, 1000, 800);
    Id small = edits::create_cluster(*w, "Liten", 100, 100, 300, 200);
    Id card = edits::create_card(*w, 150 - kCardWidth / 2, 180 - kCardHeight / 2);
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", card) == small);
    REQUIRE(edits::move_cards(*w, {{card, 600, 500}}));
    CHECK(number(*w, "SELECT cluster_id FROM problem_map_card WHERE id = ?", card) == big);
}
