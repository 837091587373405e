#include "snapshot.hpp"

#include "snapshot_rows.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

namespace kartla::problem_map {

namespace {

template <typename T>
const T* find(const std::vector<T>& items, const std::unordered_map<Id, std::size_t>& index, Id id) {
    auto found = index.find(id);
    return found == index.end() ? nullptr : &items[found->second];
}

void load_categories(Database& db, Snapshot& s) {
    auto& q = db.prepare("SELECT id, name, msgid, color, position FROM problem_map_category ORDER BY position, id").with();
    while (q.step()) s.categories.push_back({q.int64(0), q.text(1), q.text(2), std::uint32_t(q.int64(3)), q.integer(4)});
}

void load_areas(Database& db, Snapshot& s) {
    auto& q = db.prepare("SELECT id, name, police_class, position FROM problem_map_area ORDER BY position, id").with();
    while (q.step()) s.areas.push_back({q.int64(0), q.text(1), allowed_code(q.text(2), kPoliceClasses, ""), q.integer(3)});
}

void load_clusters(Database& db, Snapshot& s) {
    auto& q = db.prepare("SELECT id, name, x, y, w, h FROM problem_map_cluster ORDER BY id").with();
    while (q.step())
        s.clusters.push_back({q.int64(0), q.text(1), float(q.real(2)), float(q.real(3)), float(q.real(4)), float(q.real(5))});
}

// The card columns, all of them or (the report) without the long texts: the report shows
// a card's title, facts and place on the board, and on a board of 50,000 cards the rest is
// most of what there is to read.
constexpr const char* kCardColumns =
    "SELECT id, title, description, COALESCE(category_id, 0), COALESCE(area_id, 0), place, seasons, "
    "weekdays, times_of_day, when_note, target_group, extent, trend, severity, signal_crime, "
    "sources, source_limitations, confidence, impact, influence, x, y, COALESCE(cluster_id, 0), "
    "hidden, prioritised FROM problem_map_card ";
constexpr const char* kReportCardColumns =
    "SELECT id, title, '', COALESCE(category_id, 0), COALESCE(area_id, 0), '', seasons, "
    "weekdays, times_of_day, '', '', '', trend, severity, signal_crime, "
    "sources, '', confidence, impact, influence, x, y, COALESCE(cluster_id, 0), "
    "hidden, prioritised FROM problem_map_card ";

Card card_from(const Statement& q) {
    Card c;
    c.id = q.int64(0);
    c.title = q.text(1);
    c.description = q.text(2);
    c.category_id = q.int64(3);
    c.area_id = q.int64(4);
    c.place = q.text(5);
    c.seasons = q.integer(6);
    c.weekdays = q.integer(7);
    c.times_of_day = q.integer(8);
    c.when_note = q.text(9);
    c.target_group = q.text(10);
    c.extent = q.text(11);
    c.trend = allowed_code(q.text(12), kTrends, "unknown");
    c.severity = std::clamp(q.integer(13), 0, 5);
    c.signal_crime = q.integer(14) != 0;
    c.sources = q.integer(15);
    c.source_limitations = q.text(16);
    c.confidence = allowed_code(q.text(17), kConfidences, "");
    c.impact = std::clamp(q.integer(18), 0, 5);
    c.influence = std::clamp(q.integer(19), 0, 5);
    c.x = float(q.real(20));
    c.y = float(q.real(21));
    c.cluster_id = q.int64(22);
    c.hidden = q.integer(23) != 0;
    c.prioritised = q.integer(24) != 0;
    return c;
}

void load_cards(Database& db, Snapshot& s, Reading reading) {
    auto& q = db.prepare(std::string(reading == Reading::Everything ? kCardColumns : kReportCardColumns) + "ORDER BY id")
                  .with();
    while (q.step()) s.cards.push_back(card_from(q));
}

// Phones' dots count like everyone's; their ids are negative so they never meet a vote's id.
constexpr const char* kVoteColumns = "SELECT id, card_id, COALESCE(participant_id, 0), organisation, dots FROM problem_map_vote ";
constexpr const char* kPhoneVoteColumns = "SELECT id, card_id, phone, dots FROM problem_map_phone_vote ";
Vote vote_from(const Statement& q) { return {q.int64(0), q.int64(1), Voter{q.int64(2), q.text(3), {}}, q.integer(4)}; }
Vote phone_vote_from(const Statement& q) { return {-q.int64(0), q.int64(1), Voter{0, {}, q.text(2)}, q.integer(3)}; }

void load_votes(Database& db, Snapshot& s) {
    auto& q = db.prepare(std::string(kVoteColumns) + "ORDER BY id").with();
    while (q.step()) s.votes.push_back(vote_from(q));
    auto& p = db.prepare(std::string(kPhoneVoteColumns) + "ORDER BY id").with();
    while (p.step()) s.votes.push_back(phone_vote_from(p));
}

constexpr const char* kCauseColumns =
    "SELECT id, card_id, COALESCE(parent_id, 0), text, nature, factor, position FROM problem_map_cause ";
Cause cause_from(const Statement& q) {
    return {q.int64(0), q.int64(1), q.int64(2), q.text(3), allowed_code(q.text(4), kNatures, "situational"),
            allowed_code(q.text(5), kFactors, ""), q.integer(6)};
}

void load_causes(Database& db, Snapshot& s, Reading reading) {
    // The report lists the causes of the prioritised problems only.
    auto& q = db.prepare(std::string(kCauseColumns) +
                         (reading == Reading::Everything
                              ? "ORDER BY card_id, position, id"
                              : "WHERE card_id IN (SELECT id FROM problem_map_card WHERE prioritised = 1) "
                                "ORDER BY card_id, position, id"))
                  .with();
    while (q.step()) s.causes.push_back(cause_from(q));
}

// One row by its id, or none when it is gone.
template <typename Read>
auto one_row(Database& db, const char* columns, Id id, Read read) -> std::optional<decltype(read(std::declval<Statement&>()))> {
    auto& q = db.prepare(std::string(columns) + "WHERE id = ?").with(id);
    std::optional<decltype(read(q))> row;
    if (q.step()) row = read(q);
    q.reset();
    return row;
}

void load_triangles(Database& db, Snapshot& s) {
    auto& q = db.prepare("SELECT card_id, offender, target, place, handler, guardian, manager "
                         "FROM problem_map_triangle ORDER BY card_id").with();
    while (q.step())
        s.triangles.push_back({q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
}

void load_settings(Database& db, Snapshot& s) {
    auto& q = db.prepare("SELECT key, value FROM problem_map_setting").with();
    while (q.step()) {
        std::string key = q.text(0), value = q.text(1);
        if (key == "dots_per_voter") s.settings.dots_per_voter = std::max(1, std::atoi(value.c_str()));
        else if (key == "vote_by") s.settings.vote_by = value == "organisation" ? VoteBy::Organisation : VoteBy::Participant;
        else if (key == "matrix")
            s.settings.matrix = value == "impact_influence" ? MatrixMode::ImpactInfluence : MatrixMode::SeverityTrend;
        else if (key == "silent_round") s.settings.silent_round = value == "1";
        else if (key == "phone_voting") s.settings.phone_voting = value == "1";
    }
}

}  // namespace

const Card* Snapshot::card(Id id) const { return find(cards, card_index, id); }
const Category* Snapshot::category(Id id) const { return find(categories, category_index, id); }
const Area* Snapshot::area(Id id) const { return find(areas, area_index, id); }
const Cluster* Snapshot::cluster(Id id) const { return find(clusters, cluster_index, id); }
const Cause* Snapshot::cause(Id id) const { return find(causes, cause_index, id); }

const Triangle* Snapshot::triangle(Id card_id) const {
    auto found = triangle_index.find(card_id);
    return found == triangle_index.end() ? nullptr : &triangles[found->second];
}

int Snapshot::dots(Id card_id) const {
    auto found = dots_by_card.find(card_id);
    return found == dots_by_card.end() ? 0 : found->second;
}

namespace rows {

void read_small_tables(Database& db, Snapshot& s) {
    s.categories.clear();
    s.areas.clear();
    s.clusters.clear();
    s.settings = {};
    load_categories(db, s);
    load_areas(db, s);
    load_clusters(db, s);
    load_settings(db, s);
}

void read_triangles(Database& db, Snapshot& s) {
    s.triangles.clear();
    load_triangles(db, s);
}

int face_down_from_phones(Database& db) {
    return int(db.scalar_int("SELECT count(*) FROM problem_map_phone_card AS p JOIN problem_map_card AS c "
                             "ON c.id = p.card_id WHERE c.hidden = 1"));
}

std::optional<Card> card(Database& db, Id id) { return one_row(db, kCardColumns, id, card_from); }
std::optional<Vote> vote(Database& db, Id id) { return one_row(db, kVoteColumns, id, vote_from); }
std::optional<Vote> phone_vote(Database& db, Id id) { return one_row(db, kPhoneVoteColumns, id, phone_vote_from); }
std::optional<Cause> cause(Database& db, Id id) { return one_row(db, kCauseColumns, id, cause_from); }

}  // namespace rows

Snapshot load_snapshot(Database& db, Reading reading) {
    Snapshot s;
    rows::read_small_tables(db, s);
    load_cards(db, s, reading);
    load_votes(db, s);
    load_causes(db, s, reading);
    if (reading == Reading::Everything) load_triangles(db, s);
    s.face_down_from_phones = rows::face_down_from_phones(db);
    rows::derive(s, rows::Parts{});
    return s;
}

std::shared_ptr<const Snapshot> SnapshotCache::get(Workshop& workshop) {
    if (snapshot_ && workshop_ == &workshop && revision_ == workshop.revision()) return snapshot_;
    std::optional<Snapshot> updated;
    if (snapshot_ && workshop_ == &workshop)
        if (auto changes = workshop.changes_since(revision_)) {
            // Nobody holds this one any more (a view keeps it only for its frame): updated in place.
            const bool alone = snapshot_.use_count() == 1;
            updated = updated_snapshot(workshop.db(), alone ? std::move(*snapshot_) : Snapshot(*snapshot_), *changes);
        }
    if (updated) ++row_updates_;
    else ++whole_readings_;
    snapshot_ = std::make_shared<Snapshot>(updated ? std::move(*updated) : load_snapshot(workshop.db()));
    workshop_ = &workshop;
    revision_ = workshop.revision();
    return snapshot_;
}

}  // namespace kartla::problem_map
