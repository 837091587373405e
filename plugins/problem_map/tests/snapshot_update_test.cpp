// The snapshot made by updating the rows each edit touched (updated_snapshot, through
// SnapshotCache) must be the snapshot read whole (load_snapshot), part by part, after
// any sequence of edits, undos and redos.
#include "model/edits.hpp"
#include "model/snapshot.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

using namespace kartla;
using namespace kartla::problem_map;

namespace {

// Empty when equal; otherwise which row differs first, for the failure's message.
template <typename T>
std::string difference(const std::vector<T>& updated, const std::vector<T>& whole) {
    if (updated.size() != whole.size()) return fmt::format("{} rows, read whole {}", updated.size(), whole.size());
    for (std::size_t i = 0; i < updated.size(); ++i)
        if (!(updated[i] == whole[i])) return fmt::format("row {} differs", i);
    return {};
}

void check_same(const Snapshot& updated, const Snapshot& whole) {
    CHECK(difference(updated.categories, whole.categories) == "");
    CHECK(difference(updated.areas, whole.areas) == "");
    CHECK(difference(updated.clusters, whole.clusters) == "");
    CHECK(difference(updated.cards, whole.cards) == "");
    CHECK(difference(updated.votes, whole.votes) == "");
    CHECK(difference(updated.causes, whole.causes) == "");
    CHECK(difference(updated.triangles, whole.triangles) == "");
    CHECK(difference(updated.ranks, whole.ranks) == "");
    CHECK(updated.settings == whole.settings);
    CHECK(updated.face_down_from_phones == whole.face_down_from_phones);
    CHECK(updated.card_index == whole.card_index);
    CHECK(updated.category_index == whole.category_index);
    CHECK(updated.area_index == whole.area_index);
    CHECK(updated.cluster_index == whole.cluster_index);
    CHECK(updated.cause_index == whole.cause_index);
    CHECK(updated.dots_by_card == whole.dots_by_card);
    CHECK(updated.causes_by_card == whole.causes_by_card);
    CHECK(updated.triangle_index == whole.triangle_index);
    CHECK(updated.board == whole.board);
}

// One random edit of the kinds the board, the lists, the votes and the phones make.
class RandomEdits {
public:
    RandomEdits(Workshop& w, unsigned seed) : w_(w), random_(seed) {}

    std::string step(const Snapshot& s) {
        const int kind = pick(22);
        const Id card = s.cards.empty() ? 0 : s.cards[std::size_t(pick(int(s.cards.size())))].id;
        const Id cause = s.causes.empty() ? 0 : s.causes[std::size_t(pick(int(s.causes.size())))].id;
        const std::string phone = fmt::format("{:032x}", pick(4) + 1);
        switch (kind) {
            case 0: edits::create_card(w_, float(pick(4000)), float(pick(3000)), fmt::format("Kort {}", pick(100)));
                return "add a card";
            case 1: edits::set_text(w_, card, edits::TextField::Title, fmt::format("Rubrik {}", pick(100)));
                return "retitle a card";
            case 2: edits::set_number(w_, card, edits::NumberField::Severity, pick(6));
                return "set a severity";
            case 3: edits::move_cards(w_, {{card, float(pick(4000)), float(pick(3000))}}); return "move a card";
            case 4: edits::delete_cards(w_, {card}); return "delete a card";
            case 5: edits::add_dot(w_, card, Voter{0, organisation(), {}}); return "add a dot";
            case 6: edits::remove_dot(w_, card, Voter{0, organisation(), {}}); return "remove a dot";
            case 7: edits::set_phone_dots(w_, phone, card, pick(3)); return "a phone's dots";
            case 8: edits::add_cause(w_, card, pick(2) ? cause : 0, fmt::format("Orsak {}", pick(100)));
                return "add a cause";
            case 9: edits::delete_cause(w_, cause); return "delete a cause";
            case 10: edits::set_triangle(w_, card, edits::TriangleField::Guardian, fmt::format("Väktare {}", pick(9)));
                return "fill a triangle";
            case 11: w_.undo(); return "undo";
            case 12: w_.redo(); return "redo";
            case 13: edits::create_card_from_phone(w_, {fmt::format("Från telefon {}", pick(100)), "", "", "", 0,
                                                        fmt::format("{:032x}", next_sent_++)});
                return "a card from a phone";
            case 14: pick(3) ? edits::start_silent_round(w_) : edits::reveal_all(w_); return "silent round";
            case 15: return frame_cards(s);
            case 16: return move_frame(s);
            case 17: return move_many(s);
            case 18: edits::set_number(w_, card, pick(2) ? edits::NumberField::Category : edits::NumberField::Severity,
                                       pick(2) && !s.categories.empty() ? s.categories[std::size_t(pick(int(s.categories.size())))].id : pick(6));
                return "a card's category or severity";
            case 19: return delete_several(s);
            case 20: return write_from_outside(s);
            default:
                if (s.categories.empty()) return "nothing";
                edits::rename_category(w_, s.categories[std::size_t(pick(int(s.categories.size())))].id,
                                       fmt::format("Kategori {}", pick(9)));
                return "rename a category";
        }
    }

private:
    // A frame made around a few cards: they join it (cluster ids on many rows at once).
    std::string frame_cards(const Snapshot& s) {
        std::vector<Id> members;
        for (int i = 0; i < 1 + pick(6) && !s.cards.empty(); ++i) members.push_back(s.cards[std::size_t(pick(int(s.cards.size())))].id);
        edits::create_cluster_in_view(w_, fmt::format("Grupp {}", pick(9)), {0, 0, 4000, 3000}, 40, members, 800, 500);
        return "frame cards";
    }
    std::string move_frame(const Snapshot& s) {
        if (s.clusters.empty()) return "nothing";
        const Id cluster = s.clusters[std::size_t(pick(int(s.clusters.size())))].id;
        pick(4) ? edits::move_cluster(w_, cluster, float(pick(3000) - 1500), float(pick(2000) - 1000))
                : edits::delete_cluster(w_, cluster);
        return "move or delete a frame";
    }
    // More cards than the ranking moves one by one: it is made again.
    std::string move_many(const Snapshot& s) {
        std::vector<edits::CardPosition> moved;
        for (std::size_t i = 0; i < s.cards.size(); i += 1 + std::size_t(pick(2)))
            moved.push_back({s.cards[i].id, float(pick(20000) - 5000), float(pick(9000) - 2000)});
        edits::move_cards(w_, moved);
        return "move many cards";
    }
    std::string delete_several(const Snapshot& s) {
        std::vector<Id> gone;
        for (int i = 0; i < 2 + pick(4) && !s.cards.empty(); ++i) gone.push_back(s.cards[std::size_t(pick(int(s.cards.size())))].id);
        edits::delete_cards(w_, gone);
        return "delete several cards";
    }
    // A write that is no edit (another program, or SQL by hand): the next revision cannot name its rows.
    std::string write_from_outside(const Snapshot& s) {
        if (s.cards.empty()) return "nothing";
        const Id card = s.cards[std::size_t(pick(int(s.cards.size())))].id;
        w_.db().run("UPDATE problem_map_card SET x = x + 5000, severity = ?, hidden = 1 - hidden WHERE id = ?",
                    std::int64_t(pick(6)), card);
        w_.db().run("INSERT INTO problem_map_vote(card_id, organisation, dots) VALUES (?, 'Kommunen', 2)", card);
        edits::set_text(w_, card, edits::TextField::Title, fmt::format("Efter {}", pick(100)));
        ++outside_writes_;
        return "a write from outside, then an edit";
    }

public:
    int outside_writes() const { return outside_writes_; }

private:
    int outside_writes_ = 0;
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
    std::string organisation() { return pick(2) ? "Polisen" : "Skolan"; }

