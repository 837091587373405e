# Sourced by the end-to-end tests: a clean session for the real program.
#
#   fresh_session OUT          an empty OUT folder with a home of its own (no
#                              user's settings leak in) and Mesa's software OpenGL
#   start_x_server LOG SERVER [ARGS...]
#                              an X server on a display number it picks itself
#                              (-displayfd), so tests running side by side or a
#                              display left over never collide; exports DISPLAY.
#                              Never resets between programs (-noreset).
#                              On exit the server and the program in $app stop.

fresh_session() {
  rm -rf "$1"
  mkdir -p "$1/home"
  export HOME=$1/home XDG_CONFIG_HOME=$1/home/.config XDG_DATA_HOME=$1/home/.local/share
  export LIBGL_ALWAYS_SOFTWARE=1
}

stop_session() {
  [[ -n ${app:-} ]] && kill "$app" 2>/dev/null
  # Waited for, so a test started next finds the display free again.
  [[ -n ${x_server_pid:-} ]] && kill "$x_server_pid" 2>/dev/null && wait "$x_server_pid" 2>/dev/null
  return 0
}

start_x_server() {
  local log=$1; shift
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  # -noreset: when the last program quits (or crashes) an X server resets, and a program
  # started next that connects during the reset is refused ("Can't open display").
  "$@" -noreset -displayfd 3 3>"$fifo" >"$log" 2>&1 &
  x_server_pid=$!
  trap stop_session EXIT
  local number=
  read -r -t 30 number <"$fifo" || true
  rm -f "$fifo"
  if [[ -z $number ]]; then
    echo "FAIL: the X server did not start; see $log" >&2
    return 1
  fi
  export DISPLAY=:$number
  # Another server starting at the same moment can take the number between the
  # report and the first client; wait until this display answers.
  local i
  for ((i = 0; i < 50; i++)); do
    # Answered by this server, not one that happens to hold the number: it must still run.
    kill -0 "$x_server_pid" 2>/dev/null || break
    xset q >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "FAIL: the X server on $DISPLAY does not answer; see $log" >&2
  return 1
}

# A 1920x1080 screen with the Swedish keyboard layout and no key repeat, as the
# room's window runs on: the fresh session's X server (KARTLA_E2E_DISPLAY, e.g.
# :171, pins the display where many servers start at once). Log: $1.
start_swedish_screen() {
  start_x_server "$1" Xvfb ${KARTLA_E2E_DISPLAY:-} -screen 0 1920x1080x24 -nolisten tcp -noreset
  setxkbmap -display "$DISPLAY" se
  xset r off
}
