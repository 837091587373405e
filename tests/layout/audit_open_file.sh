#!/usr/bin/env bash
# The layout audit of a workshop open in the window: what the window saved last is
# still in the "-wal" file beside it, and the audit must draw that, not the file
# as it was at the last checkpoint (a copy of the file alone left the edits out).
set -euo pipefail
kartla=$1 out=$2
rm -rf "$out"
mkdir -p "$out"
file=$out/öppen.kartla
"$kartla" sample "$file" >/dev/null
# A writer that keeps the file open with its edit in the WAL, as the window does.
fifo=$out/hold
mkfifo "$fifo"
/usr/bin/python3 - "$file" "$fifo" <<'PY' &
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA wal_autocheckpoint = 0")
db.execute("UPDATE core_meta SET value = 'Sparad men inte utcheckad' WHERE key = 'title'")
open(sys.argv[2], "w").write("saved\n")
open(sys.argv[2]).read()  # held open until told to go
PY
writer=$!
read -r _ <"$fifo"
[[ -s $file-wal ]] || { echo "FAIL: the edit is not in a WAL file"; kill $writer; exit 1; }
"$kartla" audit-layout "$file" --out "$out/audit" --languages sv --percents 100 --sizes 1920x1080 --pictures none \
  --no-long-texts --views '^core\.workshop$' >"$out/audit.log" 2>&1 || true
echo done >"$fifo"
wait $writer
title=$(sqlite3 "$out/audit/workshops/öppen.kartla" "SELECT value FROM core_meta WHERE key = 'title'")
[[ $title == "Sparad men inte utcheckad" ]] || { echo "FAIL: the audit drew '$title', not the file as saved"; exit 1; }
tail -1 "$out/audit.log"
echo "audit_open_file: ok"
