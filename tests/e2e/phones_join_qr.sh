#!/usr/bin/env bash
# End to end: "Let phones join" in the real window (through the command palette),
# then the QR code on the screen is decoded with zbarimg and must be the join
# address (upper case, QR's alphanumeric mode); the decoded address serves the
# phone page, and presentation mode (F5) shows the code large for the room.
# The server is kept on 127.0.0.1 (KARTLA_PHONES_BIND). Keeps the screenshots.
set -euo pipefail
kartla=$1
out=$2/phones_join_qr
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
export LC_ALL=C.UTF-8 LANG=C.UTF-8  # English labels for the command palette below
export KARTLA_PHONES_BIND=127.0.0.1
start_x_server "$out/xvfb.log" Xvfb -screen 0 1920x1080x24 -nolisten tcp
xset r off
fail() { echo "FAIL: $*" >&2; exit 1; }

file=$out/rum.kartla
"$kartla" sample "$file" >/dev/null
"$kartla" "$file" >"$out/kartla.log" 2>&1 &
app=$!
wid=$(xdotool search --sync --onlyvisible --name 'rum' | head -1)
xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
sleep 0.5
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; sleep 0.3; }
chord ctrl k
sleep 0.8
xdotool type --delay 80 "Let phones join"
sleep 0.8
xdotool key Return
sleep 2
import -window root "$out/facilitator.png"
decoded=$(zbarimg --quiet --raw "$out/facilitator.png" 2>/dev/null | head -1) || true
[[ $decoded == HTTP://127.0.0.1:*/* ]] || fail "no join address in the QR code on screen: '$decoded'"
[[ ${decoded##*/} =~ ^[A-Z2-7]{26}$ ]] || fail "the QR code does not end in a 26-character token: $decoded"
# Scheme and host are case-insensitive; the token is upper case: the decoded text opens the page,
# so it holds this server's token (a wrong one gets 404).
page=$(/usr/bin/python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).status)' \
  "http://127.0.0.1:${decoded#HTTP://127.0.0.1:}")
[[ $page == 200 ]] || fail "the decoded address does not serve the page ($page)"

xdotool key F5  # presentation: the room sees the code alone, large
sleep 1.5
import -window root "$out/projector.png"
zbarimg --quiet --raw "$out/projector.png" | grep -q "^${decoded}$" || fail "no QR code in presentation mode"
xdotool key Escape
sleep 0.5
chord ctrl q
wait $app || true
app=
echo "phones_join_qr: ok ($decoded); screenshots in $out"
