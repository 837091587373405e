#!/usr/bin/env bash
# End to end: a short mapping meeting through the real window on a 1920x1080
# screen with a Swedish keyboard, mouse and keys only, as a facilitator runs
# it: details, a participant, problem cards, a cluster, a vote, a cause, an
# actor, a measure with its owner, the agenda and its timer, presentation (F5)
# and an export (from the command line while the window is open). Buttons are found through the layout file the program writes
# (lib/layout.sh); every step is checked in the file with sqlite3 and leaves a
# screenshot in e2e-out/meeting_script.
set -euo pipefail
kartla=$1
out=$2/meeting_script
here=$(dirname "$0")
source "$here/lib/session.sh"
source "$here/lib/layout.sh"
fresh_session "$out"
start_swedish_screen "$out/xvfb.log"
mkdir -p "$XDG_CONFIG_HOME/kartla"
echo '{"text_scale": 1.0, "language": "sv", "current_view": "core.workshop"}' >"$XDG_CONFIG_HOME/kartla/settings.json"

file=$out/trygghet.kartla
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
wid=$(xdotool search --sync --onlyvisible --name 'trygghet' | head -1)
xdotool windowfocus --sync "$wid" 2>/dev/null || true
wait_for has_probe workshop.meta.title
step=0
shot() { sleep 0.4; step=$((step + 1)); import -window root "$out/$(printf %02d "$step")-$1.png"; }
sql() { sqlite3 "$file" "$1"; }
expect() {  # expect WHAT SQL VALUE: polls the file, since a frame may still be on its way
  local i got
  for ((i = 0; i < 50; i++)); do
    got=$(sql "$2" 2>/dev/null || true)
    [[ $got == "$3" ]] && return 0
    sleep 0.1
  done
  echo "FAIL: $1: the file says '$got', expected '$3'" >&2
  exit 1
}
file_says() { [[ $(sql "$1" 2>/dev/null || true) == "$2" ]]; }
# Text as a Swedish keyboard types it: å ä ö are keys of their own here; capitals with Shift.
type_text() {
  local text=$1 i c
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      Å) xdotool key shift+aring ;; Ä) xdotool key shift+adiaeresis ;; Ö) xdotool key shift+odiaeresis ;;
      *) xdotool type --delay 40 -- "$c" ;;
    esac
  done
}
fill() {  # fill PROBE TEXT: a field clicked, emptied, typed in and left with Enter
  click "$1"
  chord ctrl a
  type_text "$2"
  xdotool key Return
  sleep 0.3
}
# fill_checked PROBE TEXT SQL: fills, and fills again if the file does not hold the text
# (a key typed while a slow frame moved the focus); the file must end up right.
fill_checked() {
  local i
  for ((i = 0; i < 3; i++)); do
    fill "$1" "$2"
    for _ in $(seq 20); do file_says "$3" "$2" && return 0; sleep 0.1; done
  done
  echo "FAIL: $1: the file says '$(sql "$3")', expected '$2'" >&2
  exit 1
}
show_view() {
  if has_probe "core.view_bar.$1"; then
    click_until "core.view_bar.$1" state_is view "$1"
  else
    click_until core.view_bar.more has_probe "core.view_bar.$1.more"
    click_until "core.view_bar.$1.more" state_is view "$1"
  fi
  sleep 0.4
}

# Details and a participant.
fill_checked workshop.meta.title "Trygghet på Östra torget" "SELECT value FROM core_meta WHERE key = 'title'"
click_until workshop.add_participant file_says "SELECT count(*) FROM core_participant" 1
fill_checked workshop.participant.0.role "Kommunpolis" "SELECT role FROM core_participant"
fill_checked workshop.participant.0.organisation "Polisen" "SELECT organisation FROM core_participant"
shot details

# Problem cards on the board: a new card opens its title for typing.
show_view problem_map.board
click problem_map.board.new_card
wait_for has_probe problem_map.board.title_editor
type_text "Klotter vid gångtunneln"
xdotool key Return
expect "the first card" "SELECT title FROM problem_map_card" "Klotter vid gångtunneln"
click problem_map.board.new_card
wait_for has_probe problem_map.board.title_editor
type_text "Otrygghet vid busshållplatsen"
xdotool key Return
expect "two cards" "SELECT count(*) FROM problem_map_card WHERE title <> ''" 2
click_until problem_map.board.new_cluster file_says "SELECT count(*) >= 1 FROM problem_map_cluster" 1
shot board

