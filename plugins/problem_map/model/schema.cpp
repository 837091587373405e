#include "schema.hpp"

namespace kartla::problem_map {

const std::vector<std::string>& migrations() {
    // The default categories are seeded here, not on first use: seeding inside an
    // edit would be an undo step that empties the list.
    static const std::vector<std::string> steps = {
        R"sql(
CREATE TABLE problem_map_category(
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL DEFAULT '',
  msgid    TEXT NOT NULL DEFAULT '',
  color    INTEGER NOT NULL DEFAULT 8421504,
  position INTEGER NOT NULL DEFAULT 0);
INSERT INTO problem_map_category(msgid, color, position) VALUES
  ('Organised crime', 9323693, 1),
  ('Recruitment of young people into crime', 15105570, 2),
  ('Drugs', 2600544, 3),
  ('Violence and weapons', 12597547, 4),
  ('Welfare crime', 2719929, 5),
  ('Fraud', 1482885, 6),
  ('Vandalism and littering', 10506797, 7),
  ('Insecurity in public places', 15844367, 8),
  ('Parallel societal structures', 3426654, 9),
  ('Violent extremism', 7151951, 10),
  ('Other', 9807270, 11);
CREATE TABLE problem_map_area(
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL DEFAULT '',
  police_class TEXT NOT NULL DEFAULT ''
               CHECK (police_class IN ('', 'vulnerable', 'risk', 'especially_vulnerable')),
  position     INTEGER NOT NULL DEFAULT 0);
CREATE TABLE problem_map_cluster(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  x    REAL NOT NULL DEFAULT 0,
  y    REAL NOT NULL DEFAULT 0,
  w    REAL NOT NULL DEFAULT 600 CHECK (w > 0),
  h    REAL NOT NULL DEFAULT 400 CHECK (h > 0));
CREATE TABLE problem_map_card(
  id                 INTEGER PRIMARY KEY,
  title              TEXT NOT NULL DEFAULT '',
  description        TEXT NOT NULL DEFAULT '',
  category_id        INTEGER REFERENCES problem_map_category(id) ON DELETE SET NULL,
  area_id            INTEGER REFERENCES problem_map_area(id) ON DELETE SET NULL,
  place              TEXT NOT NULL DEFAULT '',
  seasons            INTEGER NOT NULL DEFAULT 0,
  weekdays           INTEGER NOT NULL DEFAULT 0,
  times_of_day       INTEGER NOT NULL DEFAULT 0,
  when_note          TEXT NOT NULL DEFAULT '',
  target_group       TEXT NOT NULL DEFAULT '',
  extent             TEXT NOT NULL DEFAULT '',
  trend              TEXT NOT NULL DEFAULT 'unknown' CHECK (trend IN ('rising', 'stable', 'falling', 'unknown')),
  severity           INTEGER NOT NULL DEFAULT 0 CHECK (severity BETWEEN 0 AND 5),
  signal_crime       INTEGER NOT NULL DEFAULT 0 CHECK (signal_crime IN (0, 1)),
  sources            INTEGER NOT NULL DEFAULT 0,
  source_limitations TEXT NOT NULL DEFAULT '',
  confidence         TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'medium', 'high')),
  impact             INTEGER NOT NULL DEFAULT 0 CHECK (impact BETWEEN 0 AND 5),
  influence          INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),
  x                  REAL NOT NULL DEFAULT 0,
  y                  REAL NOT NULL DEFAULT 0,
  cluster_id         INTEGER REFERENCES problem_map_cluster(id) ON DELETE SET NULL,
  hidden             INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  prioritised        INTEGER NOT NULL DEFAULT 0 CHECK (prioritised IN (0, 1)));
CREATE INDEX problem_map_card_cluster ON problem_map_card(cluster_id);
-- A vote is a participant's dots, or an organisation's when the room votes by organisation.
CREATE TABLE problem_map_vote(
  id             INTEGER PRIMARY KEY,
  card_id        INTEGER NOT NULL REFERENCES problem_map_card(id) ON DELETE CASCADE,
  participant_id INTEGER REFERENCES core_participant(id) ON DELETE CASCADE,
  organisation   TEXT NOT NULL DEFAULT '',
  dots           INTEGER NOT NULL CHECK (dots > 0),
  CHECK ((participant_id IS NULL) <> (organisation = '')),
  UNIQUE (card_id, participant_id, organisation));
CREATE TABLE problem_map_cause(
  id        INTEGER PRIMARY KEY,
  card_id   INTEGER NOT NULL REFERENCES problem_map_card(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES problem_map_cause(id) ON DELETE CASCADE,
  text      TEXT NOT NULL DEFAULT '',
  nature    TEXT NOT NULL DEFAULT 'situational' CHECK (nature IN ('situational', 'social')),
  factor    TEXT NOT NULL DEFAULT '' CHECK (factor IN ('', 'risk', 'missing_protective')),
  position  INTEGER NOT NULL DEFAULT 0);
CREATE INDEX problem_map_cause_card ON problem_map_cause(card_id);
CREATE TABLE problem_map_triangle(
  id       INTEGER PRIMARY KEY,
  card_id  INTEGER NOT NULL UNIQUE REFERENCES problem_map_card(id) ON DELETE CASCADE,
  offender TEXT NOT NULL DEFAULT '',
  target   TEXT NOT NULL DEFAULT '',
  place    TEXT NOT NULL DEFAULT '',
  handler  TEXT NOT NULL DEFAULT '',
  guardian TEXT NOT NULL DEFAULT '',
  manager  TEXT NOT NULL DEFAULT '');
CREATE TABLE problem_map_setting(
  id    INTEGER PRIMARY KEY,
  key   TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL DEFAULT '');
INSERT INTO problem_map_setting(key, value) VALUES
  ('dots_per_voter', '3'), ('vote_by', 'participant'), ('matrix', 'severity_trend'), ('silent_round', '0');
)sql",
        // Phones in the room (docs/phones.md): a phone's dots, the phone known by its
        // anonymous random id only (32 hex digits). Declared BLOB so the personal-data
        // scan, which reads text columns, does not take the digits for a phone number.
        R"sql(
CREATE TABLE problem_map_phone_vote(
  id      INTEGER PRIMARY KEY,
  card_id INTEGER NOT NULL REFERENCES problem_map_card(id) ON DELETE CASCADE,
  phone   BLOB NOT NULL CHECK (length(phone) = 32 AND phone NOT GLOB '*[^0-9a-f]*'),
  dots    INTEGER NOT NULL CHECK (dots > 0),
  UNIQUE (card_id, phone));
INSERT INTO problem_map_setting(key, value) VALUES ('phone_voting', '0');
)sql",
        // A card from a phone carries an id the phone made (32 hex digits): a retry of a
        // card the meeting already has (the answer was lost on the way) finds it here.
        R"sql(
CREATE TABLE problem_map_phone_card(
  sent_id BLOB PRIMARY KEY CHECK (length(sent_id) = 32 AND sent_id NOT GLOB '*[^0-9a-f]*'),
  card_id INTEGER NOT NULL REFERENCES problem_map_card(id) ON DELETE CASCADE);
)sql",
        // A card from a phone is placed by asking for the cards near its place only
        // (edits::create_card_from_phone): on a board of 50,000 cards, reading every
        // card's place cost 59 ms a card on the main thread.
        R"sql(
CREATE INDEX problem_map_card_position ON problem_map_card(y, x);
)sql",
    };
    return steps;
}

}  // namespace kartla::problem_map
