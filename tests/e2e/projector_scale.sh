#!/usr/bin/env bash
# End to end, on a 1920x1080 "projector" with a Swedish keyboard: Ctrl+plus
# enlarges the text (the "+" key of a Swedish keyboard is the US "-" key); at
# 200 % and 300 % the view bar and the toolbars stay one row each and the
# board's legend covers no card; F5 shows the board alone with the clock, Esc
# brings the controls back. Checked from the layout file the program writes
# (KARTLA_LAYOUT_FILE, see lib/layout.sh); a screenshot is kept of each step.
set -euo pipefail
kartla=$1
out=$2/projector_scale
here=$(dirname "$0")
source "$here/lib/session.sh"
source "$here/lib/layout.sh"
fresh_session "$out"
start_swedish_screen "$out/xvfb.log"

mkdir -p "$XDG_CONFIG_HOME/kartla"
settings=$XDG_CONFIG_HOME/kartla/settings.json
echo '{"text_scale": 1.0, "language": "sv", "current_view": "problem_map.board"}' >"$settings"
file=$out/älvstad.kartla
"$kartla" sample "$file" >/dev/null
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
wid=$(xdotool search --sync --onlyvisible --name 'älvstad' | head -1)
xdotool windowfocus --sync "$wid" 2>/dev/null || true
wait_for has_probe problem_map.board.canvas
shot() { sleep 0.5; import -window root "$out/$1.png"; }
shot 100

# The Swedish "+" key, as a person presses it: Ctrl held, then "+".
chord ctrl plus
wait_for state_is text_scale 1.25
grep -q '"text_scale": 1.25' "$settings" || { echo "FAIL: settings.json does not say 1.25" >&2; exit 1; }
chord ctrl minus
wait_for state_is text_scale 1.00

check_views_at() {
  local scale=$1
  wait_for state_is text_scale "$scale"
  wait_for has_probe problem_map.board.toolbar.row
  sleep 0.5
  one_row core.view_bar.row core.view_bar.problem_map.board
  one_row problem_map.board.toolbar.row problem_map.board.new_card
  local canvas legend
  canvas=$(probe problem_map.board.canvas)
  legend=$(probe problem_map.board.legend_strip)
  [[ -n $legend ]] || { echo "FAIL: no legend at $scale" >&2; return 1; }
  apart "$canvas" "$legend" || { echo "FAIL: the legend ($legend) lies over the board ($canvas)" >&2; return 1; }
  # Every card drawn, as far as it shows inside the board, is clear of the legend.
  local key x0 y0 x1 y1 cx0 cy0 cx1 cy1
  read -r cx0 cy0 cx1 cy1 <<<"$canvas" || true
  while read -r key x0 y0 x1 y1; do
    ((y0 < cy0)) && y0=$cy0
    ((y1 > cy1)) && y1=$cy1
    ((y0 >= y1)) && continue
    apart "$x0 $y0 $x1 $y1" "$legend" || { echo "FAIL: the legend covers $key at $scale" >&2; return 1; }
  done < <(probes_matching '^problem_map\.card\.')
  shot "board-$scale"
  # The action plan's table and the actor network keep their toolbars in one row too.
  show_view action_plan.table
  wait_for has_probe action_plan.table.toolbar.row
  one_row action_plan.table.toolbar.row action_plan.table.new
  one_row core.view_bar.row core.view_bar.action_plan.table
  shot "table-$scale"
  show_view actor_map.map
  click_until actor_map.tab.network has_probe actor_map.network.toolbar.row
  one_row actor_map.network.toolbar.row actor_map.network.mode_move
  shot "network-$scale"
  show_view problem_map.board
  wait_for has_probe problem_map.board.toolbar.row
}

# A view's button is in the bar, or in "More" when the bar is full.
show_view() {
  if has_probe "core.view_bar.$1"; then
    click_until "core.view_bar.$1" state_is view "$1"
  else
    click_until core.view_bar.more has_probe "core.view_bar.$1.more"
    click_until "core.view_bar.$1.more" state_is view "$1"
  fi
  sleep 0.5
}

for _ in 1 2 3 4; do chord ctrl plus; done
check_views_at 2.00
for _ in 1 2 3 4; do chord ctrl plus; done  # 2.25, 2.5, 2.75, 3.0
check_views_at 3.00

# Presentation: the board alone, no tabs, no toolbars, no view bar; the clock.
xdotool key F5
wait_for state_is presenting 1
wait_for has_probe agenda.clock
sleep 0.5
for gone in core.view_bar.row problem_map.board.toolbar.row problem_map.tab.board; do
  if has_probe "$gone"; then echo "FAIL: $gone is drawn in presentation mode" >&2; exit 1; fi
done
has_probe problem_map.room.board || { echo "FAIL: the board is not shown in presentation mode" >&2; exit 1; }
has_probe core.room.time_of_day || { echo "FAIL: no time of day in presentation mode" >&2; exit 1; }
shot presentation-300
xdotool key Escape
wait_for state_is presenting 0
wait_for has_probe core.view_bar.row

chord ctrl q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
app=
grep -q '"text_scale": 3' "$settings" || { echo "FAIL: settings.json does not keep 300 %" >&2; exit 1; }
echo "projector_scale: ok; screenshots in $out"