# The vote: the participant gives the first card a dot and it is prioritised.
card=$(sql "SELECT id FROM problem_map_card WHERE title = 'Klotter vid gångtunneln'")  # a kartla_key(), not 1
click_until problem_map.tab.priority has_probe problem_map.vote.voter.0
click problem_map.vote.voter.0
click_until problem_map.vote.more.$card file_says "SELECT sum(dots) >= 1 FROM problem_map_vote WHERE card_id = $card" 1
click_until problem_map.vote.prioritised.$card file_says "SELECT prioritised FROM problem_map_card WHERE id = $card" 1
shot vote

# A cause of the prioritised problem.
click_until problem_map.tab.causes has_probe problem_map.causes.picker
click_until problem_map.causes.picker has_probe problem_map.causes.pick.$card
click problem_map.causes.pick.$card
click_until problem_map.causes.add_direct file_says "SELECT count(*) FROM problem_map_cause WHERE card_id = $card" 1
type_text "Dålig belysning"
xdotool key Return
expect "the cause" "SELECT text FROM problem_map_cause WHERE card_id = $card" "Dålig belysning"
shot cause

# An actor.
show_view actor_map.actors
click actor_map.actors.new_name
type_text "Fastighetsägaren Älvbo"
click_until actor_map.actors.add file_says "SELECT count(*) FROM actor_map_actor" 1
expect "an actor" "SELECT name FROM actor_map_actor" "Fastighetsägaren Älvbo"
shot actor

# A measure with that actor as owner.
show_view action_plan.table
click_until action_plan.table.new file_says "SELECT count(*) FROM action_plan_measure" 1
fill_checked action_plan.editor.field.0 "Bättre belysning i gångtunneln" "SELECT title FROM action_plan_measure"
actor=$(sql "SELECT id FROM actor_map_actor")
read -r ex0 ey0 ex1 ey1 < <(probe action_plan.editor.field.0) || true
scroll_to "action_plan.editor.owner.$actor" "$((ex0 + 40)) $((ey0 + 10))"
click_until "action_plan.editor.owner.$actor" file_says "SELECT count(*) FROM core_link WHERE role = 'owner'" 1
expect "the owner" "SELECT to_id FROM core_link WHERE from_kind = 'measure' AND role = 'owner' AND to_kind = 'actor'" "$actor"
shot measure

# The agenda: the usual steps, and the timer started.
show_view core.workshop
click agenda.use_default
wait_for has_probe agenda.start
steps=$(sql "SELECT count(*) FROM core_agenda_step")
((steps > 0)) || { echo "FAIL: no agenda steps" >&2; exit 1; }
click agenda.start
wait_for has_probe core.room.step 2>/dev/null || true
shot agenda

# Presentation: the chosen view alone with the clock; Esc returns.
show_view problem_map.board
click_until problem_map.tab.board has_probe problem_map.board.toolbar.row
xdotool key F5
wait_for state_is presenting 1
wait_for has_probe agenda.clock
sleep 0.5
for gone in core.view_bar.row problem_map.board.toolbar.row problem_map.tab.board; do
  if has_probe "$gone"; then echo "FAIL: $gone is drawn in presentation mode" >&2; exit 1; fi
done
has_probe problem_map.room.board || { echo "FAIL: no board in presentation mode" >&2; exit 1; }
shot presentation
xdotool key Escape
wait_for state_is presenting 0

# The export, while the window still holds the file: the plan as Markdown from the
# command line (the save dialog of File > Export has no probe yet to click).
md=$out/trygghet.md
"$kartla" export "$file" --format md -o "$md"
grep -q "Bättre belysning i gångtunneln" "$md" || { echo "FAIL: the export lacks the measure" >&2; exit 1; }
grep -q "Fastighetsägaren Älvbo" "$md" || { echo "FAIL: the export lacks the owner" >&2; exit 1; }
shot export

chord ctrl q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
if kill -0 $app 2>/dev/null; then echo "FAIL: kartla did not quit" >&2; exit 1; fi
app=
spent=$(sql "SELECT coalesce(sum(spent_seconds), 0) FROM core_agenda_step")
[[ $(sql 'PRAGMA integrity_check') == ok ]] || { echo "FAIL: integrity" >&2; exit 1; }
echo "meeting_script: ok (agenda time recorded: ${spent}s); screenshots in $out"
