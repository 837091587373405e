// The snapshot's derived state (ranking, causes and triangles per card, the
// board's spatial grid) answers as the linear searches it replaced (issue 15),
// on a board of 5,000 cards with votes, causes and clusters.
#include "model/board_index.hpp"
#include "model/entities.hpp"
#include "model/queries.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace kartla;
using namespace kartla::problem_map;

namespace {

std::unique_ptr<Workshop> large_board() {
    auto w = fixture::workshop_with_tables();
    std::mt19937 rng(15);
    REQUIRE(w->edit("fill", [&](Database& db) {
        for (int c = 0; c < 50; ++c)
            db.run("INSERT INTO problem_map_cluster(name, x, y, w, h) VALUES (?, ?, ?, ?, ?)", "Kluster Åsen " + std::to_string(c),
                   double(c % 7) * 3000, double(c / 7) * 1800, 2700.0, 1500.0);
        for (int i = 0; i < 5000; ++i) {
            // A few far away or negative, as a board that was panned around is.
            const double x = i % 499 == 0 ? -250000.0 + i : double(rng() % 21000), y = double(rng() % 12000) - 600;
            db.run("INSERT INTO problem_map_card(title, severity, x, y, hidden) VALUES (?, ?, ?, ?, ?)",
                   "Skadegörelse vid Ängstorget " + std::to_string(i), std::int64_t(rng() % 6), x, y, std::int64_t(i % 41 == 0));
            const auto card = db.last_insert_id();
            if (i % 3 == 0)
                db.run("INSERT INTO problem_map_vote(card_id, organisation, dots) VALUES (?, ?, ?)", card,
                       "Förvaltning " + std::to_string(rng() % 9), std::int64_t(1 + rng() % 4));
            if (i % 2 == 0) {
                db.run("INSERT INTO problem_map_cause(card_id, text) VALUES (?, ?)", card, std::string("Mörker"));
                db.run("INSERT INTO problem_map_cause(card_id, parent_id, text) VALUES (?, ?, ?)", card, db.last_insert_id(),
                       std::string("Trasig belysning"));
            }
            if (i % 10 == 0) db.run("INSERT INTO problem_map_triangle(card_id, place) VALUES (?, ?)", card, std::string("Torget"));
        }
    }));
    return w;
}

}  // namespace

TEST_CASE("ranks, causes and triangles by card answer as a search of every card did") {
    auto w = large_board();
    const Snapshot s = load_snapshot(w->db());
    REQUIRE(s.cards.size() == 5000);
    const auto rows = compute_ranking(s);
    CHECK(ranking(s).size() == rows.size());
    for (const auto& card : s.cards) {
        int expected_rank = 0;
        for (const auto& row : rows)
            if (row.card_id == card.id) {
                expected_rank = row.rank;
                break;
            }
        REQUIRE(rank_of(s, card.id) == expected_rank);
        std::vector<const Cause*> causes;
        for (const auto& cause : s.causes)
            if (cause.card_id == card.id) causes.push_back(&cause);
        REQUIRE(causes_of(s, card.id) == causes);
        const Triangle* triangle = nullptr;
        for (const auto& t : s.triangles)
            if (t.card_id == card.id) triangle = &t;
        REQUIRE(s.triangle(card.id) == triangle);
    }
    CHECK(rank_of(s, 0) == 0);
    CHECK(causes_of(s, 424242).empty());
    // What other plugins see: each published problem's rank is its rank on the board.
    for (const auto& e : problem_entities(s)) {
        const int rank = rank_of(s, e.id);
        REQUIRE(e.attribute("rank") == (rank ? std::to_string(rank) : std::string()));
    }
}

TEST_CASE("the board's grid finds every card in a rectangle, in board order") {
    auto w = large_board();
    const Snapshot s = load_snapshot(w->db());
    const BoardIndex& index = s.board;
    std::mt19937 rng(3);
    std::vector<Id> found;
    for (int probe = 0; probe < 200; ++probe) {
        const float x0 = float(int(rng() % 26000) - 3000), y0 = float(int(rng() % 15000) - 2000);
        const float w0 = float(rng() % (probe < 100 ? 3000 : 40000)), h0 = float(rng() % 20000);
        index.grid.query(x0, y0, x0 + w0, y0 + h0, found);
        REQUIRE(std::is_sorted(found.begin(), found.end()));
        REQUIRE(std::adjacent_find(found.begin(), found.end()) == found.end());
        std::size_t next = 0;
        for (std::size_t i = 0; i < s.cards.size(); ++i) {
            const Card& c = s.cards[i];
            const bool meets = c.x <= x0 + w0 && c.x + kCardWidth >= x0 && c.y <= y0 + h0 && c.y + kCardHeight >= y0;
            if (!meets) continue;
            while (next < found.size() && found[next] < c.id) ++next;
            REQUIRE_MESSAGE(next < found.size(), "card " << c.id << " at " << c.x << "," << c.y << " not found");
            REQUIRE(found[next] == c.id);
        }
    }
    int face_down = 0;
    for (const auto& c : s.cards) face_down += c.hidden;
    CHECK(index.face_down == face_down);
}
