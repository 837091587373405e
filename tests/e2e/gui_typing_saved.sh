#!/usr/bin/env bash
# End to end: nothing typed is lost. The real kartla under Xvfb with a Swedish
# keyboard, driven by xdotool, the file read with sqlite3.
#  (a) Text typed into the title and never confirmed (no Enter, no click
#      elsewhere) is in the file when the window is killed with SIGKILL 300 ms
#      after the last key.
#  (b) Under CPU load (stress-ng, or busy loops), a click on "New card" followed
#      at once by a Swedish title typed at 20 ms a key: every character lands.
# Each is run a few times on a fresh file; screenshots are kept.
set -euo pipefail
kartla=$1
out=$2/gui_typing_saved
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp -noreset  # -noreset: the keymap stays when a window closes
setxkbmap se  # å ä ö are keys of their own, as in a Swedish meeting room
xset r off
runs=${KARTLA_E2E_RUNS:-3}
export KARTLA_LAYOUT_FILE=$out/layout.txt  # where the window drew its fields (lib/layout.sh)
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Starts kartla on a new file and waits until its window shows that file.
start() {
  local file=$1 log=$2
  rm -f "$layout"  # the probes of the window before are no guide to this one
  "$kartla" "$file" >"$log" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name "$(basename "$file")" | head -1)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
  sleep 0.5
}

kill_now() {
  kill -9 "$app"
  wait "$app" 2>/dev/null || true
  app=
}


# (a) The title field of the workshop panel (see gui_title.sh), typed into and left alone.
typed="klotter vid gångtunneln på söder"
for ((run = 1; run <= runs; run++)); do
  file=$out/osparat$run.kartla
  start "$file" "$out/kartla-a$run.log"
  click workshop.meta.title
  chord ctrl a  # a new file's title is its name: type over it
  xdotool type --delay 20 "$typed"
  sleep 0.3
  [[ $run == 1 ]] && import -window root "$out/a-before-kill.png"
  kill_now
  title=$(sqlite3 "$file" "SELECT value FROM core_meta WHERE key = 'title'")
  [[ $title == "$typed" ]] || fail "(a) run $run: the file holds '$title', typed '$typed'"
  [[ $(sqlite3 "$file" 'PRAGMA integrity_check') == ok ]] || fail "(a) run $run: integrity"
done
echo "gui_typing_saved (a): $runs kills 300 ms after the last key, the text was in the file every time"

# (b) Under load: the board is the view on stage at start (as a user left it).
mkdir -p "$XDG_CONFIG_HOME/kartla"
echo '{"current_view": "problem_map.board"}' >"$XDG_CONFIG_HOME/kartla/settings.json"
if command -v stress-ng >/dev/null; then
  stress-ng --cpu 2 --timeout 60 >/dev/null 2>&1 &
  load=$!
else
  for _ in 1 2; do (while :; do :; done) & done
  load=$(jobs -p | tail -2 | tr '\n' ' ')
fi
trap 'kill $load 2>/dev/null; stop_session' EXIT
title="klotter och skadegörelse vid torget i älvstad"
for ((run = 1; run <= runs; run++)); do
  file=$out/kort$run.kartla
  start "$file" "$out/kartla-b$run.log"
  # Typing starts the moment the button is pressed: no pause after the click.
  wait_for has_probe problem_map.board.new_card
  read -r x0 y0 x1 y1 < <(probe problem_map.board.new_card)
  xdotool mousemove --window "$wid" $(((x0 + x1) / 2)) $(((y0 + y1) / 2)) click 1
  xdotool type --delay 20 "$title"
  got=
  for _ in $(seq 50); do  # saved as typed: no Enter, no click elsewhere
    got=$(sqlite3 "$file" "SELECT group_concat(title, '|') FROM problem_map_card" 2>/dev/null || true)
    [[ $got == "$title" ]] && break
    sleep 0.2
  done
  [[ $run == 1 ]] && import -window root "$out/b-new-card.png"
  kill_now
  [[ $got == "$title" ]] || fail "(b) run $run: the card's title is '$got', typed '$title'"
done
echo "gui_typing_saved (b): $runs runs under load, every character of the new card's title landed"
