#!/usr/bin/env bash
# End to end: the room view on a second screen. Xvfb shows GLFW one monitor
# whatever its size, so this runs Xorg with the dummy driver and two RandR
# outputs, a 1920x1080 laptop screen and a 1280x720 projector to its right
# (shared/testing.md). kartla opens the sample; the test checks that the room
# view's window covers the projector, that F6 closes and reopens it, and that
# the choice is remembered, and that unplugging and replugging the projector
# closes and reopens it. Keeps a screenshot of both screens side by side.
set -euo pipefail
kartla=$1
out=$2/room_view_two_screens
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"

cat >"$out/xorg.conf" <<'CONF'
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3840 1080
  EndSubSection
EndSection
CONF

start_x_server "$out/xorg.out" Xorg -config "$out/xorg.conf" -noreset -nolisten tcp -logfile "$out/xorg.log"
for _ in $(seq 100); do xrandr >/dev/null 2>&1 && break; sleep 0.1; done
xrandr --newmode proj 74.48 1280 1336 1472 1664 720 721 724 746 -HSync +Vsync
xrandr --addmode DUMMY1 proj
xrandr --output DUMMY0 --mode 1920x1080 --pos 0x0 --output DUMMY1 --mode proj --right-of DUMMY0
xrandr --listmonitors >"$out/monitors.txt"
xset r off

file=$out/uppföljning.kartla
"$kartla" sample "$file" >"$out/sample.log" 2>&1
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!

fail() { echo "FAIL: $*" >&2; echo "--- kartla.log" >&2; cat "$out/kartla.log" >&2; exit 1; }
find_room() { xdotool search --onlyvisible --name '^(Room view|Rumsvy) — kartla$' 2>/dev/null | head -1; }
wait_room() {  # $1: present|absent
  for _ in $(seq 100); do
    local wid; wid=$(find_room || true)
    if [[ $1 == present && -n $wid ]]; then echo "$wid"; return 0; fi
    if [[ $1 == absent && -z $wid ]]; then return 0; fi
    sleep 0.2
  done
  return 1
}
geometry_of() { xdotool getwindowgeometry --shell "$1"; }

console=$(xdotool search --sync --onlyvisible --name 'uppföljning' | head -1)
room=$(wait_room present) || fail "no room view window appeared with two screens"
eval "$(geometry_of "$room")"
[[ $X == 1920 && $Y == 0 && $WIDTH == 1280 && $HEIGHT == 720 ]] ||
  fail "room view at ${X},${Y} ${WIDTH}x${HEIGHT}, expected the projector at 1920,0 1280x720"
eval "$(geometry_of "$console")"
(( X + WIDTH <= 1920 )) || fail "the console window reaches onto the projector (${X}+${WIDTH})"

# Point at the problem board on the console: the room shows the ring there.
xdotool windowfocus --sync "$console" 2>/dev/null || true
xdotool mousemove 700 500
sleep 1
import -window root "$out/two-screens.png"

xdotool key F6
wait_room absent || fail "F6 did not close the room view"
grep -q '"room_view": *false' "$HOME/.config/kartla/settings.json" ||
  fail "closing the room view was not remembered: $(cat "$HOME/.config/kartla/settings.json")"
xdotool key F6
room=$(wait_room present) || fail "F6 did not open the room view again"
eval "$(geometry_of "$room")"
[[ $X == 1920 ]] || fail "the reopened room view is at x=$X, not on the projector"

# The projector unplugged mid-meeting: the room view closes and the console carries on;
# plugged in again: the room view comes back on it.
xrandr --output DUMMY1 --off
wait_room absent || fail "the room view stayed open after its screen went away"
kill -0 $app 2>/dev/null || fail "kartla ended when the projector was unplugged"
xrandr --output DUMMY1 --mode proj --right-of DUMMY0
room=$(wait_room present) || fail "the room view did not come back when the projector was plugged in again"
eval "$(geometry_of "$room")"
[[ $X == 1920 && $WIDTH == 1280 ]] || fail "after replugging, the room view is at x=$X width $WIDTH"

xdotool keydown ctrl; sleep 0.15; xdotool key q; sleep 0.15; xdotool keyup ctrl
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
kill -0 $app 2>/dev/null && fail "kartla did not quit on Ctrl+Q"
app=
[[ $(sqlite3 "$file" 'PRAGMA integrity_check') == ok ]] || fail "integrity"
echo "room_view_two_screens: ok; screenshot $out/two-screens.png"
