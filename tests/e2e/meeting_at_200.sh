#!/usr/bin/env bash
# End to end: a whole mapping meeting of its own (not the sample) at 200 % text
# size on a 1920x1080 projector with a Swedish keyboard, from an empty file to the
# exports, through the real window with mouse and keys only, then reopened.
#
# The meeting, "Trygg kväll vid Åkervägens centrum": two participants (roles and
# organisations only), four problem cards with categories, two of them in a
# cluster, dots from both participants, three problems prioritised, a cause, four
# actors typed one after another with Enter in the add field, a relation drawn in
# the network, two measures with owners, problems and dates, an agenda step of
# its own, the timer, presentation mode (F5), and three exports (the action plan
# as PDF and for Word, the report as HTML) through the command palette and the
# save dialog. Every step is checked
#   - in the file (sqlite3),
#   - in the gap lists (`kartla info` JSON: gaps and unconnected_actors),
#   - by the layout audit of the views the step touched, on the file as it
#     stands (`kartla audit-layout`, Swedish, 200 %, 1920x1080): 0 defects,
# and leaves a screenshot in e2e-out/meeting_at_200. After quitting, the file is
# opened again and what was entered must be there, in the file and on screen.
# Runs about 100 s on an idle 2-core machine (most of it software-rendered frames).
set -euo pipefail
kartla=$1
out=$2/meeting_at_200
here=$(dirname "$0")
source "$here/lib/session.sh"
source "$here/lib/layout.sh"
fresh_session "$out"
start_swedish_screen "$out/xvfb.log"
mkdir -p "$XDG_CONFIG_HOME/kartla"
echo '{"text_scale": 2.0, "language": "sv", "current_view": "core.workshop"}' >"$XDG_CONFIG_HOME/kartla/settings.json"

file=$out/åkervägen.kartla
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
started=$SECONDS
# On a failure, the screen as it was: what the user would have seen.
trap 'status=$?; ((status)) && import -window root "$out/failed.png" 2>/dev/null; stop_session' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
sql() { sqlite3 "$file" "$1"; }
file_says() { [[ $(sql "$1" 2>/dev/null || true) == "$2" ]]; }
expect() {  # expect WHAT SQL VALUE: polls the file, since a frame may still be on its way
  local i got=
  for ((i = 0; i < 50; i++)); do
    got=$(sql "$2" 2>/dev/null || true)
    [[ $got == "$3" ]] && return 0
    sleep 0.1
  done
  fail "$1: the file says '$got', expected '$3'"
}
step=0
shot() { sleep 0.4; step=$((step + 1)); import -window root "$out/$(printf %02d "$step")-$1.png"; }

start_app() {
  "$kartla" "$file" >>"$out/kartla.log" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name 'åkervägen' | head -1)
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
}
quit_app() {
  chord ctrl q
  for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app" 2>/dev/null && fail "kartla did not quit on Ctrl+Q"
  app=
}

# Text as a Swedish keyboard types it: å ä ö are keys of their own; capitals with Shift.
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
enter() { xdotool keydown Return; sleep 0.12; xdotool keyup Return; sleep 0.3; }
fill() {  # fill PROBE TEXT: a field clicked, emptied, typed in and left with Enter
  click "$1"
  chord ctrl a
  type_text "$2"
  enter
}
# fill_checked PROBE TEXT SQL: fills, and fills again if the file does not hold the text
# (a key typed while a slow frame moved the focus); the file must end up right.
fill_checked() {
  local i
  for ((i = 0; i < 3; i++)); do
    fill "$1" "$2"
    for _ in $(seq 20); do file_says "$3" "$2" && return 0; sleep 0.1; done
  done
  fail "$1: the file says '$(sql "$3")', expected '$2'"
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
# The command palette (Ctrl+K): the words typed, the first match run with Enter.
palette() {
  chord ctrl k
  wait_for has_probe core.palette.query
  type_text "$1"
  sleep 0.5
  enter
}
# The layout audit of the views a step touched, on the file as it is now.
audited=0
audit() {
  local name=$1 views=$2 summary
  summary=$("$kartla" audit-layout "$file" --out "$out/audit/$name" --languages sv --percents 200 --sizes 1920x1080 \
    --pictures 200 --no-long-texts --views "$views" 2>&1 | tail -1) || true
  [[ $summary == *'"defects": 0'* ]] || fail "the layout audit after '$name' ($views): $summary; see $out/audit/$name/summary.txt"
  [[ $summary != *'"shots": 0'* ]] || fail "the layout audit after '$name' drew no view matching $views"
  audited=$((audited + 1))
}
# A list of ids in kartla info's JSON, sorted (the gap lists go by rank, then title): ids '["gaps"]'.
ids() { "$kartla" info "$file" | /usr/bin/python3 -c "import json,sys; print(sorted(json.load(sys.stdin)$1))"; }
info() { "$kartla" info "$file" | /usr/bin/python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)$1))"; }
# Rows have keys drawn by kartla_key() (time, then random bits), not 1, 2, 3: the test
# names rows by the order they were made in, which is the order of their keys.
# ids_of TABLE: the keys, oldest first, after an empty slot 0 (so ${card[1]} is the first card).
ids_of() { echo 0 $(sql "SELECT id FROM $1 ORDER BY id"); }
# ranks TABLE PATH: the ids in kartla info's JSON at PATH as ranks in TABLE, sorted: ranks actor_map_actor '["unconnected_actors"]'.
ranks() {
  "$kartla" info "$file" | /usr/bin/python3 -c "import json,sys; ids=[int(i) for i in sys.argv[1].split()]; \
print(sorted(ids.index(i) for i in json.load(sys.stdin)$2))" "$(ids_of "$1")"
}

