// Every write of the problem picture, one Host::edit each. One file on purpose,
// although it is over 450 lines: the edits share the placement rules (which
// cluster a card joins), the settings and the row checks, and reading them side
// by side is how one sees that every undo step restores what its edit changed.
// The one-value edits are rows of the tables below, behind one helper (edit_row).
#include "edits.hpp"

#include "queries.hpp"

#include "kartla/core_data.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <stdexcept>

namespace kartla::problem_map::edits {

namespace {

void require_row(Database& db, const char* what) {
    if (db.changes() == 0) throw std::runtime_error(std::string(what) + " no longer exists");
}

// An undo label kept in a table rather than written at its edit call: marked so
// the translation test (tests/core/translation_coverage_test.cpp) finds it.
constexpr const char* undo_label(const char* msgid) { return msgid; }

constexpr const char* kEditProblem = undo_label("Edit problem");

// An edit that sets one value of one row: its undo label, a fixed statement
// (the value, then the row's id; column names are never built from input) and
// what the row is called when it no longer exists (null: the statement makes sure it does).
struct RowEdit {
    const char* label;
    const char* sql;
    const char* row = "The card";
};

// The one helper behind every such edit.
template <typename Value>
EditResult edit_row(Editor& w, const RowEdit& e, const Value& value, Id id) {
    return w.edit(e.label, [&](Database& db) {
        db.run(e.sql, value, id);
        if (e.row) require_row(db, e.row);
    });
}

template <typename Field>
struct FieldEdit {
    Field field;
    RowEdit edit;
};

template <typename Field, std::size_t N>
const RowEdit& edit_of(const FieldEdit<Field> (&table)[N], Field field) {
    for (const auto& entry : table)
        if (entry.field == field) return entry.edit;
    throw std::logic_error("unknown field");
}

// The card's fields, one row each.
constexpr FieldEdit<TextField> kTextFields[] = {
    {TextField::Title, {undo_label("Edit problem title"), "UPDATE problem_map_card SET title = ? WHERE id = ?"}},
    {TextField::Description, {kEditProblem, "UPDATE problem_map_card SET description = ? WHERE id = ?"}},
    {TextField::Place, {kEditProblem, "UPDATE problem_map_card SET place = ? WHERE id = ?"}},
    {TextField::WhenNote, {kEditProblem, "UPDATE problem_map_card SET when_note = ? WHERE id = ?"}},
    {TextField::TargetGroup, {kEditProblem, "UPDATE problem_map_card SET target_group = ? WHERE id = ?"}},
    {TextField::Extent, {kEditProblem, "UPDATE problem_map_card SET extent = ? WHERE id = ?"}},
    {TextField::SourceLimitations, {kEditProblem, "UPDATE problem_map_card SET source_limitations = ? WHERE id = ?"}},
};

constexpr FieldEdit<NumberField> kNumberFields[] = {
    {NumberField::Category, {kEditProblem, "UPDATE problem_map_card SET category_id = NULLIF(?, 0) WHERE id = ?"}},
    {NumberField::Area, {kEditProblem, "UPDATE problem_map_card SET area_id = NULLIF(?, 0) WHERE id = ?"}},
    {NumberField::Seasons, {kEditProblem, "UPDATE problem_map_card SET seasons = ? WHERE id = ?"}},
    {NumberField::Weekdays, {kEditProblem, "UPDATE problem_map_card SET weekdays = ? WHERE id = ?"}},
    {NumberField::TimesOfDay, {kEditProblem, "UPDATE problem_map_card SET times_of_day = ? WHERE id = ?"}},
    {NumberField::Severity, {kEditProblem, "UPDATE problem_map_card SET severity = ? WHERE id = ?"}},
    {NumberField::SignalCrime, {kEditProblem, "UPDATE problem_map_card SET signal_crime = ? WHERE id = ?"}},
    {NumberField::Sources, {kEditProblem, "UPDATE problem_map_card SET sources = ? WHERE id = ?"}},
    {NumberField::Impact, {kEditProblem, "UPDATE problem_map_card SET impact = ? WHERE id = ?"}},
    {NumberField::Influence, {kEditProblem, "UPDATE problem_map_card SET influence = ? WHERE id = ?"}},
    {NumberField::Prioritised, {undo_label("Mark prioritised"), "UPDATE problem_map_card SET prioritised = ? WHERE id = ?"}},
};

constexpr FieldEdit<ChoiceField> kChoiceFields[] = {
    {ChoiceField::Trend, {kEditProblem, "UPDATE problem_map_card SET trend = ? WHERE id = ?"}},
    {ChoiceField::Confidence, {kEditProblem, "UPDATE problem_map_card SET confidence = ? WHERE id = ?"}},
};

// The triangle's row is made first if missing (set_triangle), so it never lacks.
constexpr const char* kEditTriangle = undo_label("Edit problem triangle");
constexpr FieldEdit<TriangleField> kTriangleFields[] = {
    {TriangleField::Offender, {kEditTriangle, "UPDATE problem_map_triangle SET offender = ? WHERE card_id = ?", nullptr}},
    {TriangleField::Target, {kEditTriangle, "UPDATE problem_map_triangle SET target = ? WHERE card_id = ?", nullptr}},
    {TriangleField::Place, {kEditTriangle, "UPDATE problem_map_triangle SET place = ? WHERE card_id = ?", nullptr}},
    {TriangleField::Handler, {kEditTriangle, "UPDATE problem_map_triangle SET handler = ? WHERE card_id = ?", nullptr}},
    {TriangleField::Guardian, {kEditTriangle, "UPDATE problem_map_triangle SET guardian = ? WHERE card_id = ?", nullptr}},
    {TriangleField::Manager, {kEditTriangle, "UPDATE problem_map_triangle SET manager = ? WHERE card_id = ?", nullptr}},
};

// Single values of causes, clusters and the workshop's lists.
constexpr const char* kEditCause = undo_label("Edit cause");
constexpr RowEdit kCauseText{kEditCause, "UPDATE problem_map_cause SET text = ? WHERE id = ?", "The cause"};
constexpr RowEdit kCauseNature{kEditCause, "UPDATE problem_map_cause SET nature = ? WHERE id = ?", "The cause"};
constexpr RowEdit kCauseFactor{kEditCause, "UPDATE problem_map_cause SET factor = ? WHERE id = ?", "The cause"};
constexpr RowEdit kClusterName{undo_label("Rename cluster"), "UPDATE problem_map_cluster SET name = ? WHERE id = ?",
                               "The cluster"};
constexpr RowEdit kCategoryName{undo_label("Rename category"), "UPDATE problem_map_category SET name = ? WHERE id = ?",
                                "The category"};
constexpr RowEdit kCategoryColor{undo_label("Category colour"), "UPDATE problem_map_category SET color = ? WHERE id = ?",
                                 "The category"};
constexpr RowEdit kAreaName{undo_label("Rename area"), "UPDATE problem_map_area SET name = ? WHERE id = ?", "The area"};
constexpr RowEdit kAreaClass{undo_label("Police area class"), "UPDATE problem_map_area SET police_class = ? WHERE id = ?",
                             "The area"};
std::vector<Cluster> stored_clusters(Database& db) {
    std::vector<Cluster> out;
    auto& q = db.prepare("SELECT id, x, y, w, h FROM problem_map_cluster ORDER BY id").with();
    while (q.step()) out.push_back({q.int64(0), {}, float(q.real(1)), float(q.real(2)), float(q.real(3)), float(q.real(4))});
    return out;
}

// Only the rectangles matter for placement: the rows' id, x and y, but those in `except`.
std::vector<Card> card_places(Statement& q, const std::vector<Id>& except = {}) {
    std::vector<Card> out;
    while (q.step()) {
        if (std::find(except.begin(), except.end(), q.int64(0)) != except.end()) continue;
        Card card;
        card.id = q.int64(0);
        card.x = float(q.real(1));
        card.y = float(q.real(2));
        out.push_back(std::move(card));
    }
    return out;
}

std::vector<Card> stored_card_places(Database& db, const std::vector<Id>& except = {}) {
    return card_places(db.prepare("SELECT id, x, y FROM problem_map_card").with(), except);
}

// The cards whose top-left corner lies in the rectangle, read through the index on
// position (problem_map_card_position): a few rows however large the board.
std::vector<Card> stored_cards_meeting(Database& db, const placement::Rect& r) {
    return card_places(db.prepare("SELECT id, x, y FROM problem_map_card WHERE y >= ?1 AND y <= ?2 AND x >= ?3 AND x <= ?4")
                           .with(double(r.y), double(r.y + r.h), double(r.x), double(r.x + r.w)));
}

// A new card's place: the first free one in view, asking only for the cards near it (the
// file's index on position, or `cards_near`).
placement::Place free_place_in(Database& db, const placement::Rect& view, const placement::CardsMeeting& cards_near = {}) {
    if (cards_near) return placement::free_card_place_near(cards_near, stored_clusters(db), view);
    return placement::free_card_place_near([&db](const placement::Rect& r) { return stored_cards_meeting(db, r); },
                                           stored_clusters(db), view);
}

// A card joins the topmost frame its centre lies in: the frame the board shows on top there.
void place_card(Database& db, Id card, double x, double y) {
    auto cluster = placement::cluster_at(stored_clusters(db), float(x + kCardWidth / 2), float(y + kCardHeight / 2));
    db.run("UPDATE problem_map_card SET x = ?, y = ?, cluster_id = ? WHERE id = ?", x, y, cluster, card);
    require_row(db, "The card");
}

std::string setting(Database& db, std::string_view key) {
    return db.scalar_text("SELECT value FROM problem_map_setting WHERE key = ?", key);
}

void put_setting(Database& db, std::string_view key, std::string_view value) {
    db.run("INSERT INTO problem_map_setting(id, key, value) VALUES (kartla_key(), ?, ?) "
           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
           key, value);
}

std::vector<Id> ids(Database& db, std::string_view sql, Id arg) {
    std::vector<Id> out;
    auto& q = db.prepare(sql).with(arg);
    while (q.step()) out.push_back(q.int64(0));
    return out;
}

// A cause and everything under it, the cause first.
std::vector<Id> branch(Database& db, Id cause) {
    return ids(db,
               "WITH RECURSIVE b(id) AS (SELECT ?1 UNION ALL "
               "SELECT c.id FROM problem_map_cause c JOIN b ON c.parent_id = b.id) SELECT id FROM b",
               cause);
}

template <typename Fn>
Id edit_returning_id(Editor& w, std::string_view label, EditResult* result, Fn&& fn) {
    Id id = 0;
    auto outcome = w.edit(label, [&](Database& db) { id = fn(db); });
    if (!outcome) id = 0;
    if (result) *result = outcome;
    return id;
}

std::optional<Id> optional_id(Id id) { return id ? std::optional<Id>(id) : std::nullopt; }

// The card a phone already sent with this id (made on the phone), or 0.
Id card_sent_as(Database& db, std::string_view sent_id) {
    if (sent_id.empty()) return 0;
    return db.scalar_int("SELECT card_id FROM problem_map_phone_card WHERE sent_id = ?", sent_id);
}

}  // namespace

Id create_card(Editor& w, float x, float y, std::string_view title, EditResult* result) {
    return edit_returning_id(w, "New problem card", result, [&](Database& db) {
        bool face_down = setting(db, "silent_round") == "1";
        // A default string_view has no data and would bind as NULL: bind a string.
        db.run("INSERT INTO problem_map_card(id, title, hidden) VALUES (kartla_key(), ?, ?)", std::string(title), face_down ? 1 : 0);
        Id id = db.last_insert_id();
        place_card(db, id, x, y);
        return id;
    });
}

Id create_card_in_view(Editor& w, const placement::Rect& view, EditResult* result) {
    return edit_returning_id(w, "New problem card", result, [&](Database& db) {
        const auto place = free_place_in(db, view);
        bool face_down = setting(db, "silent_round") == "1";
        db.run("INSERT INTO problem_map_card(id, title, hidden) VALUES (kartla_key(), '', ?)", face_down ? 1 : 0);
        Id id = db.last_insert_id();
        place_card(db, id, place.x, place.y);
        return id;
    });
}

PhoneCardKept create_card_from_phone(Editor& w, const PhoneCard& card, const placement::Rect& view, EditResult* result,
                                     const placement::CardsMeeting& cards_near) {
    PhoneCardKept kept;
    const EditResult outcome = w.edit("New problem card from a phone", [&](Database& db) {
        if (const Id known = card_sent_as(db, card.sent_id)) {
            kept = {known, db.scalar_int("SELECT hidden FROM problem_map_card WHERE id = ?", known) == 1, true};
            return;
        }
        const auto place = free_place_in(db, view, cards_near);
        const bool face_down = setting(db, "silent_round") == "1";
        const bool known_category =
            card.category && db.scalar_int("SELECT count(*) FROM problem_map_category WHERE id = ?", card.category) > 0;
        db.run("INSERT INTO problem_map_card(id, title, description, place, when_note, category_id, hidden) "
               "VALUES (kartla_key(), ?, ?, ?, ?, ?, ?)",
               card.title, card.description, card.place, card.when_note, optional_id(known_category ? card.category : 0),
               face_down ? 1 : 0);
        const Id id = db.last_insert_id();
        place_card(db, id, place.x, place.y);
        if (!card.sent_id.empty())
            db.run("INSERT INTO problem_map_phone_card(sent_id, card_id) VALUES (?, ?)", card.sent_id, id);
        kept = {id, face_down, false};
    });
    if (!outcome) kept = {};
    if (result) *result = outcome;
    return kept;
}

const char* phone_dots_refusal(Database& db, std::string_view phone, Id card, int dots) {
    if (setting(db, "phone_voting") != "1") return "Voting is closed.";
    if (db.scalar_int("SELECT count(*) FROM problem_map_card WHERE id = ? AND hidden = 0", card) == 0)
        return "The card is not there any more.";
    const int budget = std::max(1, std::atoi(setting(db, "dots_per_voter").c_str()));
    const int elsewhere = int(db.scalar_int(
        "SELECT COALESCE(SUM(dots), 0) FROM problem_map_phone_vote WHERE phone = ? AND card_id <> ?", phone, card));
    if (dots < 0 || elsewhere + dots > budget) return "No dots left.";
    return nullptr;
}

EditResult set_phone_dots(Editor& w, std::string_view phone, Id card, int dots) {
    return w.edit("A phone's dots", [&](Database& db) {
        if (const char* refusal = phone_dots_refusal(db, phone, card, dots)) throw std::runtime_error(refusal);
        db.run("DELETE FROM problem_map_phone_vote WHERE phone = ? AND card_id = ?", phone, card);
        if (dots > 0)
            db.run("INSERT INTO problem_map_phone_vote(id, card_id, phone, dots) VALUES (kartla_key(), ?, ?, ?)", card, phone, dots);
    });
}

EditResult set_phone_voting(Editor& w, bool open) {
    return w.edit(open ? "Open voting for phones" : "Close voting for phones",
                  [&](Database& db) { put_setting(db, "phone_voting", open ? "1" : "0"); });
}

EditResult move_cards(Editor& w, const std::vector<CardPosition>& positions) {
    return w.edit(positions.size() == 1 ? "Move card" : "Move cards", [&](Database& db) {
        for (const auto& p : positions) place_card(db, p.id, p.x, p.y);
    });
}

EditResult set_text(Editor& w, Id card, TextField field, std::string_view value) {
    return edit_row(w, edit_of(kTextFields, field), value, card);
}

EditResult set_number(Editor& w, Id card, NumberField field, std::int64_t value) {
    return edit_row(w, edit_of(kNumberFields, field), value, card);
}

EditResult set_choice(Editor& w, Id card, ChoiceField field, std::string_view value) {
    return edit_row(w, edit_of(kChoiceFields, field), value, card);
}

EditResult delete_cards(Editor& w, const std::vector<Id>& cards) {
    return w.edit(cards.size() == 1 ? "Delete problem card" : "Delete problem cards", [&](Database& db) {
        for (Id card : cards) {
            for (Id cause : ids(db, "SELECT id FROM problem_map_cause WHERE card_id = ?", card))
                core_data::remove_links_of(db, {"cause", cause});
            core_data::remove_links_of(db, {"problem", card});
            db.run("DELETE FROM problem_map_card WHERE id = ?", card);
        }
    });
}

EditResult set_matrix_cell(Editor& w, Id card, MatrixMode mode, int column, int row) {
    auto fields = matrix_fields(mode, column, row);
    return w.edit("Move in matrix", [&](Database& db) {
        if (mode == MatrixMode::SeverityTrend) {
            if (fields.second == 0) db.run("UPDATE problem_map_card SET severity = 0 WHERE id = ?", card);
            else
                db.run("UPDATE problem_map_card SET severity = ?, trend = ? WHERE id = ?", fields.second,
                       kTrendColumns[std::size_t(fields.first)], card);
        } else {
            db.run("UPDATE problem_map_card SET influence = ?, impact = ? WHERE id = ?", fields.first, fields.second,
                   card);
        }
        require_row(db, "The card");
    });
}

Id create_cluster(Editor& w, std::string_view name, float x, float y, float width, float height) {
    // A frame takes no cards by being drawn over them: cards join one when moved into it.
    return edit_returning_id(w, "New cluster", nullptr, [&](Database& db) {
        db.run("INSERT INTO problem_map_cluster(id, name, x, y, w, h) VALUES (kartla_key(), ?, ?, ?, ?, ?)", name, double(x), double(y),
               double(width), double(height));
        return db.last_insert_id();
    });
}

Id create_cluster_in_view(Editor& w, std::string_view name, const placement::Rect& view, float header,
                          const std::vector<Id>& members, float width, float height) {
    return edit_returning_id(w, "New cluster", nullptr, [&](Database& db) {
        if (!members.empty()) {
            const auto size = placement::cluster_size_for(members.size(), header);
            width = size.x;
            height = size.y;
        }
        // The chosen cards leave their places, so they do not stand in the way.
        const auto at = placement::free_cluster_place(stored_card_places(db, members), stored_clusters(db), view, width, height);
        db.run("INSERT INTO problem_map_cluster(id, name, x, y, w, h) VALUES (kartla_key(), ?, ?, ?, ?, ?)", name, double(at.x),
               double(at.y), double(width), double(height));
        const Id id = db.last_insert_id();
        for (std::size_t i = 0; i < members.size(); ++i) {
            const auto slot = placement::slot_in_cluster(at.x, at.y, header, i);
            db.run("UPDATE problem_map_card SET x = ?, y = ?, cluster_id = ? WHERE id = ?", double(slot.x),
                   double(slot.y), id, members[i]);
            require_row(db, "The card");
        }
        return id;
    });
}

EditResult move_cluster(Editor& w, Id cluster, float dx, float dy) {
    return w.edit("Move cluster", [&](Database& db) {
        db.run("UPDATE problem_map_cluster SET x = x + ?, y = y + ? WHERE id = ?", double(dx), double(dy), cluster);
        require_row(db, "The cluster");
        db.run("UPDATE problem_map_card SET x = x + ?, y = y + ? WHERE cluster_id = ?", double(dx), double(dy), cluster);
    });
}

EditResult resize_cluster(Editor& w, Id cluster, float x, float y, float width, float height) {
    return w.edit("Resize cluster", [&](Database& db) {
        db.run("UPDATE problem_map_cluster SET x = ?, y = ?, w = ?, h = ? WHERE id = ?", double(x), double(y),
               double(width), double(height), cluster);
        require_row(db, "The cluster");
        db.run("UPDATE problem_map_card SET cluster_id = NULL WHERE cluster_id = ?1 "
               "AND NOT (x + ?2 BETWEEN ?3 AND ?3 + ?5 AND y + ?4 BETWEEN ?6 AND ?6 + ?7)",
               cluster, double(kCardWidth / 2), double(x), double(kCardHeight / 2), double(width), double(y),
               double(height));
        db.run("UPDATE problem_map_card SET cluster_id = ?1 WHERE cluster_id IS NULL "
               "AND x + ?2 BETWEEN ?3 AND ?3 + ?5 AND y + ?4 BETWEEN ?6 AND ?6 + ?7",
               cluster, double(kCardWidth / 2), double(x), double(kCardHeight / 2), double(width), double(y),
               double(height));
    });
}

EditResult rename_cluster(Editor& w, Id cluster, std::string_view name) { return edit_row(w, kClusterName, name, cluster); }

EditResult delete_cluster(Editor& w, Id cluster) {
    return w.edit("Delete cluster", [&](Database& db) {
        db.run("DELETE FROM problem_map_cluster WHERE id = ?", cluster);
        require_row(db, "The cluster");
    });
}

EditResult start_silent_round(Editor& w) {
    return w.edit("Start silent round", [&](Database& db) { put_setting(db, "silent_round", "1"); });
}

EditResult reveal_all(Editor& w, const std::optional<placement::Rect>& view) {
    return w.edit("Reveal all cards", [&](Database& db) {
        if (view) {
            std::vector<Card> outside;
            auto& q = db.prepare("SELECT c.id, c.x, c.y FROM problem_map_card AS c JOIN problem_map_phone_card AS p "
                                 "ON p.card_id = c.id WHERE c.hidden = 1 ORDER BY c.id").with();
            while (q.step()) {
                const placement::Rect at{float(q.real(1)), float(q.real(2)), kCardWidth, kCardHeight};
                if (!(at.x >= view->x && at.y >= view->y && at.x + at.w <= view->x + view->w && at.y + at.h <= view->y + view->h))
                    outside.push_back({.id = q.int64(0)});
            }
            // One at a time: each asks for the free places as the ones before left them.
            for (const auto& card : outside) {
                const auto place = free_place_in(db, *view);
                place_card(db, card.id, place.x, place.y);
            }
        }
        db.run("UPDATE problem_map_card SET hidden = 0 WHERE hidden = 1");
        put_setting(db, "silent_round", "0");
    });
}

namespace {

int dots_used(Database& db, const Voter& voter) {
    return int(db.scalar_int("SELECT COALESCE(SUM(dots), 0) FROM problem_map_vote "
                             "WHERE COALESCE(participant_id, 0) = ? AND organisation = ?",
                             voter.participant_id, voter.organisation));
}

std::optional<Id> vote_row(Database& db, Id card, const Voter& voter) {
    auto& q = db.prepare("SELECT id FROM problem_map_vote WHERE card_id = ? AND COALESCE(participant_id, 0) = ? "
                         "AND organisation = ?").with(card, voter.participant_id, voter.organisation);
    std::optional<Id> found;
    if (q.step()) found = q.int64(0);
    q.reset();
    return found;
}

void check_voter(const Voter& voter) {
    if ((voter.participant_id == 0) == voter.organisation.empty())
        throw std::invalid_argument("a vote belongs to either a participant or an organisation");
}

}  // namespace

EditResult add_dot(Editor& w, Id card, const Voter& voter) {
    return w.edit("Add a dot", [&](Database& db) {
        check_voter(voter);
        int budget = std::max(1, std::atoi(setting(db, "dots_per_voter").c_str()));
        if (dots_used(db, voter) >= budget) throw std::runtime_error("No dots left for this voter.");
        if (auto row = vote_row(db, card, voter)) {
            db.run("UPDATE problem_map_vote SET dots = dots + 1 WHERE id = ?", *row);
        } else {
            db.run("INSERT INTO problem_map_vote(id, card_id, participant_id, organisation, dots) VALUES (kartla_key(), ?, ?, ?, 1)", card,
                   optional_id(voter.participant_id), voter.organisation);
        }
    });
}

EditResult remove_dot(Editor& w, Id card, const Voter& voter) {
    return w.edit("Remove a dot", [&](Database& db) {
        auto row = vote_row(db, card, voter);
        if (!row) return;
        db.run("UPDATE problem_map_vote SET dots = dots - 1 WHERE id = ? AND dots > 1", *row);
        if (db.changes() == 0) db.run("DELETE FROM problem_map_vote WHERE id = ?", *row);
    });
}

EditResult set_dots_per_voter(Editor& w, int dots) {
    return w.edit("Dots per voter", [&](Database& db) {
        if (dots < 1 || dots > 99) throw std::invalid_argument("Choose between 1 and 99 dots.");
        put_setting(db, "dots_per_voter", std::to_string(dots));
    });
}

EditResult set_vote_by(Editor& w, VoteBy by) {
    return w.edit("Vote by", [&](Database& db) {
        put_setting(db, "vote_by", by == VoteBy::Organisation ? "organisation" : "participant");
    });
}

EditResult clear_votes(Editor& w) {
    return w.edit("Clear all votes", [&](Database& db) {
        db.run("DELETE FROM problem_map_vote");
        db.run("DELETE FROM problem_map_phone_vote");
    });
}

EditResult set_matrix_mode(Editor& w, MatrixMode mode) {
    return w.edit("Matrix axes", [&](Database& db) {
        put_setting(db, "matrix", mode == MatrixMode::ImpactInfluence ? "impact_influence" : "severity_trend");
    });
}

Id add_cause(Editor& w, Id card, Id parent, std::string_view text, EditResult* result) {
    return edit_returning_id(w, "Add cause", result, [&](Database& db) {
        if (parent && db.scalar_int("SELECT card_id FROM problem_map_cause WHERE id = ?", parent) != card)
            throw std::invalid_argument("The parent cause belongs to another problem.");
        db.run("INSERT INTO problem_map_cause(id, card_id, parent_id, text, position) VALUES (kartla_key(), ?, ?, ?, "
               "(SELECT COALESCE(MAX(position), 0) + 1 FROM problem_map_cause WHERE card_id = ?))",
               card, optional_id(parent), std::string(text), card);
        return db.last_insert_id();
    });
}

EditResult set_cause_text(Editor& w, Id cause, std::string_view text) { return edit_row(w, kCauseText, text, cause); }

EditResult set_cause_nature(Editor& w, Id cause, std::string_view nature) { return edit_row(w, kCauseNature, nature, cause); }

EditResult set_cause_factor(Editor& w, Id cause, std::string_view factor) { return edit_row(w, kCauseFactor, factor, cause); }

EditResult reparent_cause(Editor& w, Id cause, Id parent) {
    return w.edit("Move cause", [&](Database& db) {
        if (parent) {
            auto own = branch(db, cause);
            if (std::find(own.begin(), own.end(), parent) != own.end())
                throw std::invalid_argument("A cause cannot be placed under itself or its own sub-causes.");
            if (db.scalar_int("SELECT card_id FROM problem_map_cause WHERE id = ?", parent) !=
                db.scalar_int("SELECT card_id FROM problem_map_cause WHERE id = ?", cause))
                throw std::invalid_argument("The new parent belongs to another problem.");
        }
        db.run("UPDATE problem_map_cause SET parent_id = ? WHERE id = ?", optional_id(parent), cause);
        require_row(db, "The cause");
    });
}

EditResult delete_cause(Editor& w, Id cause) {
    return w.edit("Delete cause", [&](Database& db) {
        for (Id id : branch(db, cause)) core_data::remove_links_of(db, {"cause", id});
        db.run("DELETE FROM problem_map_cause WHERE id = ?", cause);
        require_row(db, "The cause");
    });
}

EditResult set_triangle(Editor& w, Id card, TriangleField field, std::string_view value) {
    const RowEdit& e = edit_of(kTriangleFields, field);
    return w.edit(e.label, [&](Database& db) {
        db.run("INSERT INTO problem_map_triangle(id, card_id) VALUES (kartla_key(), ?) ON CONFLICT(card_id) DO NOTHING", card);
        db.run(e.sql, value, card);
    });
}

Id add_category(Editor& w, std::string_view name, std::uint32_t color) {
    return edit_returning_id(w, "Add category", nullptr, [&](Database& db) {
        db.run("INSERT INTO problem_map_category(id, name, color, position) VALUES (kartla_key(), ?, ?, "
               "(SELECT COALESCE(MAX(position), 0) + 1 FROM problem_map_category))",
               name, std::int64_t(color));
        return db.last_insert_id();
    });
}

EditResult rename_category(Editor& w, Id category, std::string_view name) {
    return edit_row(w, kCategoryName, name, category);
}

EditResult set_category_color(Editor& w, Id category, std::uint32_t color) {
    return edit_row(w, kCategoryColor, std::int64_t(color & 0xFFFFFF), category);
}

EditResult delete_category(Editor& w, Id category) {
    return w.edit("Delete category", [&](Database& db) {
        db.run("DELETE FROM problem_map_category WHERE id = ?", category);
        require_row(db, "The category");
    });
}

Id add_area(Editor& w, std::string_view name, std::string_view police_class) {
    return edit_returning_id(w, "Add area", nullptr, [&](Database& db) {
        db.run("INSERT INTO problem_map_area(id, name, police_class, position) VALUES (kartla_key(), ?, ?, "
               "(SELECT COALESCE(MAX(position), 0) + 1 FROM problem_map_area))",
               name, police_class);
        return db.last_insert_id();
    });
}

EditResult rename_area(Editor& w, Id area, std::string_view name) { return edit_row(w, kAreaName, name, area); }

EditResult set_area_class(Editor& w, Id area, std::string_view police_class) {
    return edit_row(w, kAreaClass, police_class, area);
}

EditResult delete_area(Editor& w, Id area) {
    return w.edit("Delete area", [&](Database& db) {
        db.run("DELETE FROM problem_map_area WHERE id = ?", area);
        require_row(db, "The area");
    });
}

}  // namespace kartla::problem_map::edits
