#!/usr/bin/env bash
# End to end: the real kartla under Xvfb with Mesa's software OpenGL. Types a
# title with å, ä, ö (and Å Ä Ö) through xdotool, quits with Ctrl+Q, and checks
# the file with the sqlite3 tool. Keeps a screenshot.
set -euo pipefail
kartla=$1
out=$2/gui_title
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp
xset r off  # keys are held long below; no auto-repeat


file=$out/rådslag.kartla
export KARTLA_LAYOUT_FILE=$out/layout.txt  # where the window drew its fields (lib/layout.sh)
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
# The title shows the file name once the workshop is open and drawn.
wid=$(xdotool search --sync --onlyvisible --name 'rådslag' | head -1)
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
sleep 0.5

geometry=$(xdotool getwindowgeometry "$wid")
click workshop.meta.title
chord ctrl a
# xdotool sends letters missing from the keymap by remapping a spare key and
# undoing that after --delay; the program translates the key only when it reads
# the event, so a long delay keeps the mapping in place until a slow (software
# rendered) frame is over. Upper-case letters go as shifted keys (xdotool type
# would send them in lower case; see shared/testing.md).
type_slowly() {
  local text=$1 i c
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      å) xdotool key --delay 600 aring ;; ä) xdotool key --delay 600 adiaeresis ;;
      ö) xdotool key --delay 600 odiaeresis ;; Å) xdotool key --delay 600 shift+Aring ;;
      Ä) xdotool key --delay 600 shift+Adiaeresis ;; Ö) xdotool key --delay 600 shift+Odiaeresis ;;
      *) xdotool type -- "$c"; continue ;;
    esac
  done
}
type_slowly "Trygghet på Östra Höjden: ÅÄÖ åäö"
xdotool key Return
sleep 0.5
import -window root "$out/screenshot.png"
chord ctrl q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
if kill -0 $app 2>/dev/null; then echo "FAIL: kartla did not quit on Ctrl+Q" >&2; exit 1; fi
app=

title=$(sqlite3 "$file" "SELECT value FROM core_meta WHERE key = 'title'")
expected="Trygghet på Östra Höjden: ÅÄÖ åäö"
if [[ $title != "$expected" ]]; then
  echo "FAIL: title in the file is '$title', expected '$expected' ($geometry)" >&2
  exit 1
fi
[[ $(sqlite3 "$file" 'PRAGMA integrity_check') == ok ]] || { echo "FAIL: integrity" >&2; exit 1; }
echo "gui_title: ok ($title); screenshot $out/screenshot.png"