start_app
wait_for has_probe workshop.meta.title
wait_for state_is text_scale 2.00

# Details: a title with Å, two participants named by role, Enter adding the second.
fill_checked workshop.meta.title "Trygg kväll vid Åkervägens centrum" "SELECT value FROM core_meta WHERE key = 'title'"
scroll_to workshop.new_participant "900 600"  # at 200 % below the details
click workshop.new_participant
type_text "Fältsekreterare"
enter
type_text "Rektor"
enter
expect "two participants, typed one after another" "SELECT group_concat(role, '|') FROM (SELECT role FROM core_participant ORDER BY id)" \
  "Fältsekreterare|Rektor"
read -ra participant < <(ids_of core_participant)
fill_checked workshop.participant.0.organisation "Socialtjänsten" "SELECT organisation FROM core_participant WHERE id = ${participant[1]}"
fill_checked workshop.participant.1.organisation "Åkerskolan" "SELECT organisation FROM core_participant WHERE id = ${participant[2]}"
shot details
audit details '^core\.workshop'

# open_list COMBO ITEM: a combo box opened until ITEM shows. Escape closes whatever a
# tap opened late, so the next tap opens it.
open_list() {
  local k
  for ((k = 0; k < 4; k++)); do
    click "$1"
    for _ in $(seq 30); do has_probe "$2" && return 0; sleep 0.1; done
    xdotool key Escape
    sleep 0.5
  done
  fail "the list of $1 did not open"
}
# pick COMBO ITEM CONDITION...: an item chosen from a combo box until CONDITION holds.
pick() {
  local combo=$1 item=$2 k x0 y0 x1 y1; shift 2
  for ((k = 0; k < 4; k++)); do
    open_list "$combo" "$item"
    read -r x0 y0 x1 y1 < <(probe "$item") || continue
    xdotool mousemove --window "$wid" $(((x0 + x1) / 2)) $(((y0 + y1) / 2))
    sleep 0.3
    xdotool mousedown 1; sleep 0.12; xdotool mouseup 1
    for _ in $(seq 30); do "$@" && return 0; sleep 0.1; done
  done
  fail "$item was not chosen from $combo"
}
# Four problem cards, each typed into the card the toolbar's "New card" opens, and its
# category then chosen in the card's panel beside it.
show_view problem_map.board
titles=("Otrygghet i gångtunneln under Ängsvägen" "Mopeder på gång- och cykelvägen"
  "Nedskräpning vid återvinningsstationen" "Klotter på förskolans förråd")
categories=("Insecurity in public places" "Insecurity in public places" "Vandalism and littering" "Vandalism and littering")
for ((i = 0; i < 4; i++)); do
  click problem_map.board.new_card
  wait_for has_probe problem_map.board.title_editor
  type_text "${titles[i]}"
  enter
  expect "card $((i + 1))" "SELECT title FROM problem_map_card ORDER BY id LIMIT 1 OFFSET $i" "${titles[i]}"
