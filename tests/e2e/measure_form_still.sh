#!/usr/bin/env bash
# End to end: the measure form does not move when a warning comes or goes. A new
# measure (no owner, no due date: two warnings) gets its due date through the
# real window; the "No due date" warning goes. The screenshots before and after
# may differ only in the warning area and in the due field itself: if the form
# had moved, every row of it below the warnings would differ.
set -euo pipefail
kartla=$1
out=$2/measure_form_still
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
export LC_ALL=C.UTF-8 LANG=C.UTF-8  # English labels for the command palette below
start_x_server "$out/xvfb.log" Xvfb -screen 0 1920x1080x24 -nolisten tcp
xset r off

fail() { echo "FAIL: $*" >&2; exit 1; }
file=$out/plan.kartla
"$kartla" sample "$file" >/dev/null
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
wid=$(xdotool search --sync --onlyvisible --name 'plan' | head -1)
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
sleep 0.5
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.4; }
palette() { chord ctrl k; xdotool type --delay 40 "$1"; sleep 0.3; xdotool key Return; sleep 0.8; }

# The plan's table with the measure form in the side column (the right third of the screen).
palette "Show Action plan"
palette "New measure"
# The new measure's title has the keyboard: name it, then Tab to the due date
# (title, description, operational goal, start, due).
xdotool type --delay 40 "Provmatning"
for _ in 1 2 3 4; do xdotool key Tab; sleep 0.3; done
sleep 1.2  # a text cursor blinks; wait for the frames to settle
[[ $(sqlite3 "$file" "SELECT count(*) FROM action_plan_measure WHERE title = 'Provmatning'") -eq 1 ]] || fail "the new measure was not named"
import -window root "$out/before.png"
xdotool type --delay 40 "2027-05-31"
xdotool key Return
sleep 1.2
import -window root "$out/after.png"
[[ $(sqlite3 "$file" "SELECT due FROM action_plan_measure WHERE title = 'Provmatning'") == 2027-05-31 ]] || fail "the due date was not saved"
chord ctrl q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
kill -0 $app 2>/dev/null && fail "kartla did not quit on Ctrl+Q"
app=

# Rows of pixels that differ in the side column, grouped into bands of neighbouring rows.
compare -metric AE "$out/before.png" "$out/after.png" "$out/diff.png" 2>"$out/ae.txt" || true
echo "pixels that differ: $(cat "$out/ae.txt")"
convert "$out/before.png" -depth 8 "rgb:$out/before.rgb"
convert "$out/after.png" -depth 8 "rgb:$out/after.rgb"
bands=$(/usr/bin/python3 - "$out/before.rgb" "$out/after.rgb" <<'PY'
import sys
a, b = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read()
# Only the side column: the table beside it shows the new due date too.
row, left = 1920 * 3, 1300 * 3
rows = [y for y in range(len(a) // row) if a[y * row + left:(y + 1) * row] != b[y * row + left:(y + 1) * row]]
bands = []
for y in rows:
    if bands and y - bands[-1][1] <= 3: bands[-1][1] = y
    else: bands.append([y, y])
print(" ".join("%d-%d" % (s, e) for s, e in bands))
PY
)
echo "rows that differ: $bands"
[[ -n $bands ]] || fail "nothing changed on screen: the warning did not go"
set -- $bands
# One band for the warning area, one for the due field (and its neighbours on the same line).
[[ $# -le 2 ]] || fail "rows differ in $# places ($bands): the form moved"
for band in "$@"; do
  (( ${band#*-} - ${band%-*} < 90 )) || fail "a band of $band differs: the form moved"
done
echo "measure_form_still: ok; screenshots $out/before.png $out/after.png"
