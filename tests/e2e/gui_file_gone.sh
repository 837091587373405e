#!/usr/bin/env bash
# End to end: the file under kartla. The real program under Xvfb, xdotool, sqlite3.
#  (c) The open file is moved away, or deleted: the window says so (banner and
#      title), nothing typed afterwards goes into the old file, and Save a copy
#      (Ctrl+Shift+S) writes a file holding every edit, typed text included,
#      where kartla then goes on saving.
#  (d) A file in a folder kartla may not write (run as an unprivileged user): it
#      says read-only, the file does not change by a byte, and a copy saved
#      elsewhere holds what is typed from then on.
set -euo pipefail
kartla=$1
out=$2/gui_file_gone
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp -noreset  # -noreset: the keymap stays when a window closes
setxkbmap se
xset r off
unset LC_ALL LC_MESSAGES
export LANG=C.UTF-8  # the English words in the window title below

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
export KARTLA_LAYOUT_FILE=$out/layout.txt  # where the window drew its fields (lib/layout.sh)
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"
source "$(dirname "$0")/lib/file_window.sh"
title_of() { sqlite3 "$1" "SELECT value FROM core_meta WHERE key = 'title'"; }

for case in moved deleted; do
  mkdir -p "$out/$case"
  file=$out/$case/underlag.kartla
  start "$kartla" "$file"
  click workshop.meta.title
  chord ctrl a
  xdotool type --delay 20 "före"
  sleep 0.6
  [[ $(title_of "$file") == "före" ]] || fail "($case) the title was not saved before the file went"
  if [[ $case == moved ]]; then mv "$file" "$out/$case/flyttad.kartla"; else rm "$file"; fi
  wait_for_title "(not saved)"
  xdotool type --delay 20 " och efter"  # still in the field: refused, kept in the field
  sleep 0.6
  import -window root "$out/$case-banner.png"
  grep -q "was moved or deleted" "$out/kartla-$case.log" || fail "($case) no message about the file"
  copy=$out/$case/kopia.kartla
  save_copy "$copy"
  sleep 1.5  # the refused save is tried again, into the copy
  wait_for_title "kopia.kartla"
  [[ $(window_name) != *"(not saved)"* ]] || fail "($case) still 'not saved' after the copy"
  quit
  [[ $(title_of "$copy") == "före och efter" ]] || fail "($case) the copy holds '$(title_of "$copy")'"
  [[ $(sqlite3 "$copy" 'PRAGMA integrity_check') == ok ]] || fail "($case) the copy's integrity"
  # No other file holds what was typed after the file went: not the moved file,
  # not what SQLite left under the old name (it refuses to write to a moved file too).
  for other in "$out/$case"/*; do
    [[ $other == "$copy"* ]] && continue
    grep -qa "och efter" "$other" && fail "($case) '$other' holds text typed after the file went"
  done
  echo "gui_file_gone ($case): banner, nothing written into the old file, the copy holds every edit"
done

# (d) A read-only folder, seen by a user who is not root (root may write anywhere).
case=readonly
start_readonly "$kartla"
wait_for_title "(read-only)"
sleep 0.5  # the banner is drawn, and the title's probe has moved below it
click workshop.meta.title
xdotool key End
xdotool type --delay 20 " nytt"
sleep 0.6
import -window root "$out/readonly.png"
[[ $(sha256sum <"$folder/delad.kartla") == "$before" ]] || fail "(readonly) the file changed"
ls "$folder" | grep -qv '^delad.kartla$' && fail "(readonly) something was written beside the file: $(ls "$folder")"
copy=$out/userhome/egen.kartla
save_copy "$copy"
wait_for_title "egen.kartla"
[[ $(window_name) != *"(read-only)"* ]] || fail "(readonly) still read-only after the copy"
sleep 0.5  # the banner is gone, the title's probe back where it was
click workshop.meta.title
xdotool key End
xdotool type --delay 20 " i kopian"
sleep 0.6
quit
[[ $(title_of "$copy") == *" nytt i kopian" ]] || fail "(readonly) the copy holds '$(title_of "$copy")'"
[[ $(sha256sum <"$folder/delad.kartla") == "$before" ]] || fail "(readonly) the file changed"
echo "gui_file_gone (readonly): said read-only, the file unchanged, the copy takes the edits"
