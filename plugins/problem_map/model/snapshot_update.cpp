// The snapshot after a few edits, made from the one before by reading only the rows
// the edits touched (Workshop::changes_since). On a board of 50,000 cards reading it
// all again took 250–450 ms on the main thread at every card a phone sent.
#include "snapshot.hpp"
#include "snapshot_rows.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace kartla::problem_map {

namespace {

// Beyond this many rows, reading everything again costs little more.
constexpr std::size_t kMostRows = 512;

struct Touched {
    std::set<Id> cards, votes, phone_votes, causes;
    bool small_tables = false, triangles = false;
};

// What the changes touched of the snapshot's tables; none when one of them cannot be followed row by row.
std::optional<Touched> touched(const std::vector<RowChange>& changes) {
    Touched t;
    for (const auto& change : changes) {
        const std::string_view table = change.table;
        if (!table.starts_with("problem_map_")) continue;  // the snapshot reads no other plugin's or the core's tables
        std::set<Id>* keyed = table == "problem_map_card"         ? &t.cards
                              : table == "problem_map_vote"       ? &t.votes
                              : table == "problem_map_phone_vote" ? &t.phone_votes
                              : table == "problem_map_cause"      ? &t.causes
                                                                  : nullptr;
        if (keyed) {
            if (!change.integer_key) return std::nullopt;
            keyed->insert(change.key);
        } else if (table == "problem_map_category" || table == "problem_map_area" || table == "problem_map_cluster" ||
                   table == "problem_map_setting") {
            t.small_tables = true;
        } else if (table == "problem_map_triangle") {
            t.triangles = true;  // a triangle's row names its own id, not its card's: read them all again
        } else if (table != "problem_map_phone_card") {  // counted anew at every update
            return std::nullopt;  // a table this code does not know: read everything
        }
    }
    if (t.cards.size() + t.votes.size() + t.phone_votes.size() + t.causes.size() > kMostRows) return std::nullopt;
    return t;
}

// Drops the rows whose id is in `ids`, then puts each that still exists where load_snapshot's ORDER BY has it.
template <typename T, typename IdOf, typename Before, typename Read>
void replace_rows(std::vector<T>& rows, const std::set<Id>& ids, IdOf id_of, Before before, Read read) {
    if (ids.empty()) return;
    std::erase_if(rows, [&](const T& row) { return ids.count(id_of(row)) != 0; });
    for (Id id : ids)
        if (auto row = read(id)) rows.insert(std::upper_bound(rows.begin(), rows.end(), *row, before), std::move(*row));
}

// The same for rows kept in the order of their ids (`probe`: a row with just the id, as `before`
// compares them): each found by its id and replaced where it is, so the rows around it do not
// move. `seen(id, row before)` for each (none: it is new). Returns the first position where a row
// was inserted or removed (the rows from there on moved), or the rows' count.
template <typename T, typename Probe, typename Before, typename Read, typename Seen>
std::size_t replace_rows_by_id(std::vector<T>& rows, const std::set<Id>& ids, Probe probe, Before before, Read read,
                               Seen seen) {
    std::size_t moved_from = rows.size();
    for (Id id : ids) {
        const T key = probe(id);
        const auto at = std::lower_bound(rows.begin(), rows.end(), key, before);
        const bool found = at != rows.end() && !before(key, *at);
        const auto position = std::size_t(at - rows.begin());
        seen(id, found ? std::optional<T>(*at) : std::nullopt);
        std::optional<T> row = read(id);
        if (found && row) *at = std::move(*row);
        else if (found) rows.erase(at);
        else if (row) rows.insert(at, std::move(*row));
        if (found != bool(row)) moved_from = std::min(moved_from, position);
    }
    return std::min(moved_from, rows.size());
}

// load_snapshot's order of votes: the votes by id, then the phones' dots by their (negated) id.
bool vote_before(const Vote& a, const Vote& b) {
    const bool phone_a = a.id < 0, phone_b = b.id < 0;
    if (phone_a != phone_b) return phone_b;
    return phone_a ? -a.id < -b.id : a.id < b.id;
}

}  // namespace

std::optional<Snapshot> updated_snapshot(Database& db, Snapshot s, const std::vector<RowChange>& changes) {
    const auto t = touched(changes);
    if (!t) return std::nullopt;
    // The rows are updated below; what is derived from them is derived again, as load_snapshot does.
    if (t->small_tables) rows::read_small_tables(db, s);
    if (t->triangles) rows::read_triangles(db, s);
    rows::Replaced replaced;
    replaced.cards_moved_from = replace_rows_by_id(
        s.cards, t->cards, [](Id id) { return Card{.id = id}; }, [](const Card& a, const Card& b) { return a.id < b.id; },
        [&db](Id id) { return rows::card(db, id); },
        [&replaced](Id id, std::optional<Card> before) { replaced.cards.emplace_back(id, std::move(before)); });
    replace_rows(
        s.causes, t->causes, [](const Cause& c) { return c.id; },
        [](const Cause& a, const Cause& b) {
            return std::tie(a.card_id, a.position, a.id) < std::tie(b.card_id, b.position, b.id);
        },
        [&db](Id id) { return rows::cause(db, id); });
    // Votes and phones' dots share one vector: each kind by its own ids, the phones' negated.
    auto vote_seen = [&replaced](Id, const std::optional<Vote>& before) {
        if (before) replaced.voted_cards.insert(before->card_id);
    };
    replace_rows_by_id(
        s.votes, t->votes, [](Id id) { return Vote{id}; }, vote_before, [&db](Id id) { return rows::vote(db, id); }, vote_seen);
    replace_rows_by_id(
        s.votes, t->phone_votes, [](Id id) { return Vote{-id}; }, vote_before,
        [&db](Id id) { return rows::phone_vote(db, id); }, vote_seen);
    // The votes' cards after, too: a new vote, or one moved to another card.
    for (Id id : t->votes)
        if (const auto at = std::lower_bound(s.votes.begin(), s.votes.end(), Vote{id}, vote_before);
            at != s.votes.end() && at->id == id)
            replaced.voted_cards.insert(at->card_id);
    for (Id id : t->phone_votes)
        if (const auto at = std::lower_bound(s.votes.begin(), s.votes.end(), Vote{-id}, vote_before);
            at != s.votes.end() && at->id == -id)
            replaced.voted_cards.insert(at->card_id);
    s.face_down_from_phones = rows::face_down_from_phones(db);
    rows::derive(s,
                 {!t->cards.empty(), !t->votes.empty() || !t->phone_votes.empty(), !t->causes.empty(), t->triangles,
                  t->small_tables},
                 &replaced);
    return s;
}

}  // namespace kartla::problem_map
