# Sourced by the end-to-end tests about the workshop file under the window
# (gui_file_gone.sh, gui_pending_text.sh), after lib/layout.sh. Needs $out, a
# fail function, and $case (names the log and the messages).
#
#   start PROGRAM [ARGS...]   runs it, waits for its window ($wid), focuses it
#   wait_for_title TEXT       polls until the window title contains TEXT
#   save_copy PATH            Ctrl+Shift+S, the path, Enter; waits for the file
#   type_copy_name PATH       the same once the dialog is open (a button opened it)
#   quit / wait_for_exit      Ctrl+Q and waits until kartla is gone

window_name() { xdotool getwindowname "$wid"; }
running() { kill -0 "$app" 2>/dev/null; }

wait_for_title() {
  for _ in $(seq 80); do  # the file is looked at every few seconds
    [[ $(window_name) == *"$1"* ]] && return 0
    sleep 0.1
  done
  fail "($case) the window title never said '$1' (it is '$(window_name)')"
}

start() {
  rm -f "$layout"  # the probes of the window before are no guide to this one
  "$@" >"$out/kartla-$case.log" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name 'kartla$' | head -1)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
  sleep 0.5
}

wait_for_exit() {
  for _ in $(seq 100); do running || break; sleep 0.1; done
  running && fail "($case) kartla did not quit"
  app=
}
quit() {
  chord ctrl q
  wait_for_exit
}

type_copy_name() {
  sleep 0.8
  xdotool type --delay 20 "$1"
  xdotool key Return
  for _ in $(seq 50); do [[ -f $1 ]] && break; sleep 0.1; done
  [[ -f $1 ]] || fail "($case) Save a copy wrote no $1"
  sleep 1  # kartla goes on in the copy and writes what was pending into it
}
save_copy() {
  xdotool keydown ctrl keydown shift; sleep 0.15; xdotool key s; sleep 0.15; xdotool keyup shift keyup ctrl
  type_copy_name "$1"
}

# start_readonly KARTLA: the sample in $out/readonly ($folder), which the
# unprivileged user nobody may read but not write (root may write anywhere),
# opened by KARTLA as that user with a home of its own ($out/userhome, where the
# layout file goes too). $before: the file's sha256.
start_readonly() {
  folder=$out/readonly
  mkdir -p "$folder" "$out/userhome"
  "$1" sample "$folder/delad.kartla" >/dev/null
  chmod 755 "$folder"
  chmod 644 "$folder/delad.kartla"
  chown -R nobody "$out/userhome"
  before=$(sha256sum <"$folder/delad.kartla")
  export KARTLA_LAYOUT_FILE=$out/userhome/layout.txt
  layout=$KARTLA_LAYOUT_FILE
  start setpriv --reuid=nobody --regid=nogroup --clear-groups \
    env HOME="$out/userhome" XDG_CONFIG_HOME="$out/userhome/.config" XDG_DATA_HOME="$out/userhome/.local" \
    "$1" "$folder/delad.kartla"
}
