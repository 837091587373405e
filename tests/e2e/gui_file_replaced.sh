#!/usr/bin/env bash
# End to end: a WAL belongs to one file. The real program under Xvfb, xdotool,
# sqlite3. SQLite applies any "<file>-wal" it finds by name, so a WAL kartla
# leaves beside a name would be mixed into whatever file has that name next.
#  (a) replaced while open (a sync client renames a new file over it), then Ctrl+Q:
#      the replacement stays byte for byte what the sync client put there, and
#      nothing of the old session (-wal, -shm, -wal-owner) is left beside it.
#  (b) replaced while open, then kill -9 before kartla looked: the old session's
#      -wal stays beside the replacement; the next kartla sets it aside (renamed,
#      byte for byte), says so, and opens the replacement as it is.
#  (c) replaced, kill -9 after the banner: kartla had let go already, nothing is left.
#  (d) deleted, then Ctrl+Q: nothing is left under the name.
#  (e) moved, then Ctrl+Q: the moved file alone holds every edit made before the
#      move (kartla finished its WAL into it), nothing is left under the old name.
set -euo pipefail
kartla=$1
out=$2/gui_file_replaced
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp -noreset
setxkbmap se
xset r off
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8  # English words in the window title and the messages

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"
title_of() { sqlite3 "$1" "SELECT value FROM core_meta WHERE key = 'title'"; }
window_name() { xdotool getwindowname "$wid"; }
wait_for_title() {
  for _ in $(seq 60); do
    [[ $(window_name) == *"$1"* ]] && return 0
    sleep 0.1
  done
  fail "($case) the window title never said '$1' (it is '$(window_name)')"
}
start() {
  rm -f "$layout"
  "$kartla" "$1" >>"$out/kartla-$case.log" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name 'kartla$' | head -1)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
  sleep 0.5
}
quit() {
  chord ctrl q
  for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app" 2>/dev/null && fail "($case) kartla did not quit"
  app=
}
kill_now() {
  kill -9 "$app"
  wait "$app" 2>/dev/null || true
  app=
}
type_title() {
  click workshop.meta.title
  chord ctrl a
  xdotool type --delay 20 "$1"
  sleep 0.6
}
# Nothing named "<file>-..." beside $1 but what $2 (a glob) allows.
nothing_beside() {
  local left
  left=$(cd "$(dirname "$1")" && ls -1 | grep -F "$(basename "$1")-" | grep -v -- "${2:-^$}" || true)
  [[ -z $left ]] || fail "($case) left beside $(basename "$1"): $left"
}
# The replacement as a sync client brings it: the same workshop made elsewhere,
# with its own title, renamed over the open file.
replacement_for() {
  "$kartla" sample "$out/$case/elsewhere.kartla" >/dev/null
  sqlite3 "$out/$case/elsewhere.kartla" "UPDATE core_meta SET value = 'från synken' WHERE key = 'title'"
  sha256sum <"$out/$case/elsewhere.kartla" >"$out/$case/replacement.sha"
}
same_as_replacement() {
  [[ $(sha256sum <"$1") == "$(cat "$out/$case/replacement.sha")" ]] ||
    fail "($case) $(basename "$1") is not byte for byte what the sync client put there"
}

# begin_case NAME: the sample in a folder of its own, a replacement made ready beside
# it, the window open on it, and a title typed by the old session.
begin_case() {
  case=$1
  mkdir -p "$out/$case"
  file=$out/$case/underlag.kartla
  "$kartla" sample "$file" >/dev/null
  replacement_for
  start "$file"
  type_title "gammal session"
}

# (a) replaced while open, then quit
begin_case replaced_quit
[[ -f $file-wal ]] || fail "($case) no WAL while kartla writes"
mv "$out/$case/elsewhere.kartla" "$file"
wait_for_title "(not saved)"
sleep 0.5
import -window root "$out/$case.png"
grep -q "was replaced by another file" "$out/kartla-$case.log" || fail "($case) nothing said about the file"
grep -q "The new file was left as it is" "$out/kartla-$case.log" || fail "($case) nothing said about the WAL"
nothing_beside "$file"  # let go of at once, before the quit
quit
same_as_replacement "$file"
nothing_beside "$file"
[[ $(title_of "$file") == "från synken" ]] || fail "($case) the replacement reads '$(title_of "$file")'"
echo "gui_file_replaced ($case): the replacement unchanged, nothing of the old session beside it"

# (b) replaced while open, kill -9 before kartla looked
begin_case replaced_kill
kill -STOP "$app"  # so that it cannot look at the file between the rename and the kill
mv "$out/$case/elsewhere.kartla" "$file"
kill_now
[[ -s $file-wal ]] || fail "($case) no WAL of the killed session (the case this tests)"
cp "$file-wal" "$out/$case/stale-wal"
grep -qa "gammal session" "$out/$case/stale-wal" || fail "($case) the stale WAL lacks the old session's title"
same_as_replacement "$file"
start "$file"
wait_for_title "från synken"
sleep 0.5
import -window root "$out/$case-reopened.png"
grep -q "not written for this file was set aside, not applied" "$out/kartla-$case.log" || fail "($case) nothing said about the WAL"
aside=$(ls -1 "$file"-wal-set-aside-* 2>/dev/null | head -1)
[[ -n $aside ]] || fail "($case) no WAL set aside"
cmp -s "$aside" "$out/$case/stale-wal" || fail "($case) the set-aside WAL is not the old one byte for byte"
quit
same_as_replacement "$file"
nothing_beside "$file" "-wal-set-aside-"
[[ $(title_of "$file") == "från synken" ]] || fail "($case) the replacement reads '$(title_of "$file")'"
echo "gui_file_replaced ($case): the old WAL set aside as $(basename "$aside"), the replacement unchanged"

# (c) replaced while open, kill -9 after the banner
begin_case replaced_seen_kill
mv "$out/$case/elsewhere.kartla" "$file"
wait_for_title "(not saved)"
kill_now
nothing_beside "$file"
same_as_replacement "$file"
echo "gui_file_replaced ($case): let go of when seen, nothing left for a kill to leave"

# (d) deleted, then quit
case=deleted
mkdir -p "$out/$case"
file=$out/$case/underlag.kartla
"$kartla" sample "$file" >/dev/null
start "$file"
type_title "före"
rm "$file"
wait_for_title "(not saved)"
quit
[[ -e $file ]] && fail "($case) a file came back under the name"
nothing_beside "$file"
echo "gui_file_replaced ($case): nothing left under the name"

# (e) moved, then quit
case=moved
mkdir -p "$out/$case"
file=$out/$case/underlag.kartla
moved=$out/$case/flyttad.kartla
"$kartla" sample "$file" >/dev/null
start "$file"
type_title "före flytten"
mv "$file" "$moved"
wait_for_title "(not saved)"
grep -q "is in the moved file" "$out/kartla-$case.log" || fail "($case) nothing said about the WAL"
quit
nothing_beside "$file"
nothing_beside "$moved"  # the moved file alone, no WAL beside it: what it holds is in the file itself
[[ $(title_of "$moved") == "före flytten" ]] || fail "($case) the moved file holds '$(title_of "$moved")'"
echo "gui_file_replaced ($case): the moved file holds every edit, nothing under the old name"