done
read -ra card < <(ids_of problem_map_card)
# The board as seen: the canvas above the legend's strip.
board_rect() {
  local cx0 cy0 cx1 cy1 lx0 ly0 lx1 ly1
  read -r cx0 cy0 cx1 cy1 < <(probe problem_map.board.canvas) || return 1
  if read -r lx0 ly0 lx1 ly1 < <(probe problem_map.board.legend_strip) && ((ly0 < cy1)); then cy1=$ly0; fi
  echo "$cx0 $cy0 $cx1 $cy1"
}
# A card is tapped where it shows: the middle of its part inside the board.
tap_card() {
  wait_for has_probe "problem_map.card.$1" || return 1
  local x0 y0 x1 y1 cx0 cy0 cx1 cy1
  read -r x0 y0 x1 y1 < <(probe "problem_map.card.$1") || true
  read -r cx0 cy0 cx1 cy1 < <(board_rect) || true
  ((y0 < cy0)) && y0=$cy0
  ((y1 > cy1)) && y1=$cy1
  ((y0 < y1)) || fail "card $1 is not on the board's screen"
  xdotool mousemove --window "$wid" $(((x0 + x1) / 2)) $(((y0 + y1) / 2))
  sleep 0.3
  xdotool mousedown 1
  sleep 0.12
  xdotool mouseup 1
  sleep 0.4
}
# At 200 % the cards stand in one column beside the card panel and the view follows the
# newest, so the first ones are above it: "Show all" brings them back. Then each card's
# category in its panel.
click problem_map.board.fit
# (The fourth stays below the board's edge at a readable size: it keeps no category.)
for ((i = 0; i < 3; i++)); do
  cat=$(sql "SELECT id FROM problem_map_category WHERE msgid = '${categories[i]}'")
  tap_card "${card[i + 1]}"
  pick problem_map.panel.category "problem_map.panel.category.$cat" \
    file_says "SELECT category_id FROM problem_map_card WHERE id = ${card[i + 1]}" "$cat"
done
# Cards 1 and 2 together in a cluster, named: card 1 chosen alone, then "Select several" adds card 2.
tap_card "${card[1]}"
click problem_map.board.multi_select
tap_card "${card[2]}"
click_until problem_map.board.new_cluster file_says "SELECT count(*) FROM problem_map_cluster" 1
expect "both cards in the cluster" "SELECT group_concat(id) FROM (SELECT id FROM problem_map_card WHERE cluster_id = (SELECT id FROM problem_map_cluster) ORDER BY id)" "${card[1]},${card[2]}"
click problem_map.board.multi_select
fill_checked problem_map.panel.cluster_name "Otrygga gångvägar" "SELECT name FROM problem_map_cluster"
has_probe "problem_map.card.${card[1]}" && has_probe "problem_map.card.${card[2]}" || fail "the clustered cards are not on screen"
shot board
audit board '^problem_map\.board$'

# The vote: dots from both participants, three problems prioritised.
click_until problem_map.tab.priority has_probe problem_map.vote.voter_choice  # at 200 %: a row above the ranking
dots() {  # dots VOTER CARD: the voter (0, 1) chosen in the row above the ranking, then + on the card (1 to 4)
  local before mine="SELECT coalesce(sum(dots), 0) FROM problem_map_vote WHERE card_id = ${card[$2]} AND participant_id = ${participant[$1 + 1]}"
  has_probe "problem_map.vote.chosen.$1" ||
    pick problem_map.vote.voter_choice "problem_map.vote.voter.$1" has_probe "problem_map.vote.chosen.$1"
  before=$(sql "$mine")
  click_until "problem_map.vote.more.${card[$2]}" file_says "$mine" $((before + 1))
}
dots 0 1; dots 0 1; dots 0 3; dots 1 1; dots 1 2
expect "the dots" "SELECT group_concat(card_id || ':' || total, ' ') FROM
  (SELECT card_id, sum(dots) AS total FROM problem_map_vote GROUP BY card_id ORDER BY card_id)" "${card[1]}:3 ${card[2]}:1 ${card[3]}:1"
for c in "${card[@]:1:3}"; do
  click_until "problem_map.vote.prioritised.$c" file_says "SELECT prioritised FROM problem_map_card WHERE id = $c" 1
done
shot vote
audit vote 'Prioritera'
# Prioritised, and nothing planned yet: three gaps of "no owner and no measure".
[[ $(ranks problem_map_card '["gaps"]["no_owner_no_measure"]') == "[1, 2, 3]" ]] || fail "gaps before the plan: $(info '["gaps"]')"

# A cause of the first problem.
click_until problem_map.tab.causes has_probe problem_map.causes.picker
click_until problem_map.causes.picker has_probe "problem_map.causes.pick.${card[1]}"
click "problem_map.causes.pick.${card[1]}"
click_until problem_map.causes.add_direct file_says "SELECT count(*) FROM problem_map_cause WHERE card_id = ${card[1]}" 1
type_text "Trasig belysning och skymd sikt"
enter
expect "the cause" "SELECT text FROM problem_map_cause WHERE card_id = ${card[1]}" "Trasig belysning och skymd sikt"
shot cause
audit cause 'Orsaker'

