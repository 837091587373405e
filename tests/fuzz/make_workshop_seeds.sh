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
  INSERT INTO core_plugin_schema(plugin_id, version) VALUES ('problem_map', 99);
  INSERT INTO core_meta(key, value) VALUES ('title', 'Östra Höjden ' || char(0) || ' nul');
  VACUUM;"
cp "$work/hostile.kartla" "$out/hostile_schema.kartla"

# A participant table of another shape than the core's.
cp "$work/empty.kartla" "$work/shape.kartla"
sqlite3 "$work/shape.kartla" "DROP TABLE core_attendance; DROP TABLE core_participant;
  CREATE TABLE core_participant(id TEXT, role BLOB); INSERT INTO core_participant VALUES ('x', x'00ff'); VACUUM;"
cp "$work/shape.kartla" "$out/other_shape.kartla"

printf 'SQLite format 3\0 but not really' > "$out/fake_header.kartla"
printf 'Kartläggning, inte en databas\n' > "$out/text.kartla"
ls -l "$out"
