// What the snapshot derives from its rows: the indexes by id, the dots per card, the
// ranking and the board's index. Read whole, everything is derived; updated by a few
// rows (snapshot_update.cpp), the cards' and votes' parts are updated by those rows
// alone: on a board of 50,000 cards deriving them again over every card took most of
// the main thread's frame at each card a phone sent.
#include "queries.hpp"
#include "snapshot_rows.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace kartla::problem_map::rows {

namespace {

// Beyond this many cards touched, ranking every card again costs about what moving each row does.
constexpr std::size_t kMostRankMoves = 64;

// Reuses the entries an index already has (an update of a few rows allocates only for the new
// ids), and starts afresh when ids are left over that the items no longer have.
template <typename T>
void build_index(const std::vector<T>& items, std::unordered_map<Id, std::size_t>& index) {
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index[items[i].id] = i;
    if (index.size() == items.size()) return;
    index.clear();
    for (std::size_t i = 0; i < items.size(); ++i) index[items[i].id] = i;
}

void count_dots(Snapshot& s) {
    s.dots_by_card.clear();
    for (const auto& vote : s.votes) s.dots_by_card[vote.card_id] += vote.dots;
}

// The card's position in `cards` (kept by id), found without the index.
std::optional<std::size_t> position_of(const std::vector<Card>& cards, Id id) {
    const auto at = std::partition_point(cards.begin(), cards.end(), [id](const Card& c) { return c.id < id; });
    if (at == cards.end() || at->id != id) return std::nullopt;
    return std::size_t(at - cards.begin());
}

// The touched cards out of the index, and every card from the first that may have moved at its position.
void update_card_index(Snapshot& s, const Replaced& r) {
    for (const auto& touched : r.cards) s.card_index.erase(touched.first);
    for (std::size_t i = r.cards_moved_from; i < s.cards.size(); ++i) s.card_index[s.cards[i].id] = i;
    for (const auto& touched : r.cards)
        if (auto at = position_of(s.cards, touched.first)) s.card_index[touched.first] = *at;
}

// A card's votes as the whole reading counts them: their dots and its voters (no tally: no votes).
struct Tally {
    int dots = 0;
    std::set<std::string> voters;
};

// The ranking updated by the cards whose row in it may have changed: each out at the place its
// row had, in at the place it has now. remove() is false when a row is not where it should be
// (then the ranking is made whole).
class RankMoves {
public:
    explicit RankMoves(Snapshot& s) : s_(s) {}

    // Before the dots are counted again: each card's row found where it lies now, by its
    // dots and (`before`: its row before the update; none: it is new) its severity before.
    void take_out(const std::map<Id, const Card*>& cards) {
        for (const auto& [card, before] : cards)
            if (before) severity_before_[card] = before->severity;  // all first: a search passes the others' rows
        for (const auto& [card, before] : cards) {
            if (!before) continue;
            const RankPlace place{s_.dots(card), before->severity, card};
            const auto at = std::partition_point(s_.ranks.begin(), s_.ranks.end(),
                                                 [&](const RankRow& row) { return ranked_before(place_before(row), place); });
            if (at == s_.ranks.end() || at->card_id != card) return void(lost_ = true);
            taken_.emplace(card, *at);
            positions_.push_back(std::size_t(at - s_.ranks.begin()));
        }
    }
    // Once every row is found: the rows taken out go.
    bool remove() {
        if (lost_) return false;
        std::sort(positions_.rbegin(), positions_.rend());
        for (std::size_t at : positions_) s_.ranks.erase(s_.ranks.begin() + std::ptrdiff_t(at));
        return true;
    }
    // After: the card's row, if it is still on the board, at its place; `voters` none: as it was.
    void put_in(Id card, const std::optional<int>& voters) {
        const Card* now = s_.card(card);
        if (!now) return;
        const auto taken = taken_.find(card);
        const int count = voters ? *voters : taken != taken_.end() ? taken->second.voters : 0;
        const RankRow row{card, s_.dots(card), count, 0};
        const RankPlace place{row.dots, now->severity, card};
        const auto at = std::partition_point(s_.ranks.begin(), s_.ranks.end(),
                                             [&](const RankRow& r) { return ranked_before(place_now(r), place); });
        s_.ranks.insert(at, row);
    }
    // The ranks of the cards with dots, from their order: 1 + the cards with more (rank_by_dots).
    void number() {
        for (std::size_t i = 0; i < s_.ranks.size() && s_.ranks[i].dots > 0; ++i)
            s_.ranks[i].rank = i > 0 && s_.ranks[i - 1].dots == s_.ranks[i].dots ? s_.ranks[i - 1].rank : int(i) + 1;
    }

private:
    // A row's place as the ranking was made: the touched cards by their severity before.
    RankPlace place_before(const RankRow& row) const {
        const auto before = severity_before_.find(row.card_id);
        return {row.dots, before != severity_before_.end() ? before->second : severity_now(row.card_id), row.card_id};
    }
    RankPlace place_now(const RankRow& row) const { return {row.dots, severity_now(row.card_id), row.card_id}; }
    int severity_now(Id card) const {
        const Card* c = s_.card(card);
        return c ? c->severity : 0;
    }

