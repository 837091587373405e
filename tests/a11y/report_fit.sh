#!/usr/bin/env bash
# The workshop report's HTML fits a 1,200 px screen and A4 paper and has a table
# for every picture (check_report_fit.py), for the sample in Swedish and English
# and for a workshop whose title, a problem, a measure and an actor are each one
# 100,000-letter word. About 15 s idle, 35 s on a loaded CI machine: one Chromium, three pages
# printed (the long word's over 600).
# Usage: report_fit.sh KARTLA OUT_DIR
set -euo pipefail
kartla=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out"
"$kartla" sample "$out/sample.kartla" >/dev/null
"$kartla" sample "$out/long.kartla" >/dev/null
/usr/bin/python3 - "$out/long.kartla" <<'PY'
import sqlite3, sys
word = "Brottsförebyggande" * 5556  # 100,008 letters, no space, no hyphen
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE core_meta SET value = ? WHERE key = 'title'", (word,))
db.execute("UPDATE problem_map_card SET title = ? WHERE id = (SELECT min(id) FROM problem_map_card WHERE prioritised = 1)", (word,))
db.execute("UPDATE action_plan_measure SET title = ? WHERE id = (SELECT min(id) FROM action_plan_measure)", (word,))
db.execute("UPDATE actor_map_actor SET name = ? WHERE id = (SELECT min(id) FROM actor_map_actor)", (word,))
db.commit()
PY
for lang in sv en; do
  "$kartla" export "$out/sample.kartla" --format report-html --lang "$lang" -o "$out/report-$lang.html" >/dev/null
done
"$kartla" export "$out/long.kartla" --format report-html --lang sv -o "$out/report-long-word.html" >/dev/null
/usr/bin/python3 "$here/check_report_fit.py" "$out/report-sv.html" "$out/report-en.html" "$out/report-long-word.html"
