#!/usr/bin/env bash
# Writes the seed corpus of the open_workshop fuzz target: small workshop files
# (512-byte pages, so the fuzzer mutates kilobytes, not megabytes), good ones
# and broken in one way each. Run from the repository root after a build:
#   tests/fuzz/make_workshop_seeds.sh build/stage/bin/kartla
set -euo pipefail
kartla=${1:?usage: make_workshop_seeds.sh PATH/TO/kartla}
out=tests/fuzz/corpus/open_workshop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

small() {  # the file in rollback-journal mode with 512-byte pages
  sqlite3 "$1" "PRAGMA journal_mode=DELETE; PRAGMA page_size=512; VACUUM;" >/dev/null
}

"$kartla" sample "$work/sample.kartla" >/dev/null
small "$work/sample.kartla"
cp "$work/sample.kartla" "$out/sample.kartla"

cp "$work/sample.kartla" "$work/empty.kartla"
sqlite3 "$work/empty.kartla" "DELETE FROM core_attendance; DELETE FROM core_participant; DELETE FROM core_meeting;
  DELETE FROM core_meta; DELETE FROM core_link; VACUUM;"
cp "$work/empty.kartla" "$out/empty.kartla"

cp "$work/sample.kartla" "$work/newer.kartla"
sqlite3 "$work/newer.kartla" "PRAGMA user_version = 99;"
cp "$work/newer.kartla" "$out/newer_version.kartla"

cp "$work/sample.kartla" "$work/foreign.kartla"
sqlite3 "$work/foreign.kartla" "PRAGMA application_id = 0;"
cp "$work/foreign.kartla" "$out/foreign_sqlite.kartla"

head -c "$(( $(stat -c %s "$work/sample.kartla") / 2 ))" "$work/sample.kartla" > "$out/truncated.kartla"

# Hostile content a tampered file could carry: a trigger, a view, links, a plugin schema from the future.
cp "$work/empty.kartla" "$work/hostile.kartla"
sqlite3 "$work/hostile.kartla" "
  CREATE TRIGGER core_participant_wipe AFTER INSERT ON core_participant BEGIN DELETE FROM core_meta; END;
  CREATE VIEW core_everything AS SELECT * FROM core_participant, core_meeting;
  INSERT INTO core_link(from_kind, from_id, to_kind, to_id, role) VALUES ('actor', 1, 'problem', 1, 'owns');
  INSERT OR REPLACE INTO core_plugin_schema(plugin_id, version) VALUES ('problem_map', 99);
  INSERT INTO core_meta(key, value) VALUES ('title', 'Östra Höjden ' || char(0) || ' nul');
  VACUUM;"
cp "$work/hostile.kartla" "$out/hostile_schema.kartla"

# A participant table of another shape than the core's.
cp "$work/empty.kartla" "$work/shape.kartla"
sqlite3 "$work/shape.kartla" "DROP TABLE core_attendance; DROP TABLE core_participant;
  CREATE TABLE core_participant(id TEXT, role BLOB); INSERT INTO core_participant VALUES ('x', x'00ff'); VACUUM;"
cp "$work/shape.kartla" "$out/other_shape.kartla"

# Foreign schema objects (issue 13): the allow-list refuses each, naming it, and its
# cleaned copy must open. The first is the attack that deleted every actor.
foreign() {  # NAME SQL
  cp "$work/sample.kartla" "$work/$1.kartla"
  sqlite3 "$work/$1.kartla" "$2" >/dev/null
  small "$work/$1.kartla"
  cp "$work/$1.kartla" "$out/foreign_$1.kartla"
}
foreign trigger_deletes_actors "CREATE TRIGGER evil AFTER UPDATE ON problem_map_card BEGIN DELETE FROM actor_map_actor; END;"
foreign trigger_on_core "CREATE TRIGGER core_meta_touch AFTER INSERT ON core_meta BEGIN UPDATE core_meta SET value = 'x'; END;"
foreign view "CREATE VIEW peek AS SELECT * FROM core_meta;
  CREATE TRIGGER peek_write INSTEAD OF INSERT ON peek BEGIN DELETE FROM core_participant; END;"
foreign fts5 "CREATE VIRTUAL TABLE notes_fts USING fts5(body); INSERT INTO notes_fts VALUES ('Östra Höjden');"
foreign rtree "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1); INSERT INTO boxes VALUES (1, 0, 1);"
foreign unknown_table "CREATE TABLE stash(x); INSERT INTO stash VALUES ('åäö');"
foreign unknown_index "CREATE INDEX core_meta_by_value ON core_meta(value);"
foreign default_column "ALTER TABLE core_meta ADD COLUMN extra TEXT DEFAULT 'x';"
foreign generated_column "ALTER TABLE core_participant ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(role)) VIRTUAL;"
foreign check_function "ALTER TABLE actor_map_actor ADD COLUMN audit INTEGER CHECK (abs(audit) >= 0);"
foreign redeclared_default "PRAGMA writable_schema = ON;
  UPDATE sqlite_schema SET sql = replace(sql, 'value TEXT NOT NULL DEFAULT ''''', 'value TEXT NOT NULL DEFAULT (hex(randomblob(4)))')
  WHERE name = 'core_meta';"
foreign plugin_namespace "CREATE TABLE problem_map_evil(x); CREATE TABLE actor_map_evil(x);
  CREATE VIEW follow_up_peek AS SELECT 1;"
foreign everything "CREATE TRIGGER evil AFTER UPDATE ON problem_map_card BEGIN DELETE FROM actor_map_actor; END;
  CREATE VIEW peek AS SELECT * FROM core_meta; CREATE TABLE stash(x);
  CREATE VIRTUAL TABLE notes_fts USING fts5(body); CREATE INDEX core_meta_by_value ON core_meta(value);
  ALTER TABLE core_participant ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(role)) VIRTUAL;"

printf 'SQLite format 3\0 but not really' > "$out/fake_header.kartla"
printf 'Kartläggning, inte en databas\n' > "$out/text.kartla"
ls -l "$out"
