#!/usr/bin/env bash
# End to end: twenty new cards on the board through the real window (the N key,
# as a facilitator adds cards one after another), then sqlite3 checks that they
# lie on twenty distinct places and that no card covers another. Keeps a screenshot.
set -euo pipefail
kartla=$1
out=$2/board_twenty_cards
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
export LC_ALL=C.UTF-8 LANG=C.UTF-8  # English labels for the command palette below
start_x_server "$out/xvfb.log" Xvfb -screen 0 1920x1080x24 -nolisten tcp
xset r off

fail() { echo "FAIL: $*" >&2; exit 1; }
file=$out/tjugo.kartla
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
wid=$(xdotool search --sync --onlyvisible --name 'tjugo' | head -1)
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
sleep 0.5
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.3; }

# The board through the command palette: no pixel positions of buttons needed.
chord ctrl k
xdotool type --delay 40 "Show Problem picture"
sleep 0.3
xdotool key Return
sleep 0.8
# A tap on the empty board gives it the keyboard.
xdotool mousemove --window "$wid" 900 700 click 1
sleep 0.4
for i in $(seq 20); do
  xdotool key n
  sleep 0.35
  xdotool key Escape  # leave the title editor the new card opens
  sleep 0.25
done
sleep 0.5
import -window root "$out/screenshot.png"
chord ctrl q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
kill -0 $app 2>/dev/null && fail "kartla did not quit on Ctrl+Q"
app=

q() { sqlite3 "$file" "$1"; }
[[ $(q 'SELECT count(*) FROM problem_map_card') -eq 20 ]] || fail "expected 20 cards, found $(q 'SELECT count(*) FROM problem_map_card')"
[[ $(q 'SELECT count(*) FROM (SELECT DISTINCT x, y FROM problem_map_card)') -eq 20 ]] || fail "cards share a place"
# Cards are 240 × 120 world units (model/types.hpp).
overlaps=$(q 'SELECT count(*) FROM problem_map_card a JOIN problem_map_card b ON a.id < b.id
              WHERE a.x < b.x + 240 AND b.x < a.x + 240 AND a.y < b.y + 120 AND b.y < a.y + 120')
[[ $overlaps -eq 0 ]] || fail "$overlaps pairs of cards overlap"
[[ $(q 'PRAGMA integrity_check') == ok ]] || fail "integrity"
echo "board_twenty_cards: ok (20 cards, 20 places, no overlap); screenshot $out/screenshot.png"