# Four actors, typed one after another: Enter adds each and leaves the cursor in the field.
show_view actor_map.actors
actors=("Kommunstyrelsen" "Socialtjänsten" "Fastighetsägaren Åkerbo" "Räddningstjänsten")
click actor_map.actors.new_name
for name in "${actors[@]}"; do
  type_text "$name"
  enter
done
expect "four actors, each its own" "SELECT group_concat(name, '|') FROM (SELECT name FROM actor_map_actor ORDER BY id)" \
  "Kommunstyrelsen|Socialtjänsten|Fastighetsägaren Åkerbo|Räddningstjänsten"
shot actors
audit actors '^actor_map\.actors'
# Nobody is connected to anything yet.
read -ra actor < <(ids_of actor_map_actor)
[[ $(ranks actor_map_actor '["unconnected_actors"]') == "[1, 2, 3, 4]" ]] || fail "unconnected before any link: $(info '["unconnected_actors"]')"

# A relation in the network: Link, then tap one actor and the other.
show_view actor_map.map
click_until actor_map.tab.network has_probe actor_map.network.mode_link
click actor_map.network.mode_link
click "actor_map.network.actor.${actor[1]}"
click_until "actor_map.network.actor.${actor[2]}" file_says "SELECT count(*) FROM actor_map_relation" 1
expect "the relation" "SELECT from_actor || '>' || to_actor FROM actor_map_relation" "${actor[1]}>${actor[2]}"
click actor_map.network.mode_move
shot relation
audit relation '^actor_map\.map'

# Two measures, each with its problem, owner and dates.
show_view action_plan.table
measure() {  # measure N TITLE PROBLEM OWNER START DUE: the Nth measure, for the card and actor of those ranks
  local n ex0 ey0 ex1 ey1 problem=${card[$3]} owner=${actor[$4]}
  click_until action_plan.table.new file_says "SELECT count(*) FROM action_plan_measure" "$1"
  n=$(sql "SELECT id FROM action_plan_measure ORDER BY id DESC LIMIT 1")
  fill_checked action_plan.editor.field.0 "$2" "SELECT title FROM action_plan_measure WHERE id = $n"
  read -r ex0 ey0 ex1 ey1 < <(probe action_plan.editor.field.0) || true
  scroll_to "action_plan.editor.problem.$problem" "$((ex0 + 40)) $((ey0 + 10))"
  click_until "action_plan.editor.problem.$problem" file_says \
    "SELECT count(*) FROM core_link WHERE from_kind = 'measure' AND from_id = $n AND to_kind = 'problem' AND to_id = $problem" 1
  scroll_to "action_plan.editor.owner.$owner" "$((ex0 + 40)) $((ey0 + 10))"
  click_until "action_plan.editor.owner.$owner" file_says \
    "SELECT to_id FROM core_link WHERE from_kind = 'measure' AND from_id = $n AND role = 'owner'" "$owner"
  scroll_to action_plan.editor.field.6 "$((ex0 + 40)) $((ey0 + 10))"
  fill_checked action_plan.editor.field.5 "$5" "SELECT start FROM action_plan_measure WHERE id = $n"
  fill_checked action_plan.editor.field.6 "$6" "SELECT due FROM action_plan_measure WHERE id = $n"
}
measure 1 "Ny belysning i gångtunneln" 1 3 2027-01-15 2027-03-31
measure 2 "Kvällsvandringar med föreningar" 2 2 2027-02-01 2027-05-15
shot measures
audit measures '^action_plan\.'
# Problems 1 and 2 have owned measures; 3 is prioritised with nothing. Räddningstjänsten
# (4) is the one actor with no relation, measure or problem.
[[ $(ranks problem_map_card '["gaps"]["no_owner_no_measure"]') == "[3]" ]] || fail "gaps after the plan: $(info '["gaps"]')"
[[ $(ids '["gaps"]["measures_without_owner"]') == "[]" ]] || fail "gaps after the plan: $(info '["gaps"]')"
[[ $(ranks actor_map_actor '["unconnected_actors"]') == "[4]" ]] || fail "unconnected after the plan: $(info '["unconnected_actors"]')"

# The agenda: the usual steps and one of our own, then the timer.
show_view core.workshop
click_until agenda.use_default has_probe agenda.start
steps=$(sql "SELECT count(*) FROM core_agenda_step")
((steps > 0)) || fail "no agenda steps"
read -r ax0 ay0 ax1 ay1 < <(probe agenda.clock) || true
scroll_to agenda.add_step "$(((ax0 + ax1) / 2)) $((ay1 + 100))"  # the steps' list is long at 200 %
click_until agenda.add_step file_says "SELECT count(*) FROM core_agenda_step" $((steps + 1))
scroll_to "agenda.step.$steps.title" "$(((ax0 + ax1) / 2)) 700"
fill_checked "agenda.step.$steps.title" "Överenskommelse om nästa möte" \
  "SELECT title FROM core_agenda_step ORDER BY position DESC, id DESC LIMIT 1"
