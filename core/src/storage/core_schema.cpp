#include "storage/core_schema.hpp"

#include "kartla/database.hpp"

namespace kartla::core_schema {

const std::vector<std::string>& migrations() {
    static const std::vector<std::string> steps = {
        R"sql(
CREATE TABLE core_meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL DEFAULT '');
CREATE TABLE core_participant(
  id           INTEGER PRIMARY KEY,
  role         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0);
CREATE TABLE core_meeting(
  id     INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL DEFAULT 'mapping' CHECK (kind IN ('mapping', 'follow_up')),
  title  TEXT NOT NULL DEFAULT '',
  date   TEXT NOT NULL DEFAULT '',
  place  TEXT NOT NULL DEFAULT '',
  notes  TEXT NOT NULL DEFAULT '');
CREATE TABLE core_attendance(
  meeting_id     INTEGER NOT NULL REFERENCES core_meeting(id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES core_participant(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, participant_id)) WITHOUT ROWID;
-- References between plugins' entities: plugins never read each other's tables.
CREATE TABLE core_link(
  id        INTEGER PRIMARY KEY,
  from_kind TEXT NOT NULL,
  from_id   INTEGER NOT NULL,
  to_kind   TEXT NOT NULL,
  to_id     INTEGER NOT NULL,
  role      TEXT NOT NULL DEFAULT '',
  UNIQUE (from_kind, from_id, to_kind, to_id, role));
CREATE INDEX core_link_to ON core_link(to_kind, to_id);
CREATE TABLE core_plugin_schema(
  plugin_id TEXT PRIMARY KEY,
  version   INTEGER NOT NULL);
)sql",
        // 2: running the meeting: a timeboxed agenda per meeting with the time actually
        // spent, a parking lot for questions that do not fit the moment, and a log of decisions.
        R"sql(
CREATE TABLE core_agenda_step(
  id            INTEGER PRIMARY KEY,
  meeting_id    INTEGER NOT NULL REFERENCES core_meeting(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL DEFAULT '',
  minutes       INTEGER NOT NULL DEFAULT 10 CHECK (minutes >= 0),
  view_key      TEXT NOT NULL DEFAULT '',
  spent_seconds INTEGER NOT NULL DEFAULT 0 CHECK (spent_seconds >= 0));
CREATE INDEX core_agenda_step_meeting ON core_agenda_step(meeting_id, position);
CREATE TABLE core_meeting_note(
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES core_meeting(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('decision', 'note', 'parked')),
  text       TEXT NOT NULL DEFAULT '',
  done       INTEGER NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL DEFAULT 0);
CREATE INDEX core_meeting_note_meeting ON core_meeting_note(meeting_id, kind, position);
)sql",
        // 3: one meeting date. The workshop's date and its first meeting's date were two
        // fields that could disagree; the first meeting's date is now the one value. Where
        // it was empty it takes the workshop's date; where both were set, the meeting's
        // (the date the agenda, attendance and follow-ups hang on) wins.
        R"sql(
UPDATE core_meeting SET date = (SELECT value FROM core_meta WHERE key = 'date')
 WHERE id = (SELECT min(id) FROM core_meeting) AND date = ''
   AND EXISTS (SELECT 1 FROM core_meta WHERE key = 'date' AND value <> '');
DELETE FROM core_meta WHERE key = 'date' AND EXISTS (SELECT 1 FROM core_meeting);
)sql",
        // 4: the file's own history, so that two copies of it find their common
        // ancestor and one can be merged into the other (storage/history.hpp). The
        // first entry is the same in every copy made from this file from now on,
        // and differs between workshops.
        R"sql(
CREATE TABLE core_history(
  seq       INTEGER PRIMARY KEY,
  id        INTEGER NOT NULL UNIQUE,
  parent    INTEGER NOT NULL DEFAULT 0,
  made_at   TEXT NOT NULL DEFAULT '',
  kind      TEXT NOT NULL CHECK (kind IN ('start', 'edit', 'undo', 'redo', 'merge', 'other', 'choice', 'schema')),
  component TEXT NOT NULL DEFAULT '',
  label     TEXT NOT NULL DEFAULT '',
  via       INTEGER NOT NULL DEFAULT 0,
  note      TEXT NOT NULL DEFAULT '',
  changeset BLOB);
INSERT INTO core_history(id, made_at, kind) VALUES
  ((random() & 9223372036854775807) | 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'start');
)sql",
        // 5: the history made cheap to add to, since every edit adds an entry (edit ->
        // durable was 1.66x what it was without the history, issue 27):
        //  * no index on the ids: every edit wrote a page of that index besides its own
        //    row (a random id lands anywhere in it), and a commit costs the pages it
        //    writes. Nothing looks an entry up by its id; a merge reads the ids into memory;
        //  * the kinds checked one by one, not with IN (...): SQLite checks a list of more
        //    than two values through a temporary index it builds on every INSERT (a new
        //    page cache, zeroed), which cost more than the rest of the INSERT.
        // Only the history changes, which changesets never name: copies at 4 and at 5
        // merge (storage/other_copy.cpp).
        R"sql(
CREATE TABLE core_history_5(
  seq       INTEGER PRIMARY KEY,
  id        INTEGER NOT NULL,
  parent    INTEGER NOT NULL DEFAULT 0,
  made_at   TEXT NOT NULL DEFAULT '',
  kind      TEXT NOT NULL CHECK (kind = 'edit' OR kind = 'undo' OR kind = 'redo' OR kind = 'merge' OR kind = 'other'
                                 OR kind = 'choice' OR kind = 'schema' OR kind = 'start'),
  component TEXT NOT NULL DEFAULT '',
  label     TEXT NOT NULL DEFAULT '',
  via       INTEGER NOT NULL DEFAULT 0,
  note      TEXT NOT NULL DEFAULT '',
  changeset BLOB);
INSERT INTO core_history_5(seq, id, parent, made_at, kind, component, label, via, note, changeset)
  SELECT seq, id, parent, made_at, kind, component, label, via, note, changeset FROM core_history;
DROP TABLE core_history;
ALTER TABLE core_history_5 RENAME TO core_history;
)sql",
    };
    return steps;
}

}  // namespace kartla::core_schema