    Workshop& w_;
    std::mt19937 random_;
    int next_sent_ = 1;
};

}  // namespace

TEST_CASE("a snapshot updated row by row after random edits, undos and redos equals one read whole") {
    auto w = fixture::workshop_with_tables();
    REQUIRE(edits::set_vote_by(*w, VoteBy::Organisation));
    REQUIRE(edits::set_phone_voting(*w, true));
    for (int i = 0; i < 20; ++i) REQUIRE(edits::create_card(*w, float(i * 300), 0, fmt::format("Start {}", i)));
    // Dots on many cards, so a card's new dot moves it past others in the ranking, and cards on both
    // sides of the board's grid cells.
    for (int i = 0; i < 120; ++i) {
        const Id card = edits::create_card(*w, float(i % 12) * 700 - 2000, float(i / 12) * 600 - 1000, fmt::format("Mitt {}", i));
        REQUIRE(card);
        if (i % 3 == 0) REQUIRE(edits::set_phone_dots(*w, fmt::format("{:032x}", 100 + i), card, 1 + i % 2));
    }
    SnapshotCache cache;
    RandomEdits random(*w, 2512);
    for (int i = 0; i < 900; ++i) {
        auto before = cache.get(*w);
        // Often several edits between two frames (the phones' requests are answered between frames).
        std::string step = random.step(*before);
        for (int more = i % 3 == 1 ? 1 + i % 5 : 0; more > 0; --more)
            step += ", " + random.step(load_snapshot(w->db()));
        // Every other step nobody holds the snapshot any more, and it is updated in place; else a copy is.
        if (i % 2 == 0) before.reset();
        auto snapshot = cache.get(*w);
        INFO("step ", i, ": ", step);
        check_same(*snapshot, load_snapshot(w->db()));
    }
    // The point of it: nearly every step was an update, not a whole reading; a write from outside
    // makes the next one a whole reading.
    CHECK(random.outside_writes() > 10);
    CHECK(cache.whole_readings() <= std::size_t(1 + random.outside_writes()));
    CHECK(cache.row_updates() > 600);
}

TEST_CASE("a snapshot is read whole again when the workshop cannot name the rows that changed") {
    auto w = fixture::workshop_with_tables();
    SnapshotCache cache;
    cache.get(*w);
    REQUIRE(edits::create_card(*w, 0, 0, "Klotter"));
    cache.get(*w);
    CHECK(cache.row_updates() == 1);
    // Too many steps behind: the workshop keeps only the recent ones.
    for (int i = 0; i < 80; ++i) REQUIRE(edits::create_card(*w, float(i * 300), 400, "Skadegörelse"));
    check_same(*cache.get(*w), load_snapshot(w->db()));
    CHECK(cache.whole_readings() == 2);
    CHECK_FALSE(w->changes_since(0).has_value());
}
