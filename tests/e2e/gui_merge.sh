#!/usr/bin/env bash
# End to end, two copies of one workshop become one (docs/merging.md):
#  (a) the command line: kartla merge on two copies edited in the real window
#      (a card added on the laptop's board, the title changed in both),
#      the conflict printed as JSON with exit code 3 and nothing written, then
#      decided with --all theirs; a copy of another workshop refused.
#  (b) the window: a sync program's conflict copy beside the open file is named,
#      merged from the notice, the conflict chosen side by side ("Din version" /
#      "Den andra kopians version"); the file holds the chosen title, and the
#      copy's new card.
# Screenshots are kept in the output folder.
set -euo pipefail
kartla=$1
out=$2/gui_merge
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp -noreset
setxkbmap se
xset r off
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"
mkdir -p "$XDG_CONFIG_HOME/kartla"
cd "$out"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

start() {
  rm -f "$layout"
  "$kartla" "$1" >"$2" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name "$(basename "$1")" | head -1)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
  sleep 0.5
}

stop() {
  chord ctrl q
  for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=
}

# Types a new workshop title in the open window; saved as it is typed.
retitle() {
  click workshop.meta.title
  chord ctrl a
  xdotool type --delay 20 "$1"
  xdotool key Return
  sleep 0.5
}

title_of() { sqlite3 "$1" "SELECT value FROM core_meta WHERE key = 'title'"; }

"$kartla" sample base.kartla >/dev/null
cp base.kartla plan.kartla
cp base.kartla "plan-LAPTOP-7.kartla"

# The laptop's copy: a new card on the board, and another title.
view() { echo "{\"text_scale\": 1.0, \"language\": \"sv\", \"current_view\": \"$1\"}" >"$XDG_CONFIG_HOME/kartla/settings.json"; }
view problem_map.board
start "plan-LAPTOP-7.kartla" laptop-board.log
wait_for has_probe problem_map.board.new_card
click problem_map.board.new_card
xdotool type --delay 20 "Mopedåkning på gångvägen"
for _ in $(seq 50); do
  [[ $(sqlite3 "plan-LAPTOP-7.kartla" "SELECT count(*) FROM problem_map_card WHERE title = 'Mopedåkning på gångvägen'" 2>/dev/null) == 1 ]] && break
  sleep 0.2
done
stop
view core.workshop
start "plan-LAPTOP-7.kartla" laptop.log
retitle "Trygghetsvandring, bärbara datorn"
stop
[[ $(title_of "plan-LAPTOP-7.kartla") == "Trygghetsvandring, bärbara datorn" ]] || fail "the laptop's title was not saved"

# This file's own title.
start plan.kartla main.log
retitle "Trygghetsvandring, huvudfilen"
stop

# (a) The command line.
set +e
"$kartla" merge plan.kartla "plan-LAPTOP-7.kartla" -o cli.kartla >conflicts.json 2>merge.err
status=$?
set -e
[[ $status == 3 ]] || fail "(a) a conflict should exit with 3, not $status: $(cat merge.err)"
[[ ! -e cli.kartla ]] || fail "(a) a merge with a conflict to choose wrote its output"
python3 - conflicts.json <<'PY' || fail "(a) the conflicts JSON"
import json, sys
c = json.load(open(sys.argv[1]))["conflicts"]
assert len(c) == 1, c
assert c[0]["kind"] == "both_changed" and c[0]["table"] == "core_meta" and c[0]["column"] == "value", c
assert c[0]["mine"] == "Trygghetsvandring, huvudfilen" and c[0]["theirs"] == "Trygghetsvandring, bärbara datorn", c
PY
"$kartla" merge plan.kartla "plan-LAPTOP-7.kartla" -o cli.kartla --all theirs >merge.out 2>merge.err ||
  fail "(a) --all theirs: $(cat merge.err)"
[[ $(title_of cli.kartla) == "Trygghetsvandring, bärbara datorn" ]] || fail "(a) title: $(title_of cli.kartla)"
[[ $(sqlite3 cli.kartla "SELECT count(*) FROM problem_map_card WHERE title = 'Mopedåkning på gångvägen'") == 1 ]] ||
  fail "(a) the phone's card is not in the merged file"
[[ $(title_of plan.kartla) == "Trygghetsvandring, huvudfilen" ]] || fail "(a) the merge changed A"
leftovers=$(ls | grep -E 'merging|-wal|-shm' || true)
[[ -z $leftovers ]] || fail "(a) files left beside the merged one: $leftovers"
"$kartla" sample other.kartla >/dev/null
set +e
"$kartla" merge plan.kartla other.kartla -o x.kartla 2>other.err
status=$?
set -e
[[ $status == 1 ]] && grep -q "no edit in common" other.err || fail "(a) another workshop: $status $(cat other.err)"
echo "gui_merge (a): conflict as JSON with exit 3, --all theirs merged, another workshop refused"

# (b) The window notices the laptop's copy and merges it.
start plan.kartla window.log
wait_for has_probe core.sync_conflicts || fail "(b) no notice of the conflict copy"
import -window root notice.png
click core.sync_conflicts.merge.0
wait_for has_probe core.merge.conflict.0.theirs || fail "(b) no conflict shown"
sleep 0.5
import -window root conflict.png
click core.merge.conflict.0.theirs
click core.merge.apply
sleep 0.5
import -window root merged.png
stop
[[ $(title_of plan.kartla) == "Trygghetsvandring, bärbara datorn" ]] || fail "(b) title: $(title_of plan.kartla)"
[[ $(sqlite3 plan.kartla "SELECT count(*) FROM problem_map_card WHERE title = 'Mopedåkning på gångvägen'") == 1 ]] ||
  fail "(b) the phone's card is not in the merged file"
[[ $(sqlite3 plan.kartla "SELECT count(*) FROM core_history WHERE kind = 'choice' AND note LIKE '%huvudfilen%'") == 1 ]] ||
  fail "(b) the version not chosen is not in the history"
echo "gui_merge (b): conflict copy noticed, conflict chosen in the window, merged"
