# Sourced by end-to-end tests that read the window's layout file: with
# KARTLA_LAYOUT_FILE set, kartla writes after each frame that changed it
#   state <name> <value...>          window, text_scale, presenting, view
#   probe <key> <x0> <y0> <x1> <y1>  where a marked item was drawn, window pixels
# so a test finds buttons and checks the layout from the program itself.
# Needs $layout (the file) and $wid (the window).

probe() { awk -v k="$1" '$1 == "probe" && $2 == k { print $3, $4, $5, $6; exit }' "$layout" 2>/dev/null; }
state() { awk -v k="$1" '$1 == "state" && $2 == k { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' "$layout" 2>/dev/null; }
has_probe() { [[ -n $(probe "$1") ]]; }
probes_matching() { awk -v p="$1" '$1 == "probe" && $2 ~ p { print $2, $3, $4, $5, $6 }' "$layout" 2>/dev/null; }

# wait_for CONDITION... : polls for up to 15 s (a software-rendered frame is slow).
wait_for() {
  local i
  for ((i = 0; i < 150; i++)); do
    if "$@"; then return 0; fi
    sleep 0.1
  done
  echo "FAIL: timed out waiting for: $*" >&2
  return 1
}
state_is() { [[ $(state "$1") == "$2" ]]; }

# click KEY: the centre of the item the program drew with that probe.
click() {
  wait_for has_probe "$1" || return 1
  local x0 y0 x1 y1
  read -r x0 y0 x1 y1 < <(probe "$1") || true
  xdotool mousemove --window "$wid" $(((x0 + x1) / 2)) $(((y0 + y1) / 2))
  sleep 0.3  # a frame sees the pointer arrive before the press
  # Held as a hand holds it: a press and release in one frame can be lost under load
  # (a combo box after a new card stayed shut for three such clicks in a row).
  xdotool mousedown 1
  sleep 0.12
  xdotool mouseup 1
  sleep 0.4
}

# scroll_to KEY AT: turns the wheel over the point AT ("x y", inside the same
# scrolling window) until the item KEY is on screen.
scroll_to() {
  local i x0 y0 x1 y1 height
  height=$(state window | cut -d' ' -f2)
  for ((i = 0; i < 40; i++)); do
    read -r x0 y0 x1 y1 < <(probe "$1") || true
    [[ -n ${y1:-} ]] && ((y1 < height - 80)) && return 0
    xdotool mousemove --window "$wid" $2
    xdotool click 5
    sleep 0.3
  done
  echo "FAIL: $1 never came into view" >&2
  return 1
}

# click_until KEY CONDITION...: clicks again when the first click came before the
# view was ready for it (a slow software-rendered frame).
click_until() {
  local key=$1 i j; shift
  for ((i = 0; i < 3; i++)); do
    click "$key" || return 1
    for ((j = 0; j < 30; j++)); do
      if "$@"; then return 0; fi
      sleep 0.1
    done
  done
  echo "FAIL: clicking $key did not lead to: $*" >&2
  return 1
}

# Chords as a person presses them: modifier down, key, modifier up.
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.3; }

# The bottom of one row: a toolbar's row probe must be no taller than one of its buttons.
one_row() {
  local row=$1 button=$2 width
  width=$(state window | cut -d' ' -f1)
  read -r rx0 ry0 rx1 ry1 < <(probe "$row") || true
  read -r bx0 by0 bx1 by1 < <(probe "$button") || true
  if [[ -z $rx0 || -z $bx0 ]]; then echo "FAIL: no $row or $button drawn" >&2; return 1; fi
  if ((ry1 - ry0 > by1 - by0 + 2)); then echo "FAIL: $row is $((ry1 - ry0)) px high, one row is $((by1 - by0))" >&2; return 1; fi
  if ((rx1 > width)); then echo "FAIL: $row ends at x=$rx1, beyond the window ($width)" >&2; return 1; fi
}

# No two rectangles A and B overlap.
apart() {
  local ax0 ay0 ax1 ay1 bx0 by0 bx1 by1
  read -r ax0 ay0 ax1 ay1 <<<"$1" || true
  read -r bx0 by0 bx1 by1 <<<"$2" || true
  ((ax1 <= bx0 || bx1 <= ax0 || ay1 <= by0 || by1 <= ay0))
}
