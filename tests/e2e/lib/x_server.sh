# Sourced by the end-to-end tests. Starts an X server on a display number it
# picks itself (-displayfd), so tests running side by side, or a display left
# over from another run, never collide; exports DISPLAY and x_server_pid.
#
#   start_x_server LOG SERVER [ARGS...]
start_x_server() {
  local log=$1; shift
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  "$@" -displayfd 3 3>"$fifo" >"$log" 2>&1 &
  x_server_pid=$!
  local number=
  read -r -t 30 number <"$fifo" || true
  rm -f "$fifo"
  if [[ -z $number ]]; then
    echo "FAIL: the X server did not start; see $log" >&2
    return 1
  fi
  export DISPLAY=:$number
}