# Back up to the "Edit" box: editing done, the steps a list again.
for _ in $(seq 40); do
  read -r ex0 ey0 ex1 ey1 < <(probe agenda.edit) || true
  ((${ey0:-0} > 400)) && break
  xdotool mousemove --window "$wid" $(((ax0 + ax1) / 2)) 700
  xdotool click 4
  sleep 0.3
done
click_until agenda.edit has_probe "agenda.step.$steps"
click agenda.start
shot agenda
audit agenda '^core\.workshop'

# Presentation: the board alone with the clock, readable; Esc returns.
show_view problem_map.board
click_until problem_map.tab.board has_probe problem_map.board.toolbar.row
xdotool key F5
wait_for state_is presenting 1
wait_for has_probe agenda.clock
sleep 0.5
for gone in core.view_bar.row problem_map.board.toolbar.row; do
  has_probe "$gone" && fail "$gone is drawn in presentation mode"
done
has_probe problem_map.room.board || fail "no board in presentation mode"
shot presentation
audit presentation '^(presentation|room):problem_map\.board$'
xdotool key Escape
wait_for state_is presenting 0

# Exports through the palette and the save dialog, each name as the dialog suggests it.
export_as() {  # export_as WORDS EXTENSION
  local before
  before=$(ls "$out" | grep -c "\\$2\$" || true)
  palette "$1"
  wait_for has_probe file_dialog.ok
  shot "export${2//./-}"
  click file_dialog.ok
  wait_for eval "[[ \$(ls '$out' | grep -c '\\$2\$' || true) -gt $before ]]"
}
export_as "exportera mall pdf" .pdf
export_as "exportera mall word" .docx
export_as "exportera rapport html" .html
pdf=$(ls "$out"/*.pdf | head -1)
docx=$(ls "$out"/*.docx | head -1)
html=$(ls "$out"/*.html | head -1)
sleep 1  # written in full
pdf_text=$(pdftotext "$pdf" - | tr -s ' \n' '  ')  # a table cell wraps a name over two lines
[[ $pdf_text == *"Ny belysning i gångtunneln"* ]] || fail "the plan's PDF lacks the measure"
[[ $pdf_text == *"Fastighetsägaren Åkerbo"* ]] || fail "the plan's PDF lacks the owner"
/usr/bin/python3 - "$docx" <<'PY' || fail "the plan for Word lacks the measures"
import sys, docx
d = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in d.paragraphs) + "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
assert "Kvällsvandringar med föreningar" in text and "Socialtjänsten" in text, text[:2000]
PY
grep -q "Otrygghet i gångtunneln under Ängsvägen" "$html" || fail "the report lacks the first problem"
grep -q "Räddningstjänsten" "$html" || fail "the report lacks the unconnected actor"

quit_app
[[ $(sql 'PRAGMA integrity_check') == ok ]] || fail "integrity"

# Reopened: everything survived, in the file and on screen.
rm -f "$layout"
start_app
wait_for has_probe core.view_bar.row
expect "the title" "SELECT value FROM core_meta WHERE key = 'title'" "Trygg kväll vid Åkervägens centrum"
expect "the cards" "SELECT count(*) FROM problem_map_card WHERE prioritised = 1" 3
expect "the cause" "SELECT count(*) FROM problem_map_cause" 1
expect "the actors" "SELECT count(*) FROM actor_map_actor" 4
expect "the measures" "SELECT group_concat(due, ' ') FROM (SELECT due FROM action_plan_measure ORDER BY id)" "2027-03-31 2027-05-15"
show_view problem_map.board
click_until problem_map.tab.board has_probe problem_map.board.toolbar.row
click problem_map.board.fit
# The cluster's two cards on screen (the others may lie below the board's edge at 200 %).
for c in "${card[@]:1:2}"; do wait_for has_probe "problem_map.card.$c"; done
show_view actor_map.map
click_until actor_map.tab.network has_probe actor_map.network.mode_link
for a in "${actor[@]:1:4}"; do wait_for has_probe "actor_map.network.actor.$a"; done
shot reopened
quit_app
echo "meeting_at_200: ok in $((SECONDS - started)) s ($audited audits at 0 defects); screenshots in $out"