    Snapshot& s_;
    std::unordered_map<Id, int> severity_before_;
    std::unordered_map<Id, RankRow> taken_;
    std::vector<std::size_t> positions_;
    bool lost_ = false;
};

// The dots and voters of the cards in `cards`, in one pass over the votes: the votes are kept by
// their own id, not by card. A pass over 10,000 votes is a few hundredths of a millisecond; the
// voters' sets are made for these cards only.
std::unordered_map<Id, Tally> tally(const Snapshot& s, const std::set<Id>& cards) {
    std::unordered_map<Id, Tally> out;
    if (cards.empty()) return out;
    for (const auto& vote : s.votes)
        if (cards.count(vote.card_id)) {
            Tally& t = out[vote.card_id];
            t.dots += vote.dots;
            t.voters.insert(voter_key(vote.voter));
        }
    return out;
}

// The dots per card and the ranking after the replaced rows, moving only the touched cards' rows.
void update_dots_and_ranking(Snapshot& s, const Replaced& r) {
    std::map<Id, const Card*> affected;  // each card whose row in the ranking may move, with its row before
    for (const auto& touched : r.cards) affected[touched.first] = touched.second ? &*touched.second : nullptr;
    for (Id card : r.voted_cards)
        if (!affected.count(card)) affected[card] = s.card(card);  // not touched: as it is now
    RankMoves moves(s);
    if (affected.size() <= kMostRankMoves) {
        moves.take_out(affected);
        if (moves.remove()) {
            const auto tallies = tally(s, r.voted_cards);
            for (Id card : r.voted_cards) {
                const auto found = tallies.find(card);
                if (found == tallies.end()) s.dots_by_card.erase(card);
                else s.dots_by_card[card] = found->second.dots;
            }
            for (const auto& entry : affected) {
                const auto found = tallies.find(entry.first);
                const bool voted = r.voted_cards.count(entry.first) != 0;
                moves.put_in(entry.first, voted ? std::optional<int>(found == tallies.end() ? 0 : int(found->second.voters.size()))
                                                : std::nullopt);
            }
            moves.number();
            return;
        }
    }
    // Too many to move one by one, or a row not where it should be: everything again.
    count_dots(s);
    s.ranks = compute_ranking(s);
}

}  // namespace

void derive(Snapshot& s, const Parts& changed, const Replaced* replaced) {
    if (changed.small_tables) {
        build_index(s.categories, s.category_index);
        build_index(s.areas, s.area_index);
        build_index(s.clusters, s.cluster_index);
    }
    if (replaced) {
        update_card_index(s, *replaced);
        for (const auto& [id, before] : replaced->cards) s.board.replace(before ? &*before : nullptr, s.card(id));
        update_dots_and_ranking(s, *replaced);
    } else {
        if (changed.cards) build_index(s.cards, s.card_index);
        if (changed.votes) count_dots(s);
        if (changed.cards || changed.votes) s.ranks = compute_ranking(s);
        if (changed.cards) s.board.build(s.cards, s.categories);
    }
    if (changed.small_tables || replaced) s.board.name_used_categories(s.categories);
    if (changed.causes) {
        build_index(s.causes, s.cause_index);
        s.causes_by_card.clear();
        for (std::size_t i = 0; i < s.causes.size(); ++i) s.causes_by_card[s.causes[i].card_id].push_back(i);
    }
    if (changed.triangles) {
        s.triangle_index.clear();
        for (std::size_t i = 0; i < s.triangles.size(); ++i) s.triangle_index.emplace(s.triangles[i].card_id, i);
    }
}

}  // namespace kartla::problem_map::rows
