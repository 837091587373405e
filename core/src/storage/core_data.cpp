#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

namespace kartla::core_data {

std::vector<Participant> participants(Database& db) {
    std::vector<Participant> out;
    auto& s = db.prepare("SELECT id, role, organisation FROM core_participant ORDER BY position, id").with();
    while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2)});
    return out;
}

std::int64_t add_participant(Database& db, std::string_view role, std::string_view organisation) {
    db.run("INSERT INTO core_participant(id, role, organisation, position) "
           "VALUES (kartla_key(), ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM core_participant))",
           role, organisation);
    return db.last_insert_id();
}

void update_participant(Database& db, const Participant& p) {
    db.run("UPDATE core_participant SET role = ?, organisation = ? WHERE id = ?", p.role, p.organisation, p.id);
}

void remove_participant(Database& db, std::int64_t id) {
    db.run("DELETE FROM core_participant WHERE id = ?", id);
    remove_links_of(db, {"participant", id});
}

std::vector<Meeting> meetings(Database& db) {
    std::vector<Meeting> out;
    auto& s = db.prepare("SELECT id, kind, title, date, place, notes FROM core_meeting ORDER BY date, id").with();
    while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)});
    return out;
}

namespace {

// The workshop's date is its first meeting's date (the meeting added first):
// one value, shown in the details and in the meeting list. Before any meeting
// exists it waits in core_meta.
std::int64_t first_meeting(Database& db) { return db.scalar_int("SELECT coalesce(min(id), 0) FROM core_meeting"); }

}  // namespace

std::int64_t add_meeting(Database& db, const Meeting& m) {
    const bool first = first_meeting(db) == 0;
    std::string date = m.date;
    if (first) {
        // The date set before the first meeting existed moves into it.
        const std::string waiting = db.scalar_text("SELECT value FROM core_meta WHERE key = 'date'");
        if (date.empty()) date = waiting;
        db.run("DELETE FROM core_meta WHERE key = 'date'");
    }
    db.run("INSERT INTO core_meeting(id, kind, title, date, place, notes) VALUES (kartla_key(), ?, ?, ?, ?, ?)",
           m.kind.empty() ? std::string("mapping") : m.kind, m.title, date, m.place, m.notes);
    return db.last_insert_id();
}

void update_meeting(Database& db, const Meeting& m) {
    db.run("UPDATE core_meeting SET kind = ?, title = ?, date = ?, place = ?, notes = ? WHERE id = ?", m.kind, m.title,
           m.date, m.place, m.notes, m.id);
}

void remove_meeting(Database& db, std::int64_t id) {
    // Removing the only meeting keeps the workshop's date.
    if (db.scalar_int("SELECT count(*) FROM core_meeting WHERE id <> ?", id) == 0) {
        const std::string date = db.scalar_text("SELECT date FROM core_meeting WHERE id = ?", id);
        if (!date.empty()) db.run("INSERT OR REPLACE INTO core_meta(key, value) VALUES ('date', ?)", date);
    }
    db.run("DELETE FROM core_meeting WHERE id = ?", id);
}

std::vector<std::int64_t> attendees(Database& db, std::int64_t meeting_id) {
    std::vector<std::int64_t> out;
    auto& s = db.prepare("SELECT participant_id FROM core_attendance WHERE meeting_id = ? ORDER BY participant_id")
                  .with(meeting_id);
    while (s.step()) out.push_back(s.int64(0));
    return out;
}

void set_attended(Database& db, std::int64_t meeting_id, std::int64_t participant_id, bool attended) {
    if (attended)
        db.run("INSERT OR IGNORE INTO core_attendance(meeting_id, participant_id) VALUES (?, ?)", meeting_id,
               participant_id);
    else
        db.run("DELETE FROM core_attendance WHERE meeting_id = ? AND participant_id = ?", meeting_id, participant_id);
}

void set_meta(Database& db, std::string_view key, std::string_view value) {
    if (key == "date") {
        if (std::int64_t first = first_meeting(db)) {
            db.run("UPDATE core_meeting SET date = ? WHERE id = ?", value, first);
            return;
        }
    }
    db.run("INSERT INTO core_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
           key, value);
}

std::string meta(Database& db, std::string_view key) {
    if (key == "date")
        if (std::int64_t first = first_meeting(db))
            return db.scalar_text("SELECT date FROM core_meeting WHERE id = ?", first);
    return db.scalar_text("SELECT value FROM core_meta WHERE key = ?", key);
}

std::vector<std::string> organisations(Database& db) {
    std::vector<std::string> out;
    auto& s = db.prepare("SELECT organisation FROM core_participant WHERE organisation <> '' "
                         "GROUP BY organisation ORDER BY MIN(position), MIN(id)")
                  .with();
    while (s.step()) out.push_back(s.text(0));
    return out;
}

void add_link(Database& db, const LinkEnd& from, const LinkEnd& to, std::string_view role) {
    db.run("INSERT OR IGNORE INTO core_link(id, from_kind, from_id, to_kind, to_id, role) VALUES (kartla_key(), ?, ?, ?, ?, ?)", from.kind,
           from.id, to.kind, to.id, role);
}

void remove_link(Database& db, const LinkEnd& from, const LinkEnd& to, std::string_view role) {
    db.run("DELETE FROM core_link WHERE from_kind = ? AND from_id = ? AND to_kind = ? AND to_id = ? AND role = ?",
           from.kind, from.id, to.kind, to.id, role);
}

std::vector<LinkEnd> links_from(Database& db, const LinkEnd& from, std::string_view to_kind, std::string_view role) {
    std::vector<LinkEnd> out;
    auto& s = db.prepare("SELECT to_kind, to_id FROM core_link WHERE from_kind = ? AND from_id = ? AND to_kind = ? "
                         "AND role = ? ORDER BY id")
                  .with(from.kind, from.id, to_kind, role);
    while (s.step()) out.push_back({s.text(0), s.int64(1)});
    return out;
}

std::vector<LinkEnd> links_to(Database& db, const LinkEnd& to, std::string_view from_kind, std::string_view role) {
    std::vector<LinkEnd> out;
    auto& s = db.prepare("SELECT from_kind, from_id FROM core_link WHERE to_kind = ? AND to_id = ? AND from_kind = ? "
                         "AND role = ? ORDER BY id")
                  .with(to.kind, to.id, from_kind, role);
    while (s.step()) out.push_back({s.text(0), s.int64(1)});
    return out;
}

void remove_links_of(Database& db, const LinkEnd& entity) {
    db.run("DELETE FROM core_link WHERE (from_kind = ? AND from_id = ?) OR (to_kind = ? AND to_id = ?)", entity.kind,
           entity.id, entity.kind, entity.id);
}

}  // namespace kartla::core_data
