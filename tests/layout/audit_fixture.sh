#!/usr/bin/env bash
# The layout audit over a plugin with one view that breaks each rule once and one
# that breaks none: the bad view must show every kind of defect, the good one none.
set -euo pipefail
kartla=$1 plugin_dir=$2 out=$3
rm -rf "$out"
mkdir -p "$out"

audit() {  # language, output folder
    local status=0
    "$kartla" audit-layout --empty --plugin-dir "$plugin_dir" --out "$2" --languages "$1" --percents 100 \
        --sizes 1920x1080 --pictures 100 > "$2.log" 2>&1 || status=$?
    cat "$2.log"
    [ "$status" = 1 ] || { echo "FAIL: expected exit status 1 (defects found), got $status"; exit 1; }
    tail -n 1 "$2.log" | python3 -c '
import json, sys
summary = json.loads(sys.stdin.read())
assert summary["defects"] > 0 and summary["shots"] > 0, summary'
}
row() { grep -E "^$1 \(" "$2.log" | head -n 1; }

# In Swedish: the bad view shows each kind. Columns: cut overlap narrow untranslated small.
audit sv "$out/sv"
read -r _ _ cut overlap narrow untranslated _ <<< "$(row 'fixture_bad_layout\.bad' "$out/sv")"
for kind in cut overlap narrow untranslated; do
    [ "${!kind}" -ge 1 ] || { echo "FAIL: the bad view shows no '$kind' defect"; exit 1; }
done
grep -q '^untranslated *fixture_bad_layout.bad .*A fixture string with no Swedish$' "$out/sv/summary.txt" ||
    { echo "FAIL: the untranslated string is not named"; exit 1; }
for shot in presentation room; do
    read -r _ _ _ _ _ _ small <<< "$(row "$shot:fixture_bad_layout\\.bad" "$out/sv")"
    [ "$small" -ge 1 ] || { echo "FAIL: the bad view's room drawing shows no 'small' defect in $shot"; exit 1; }
done
grep -q '^small .*presentation:fixture_bad_layout.bad .*Small room text (12 px)$' "$out/sv/summary.txt" ||
    { echo "FAIL: the small room text is not named with its size"; exit 1; }
grep -q '^cut *fixture_bad_layout.bad .*| Runs past' "$out/sv/summary.txt" ||
    { echo "FAIL: the text past the window's edge (no horizontal scrollbar) is not counted as cut"; exit 1; }
[ -s "$out/sv/empty/sv-1920x1080-100/fixture_bad_layout.bad.png" ] || { echo "FAIL: no picture of the bad view"; exit 1; }

# In English (the fixture has no Swedish, so its view names count there): the good view has none.
audit en "$out/en"
good=$(row 'fixture_bad_layout\.good' "$out/en")
[ -n "$good" ] && [ "$(echo "$good" | awk '{print $3+$4+$5+$6+$7}')" = 0 ] ||
    { echo "FAIL: the good view has defects: $good"; exit 1; }
echo "OK: every kind of defect found in the bad view, none in the good one"
