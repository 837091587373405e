#!/usr/bin/env bash
# Libraries planted in the folder kartla is started from never run: a
# libglfw.so.3, a libkartla_core.so.0 and a problem_map.kplug, each leaving a
# marker when the loader maps it. Checked for the build tree's kartla and for an
# installed one, with --version, sample, info, export and the window.
#   planted_libraries.sh BUILD_KARTLA INSTALLED_KARTLA PLANTED_DIR OUT
set -euo pipefail
build_kartla=$1 installed_kartla=$2 planted=$3 out=$4
source "$(dirname "$0")/../e2e/lib/session.sh"
fresh_session "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

cwd=$out/cwd
export KARTLA_PLANTED_MARKERS=$out/markers
mkdir -p "$cwd"/lib/kartla/plugins "$cwd"/plugins "$KARTLA_PLANTED_MARKERS"
for dir in "$cwd" "$cwd/lib" "$cwd/plugins" "$cwd/lib/kartla/plugins"; do
  cp -L "$planted"/libglfw.so.3 "$planted"/libkartla_core.so.0 "$planted"/problem_map.kplug "$dir"/
done
cd "$cwd"
markers() { ls "$KARTLA_PLANTED_MARKERS"; }
no_markers() {
  [[ -z $(markers) ]] || fail "$1: planted code ran: $(markers | tr '\n' ' ')"
  echo "$1: nothing planted ran"
}

# The planted files do run when the loader is pointed at them, so a silent
# result below means they were not loaded, not that they cannot leave a mark.
LD_LIBRARY_PATH=$cwd "$build_kartla" --version >/dev/null 2>&1 || true
[[ -e $KARTLA_PLANTED_MARKERS/glfw.ran ]] || fail "control: the planted libglfw.so.3 left no marker"
rm -f "$KARTLA_PLANTED_MARKERS"/*
LD_PRELOAD=$cwd/libkartla_core.so.0 /bin/true
[[ -e $KARTLA_PLANTED_MARKERS/kartla_core.ran ]] || fail "control: the planted libkartla_core.so.0 left no marker"
rm -f "$KARTLA_PLANTED_MARKERS"/*
"$build_kartla" sample "$out/sample.kartla" >/dev/null
KARTLA_PLUGIN_PATH=$cwd "$build_kartla" info "$out/sample.kartla" >/dev/null 2>&1 || true
[[ -e $KARTLA_PLANTED_MARKERS/problem_map.ran ]] || fail "control: the planted problem_map.kplug left no marker"
rm -f "$KARTLA_PLANTED_MARKERS"/*

start_x_server "$out/xvfb.log" Xvfb -screen 0 1280x800x24 -nolisten tcp
for which in build installed; do
  kartla=${which}_kartla; kartla=${!kartla}
  [[ -x $kartla ]] || fail "$which: no program at $kartla"
  rm -f "$KARTLA_PLANTED_MARKERS"/*
  for search in unset . "" "$cwd/.."; do
    if [[ $search == unset ]]; then unset KARTLA_PLUGIN_PATH; else export KARTLA_PLUGIN_PATH=$search; fi
    "$kartla" --version >/dev/null
    rm -f "$which.kartla"
    "$kartla" sample "$which.kartla" >/dev/null
    "$kartla" info "$which.kartla" >"$out/$which-info.json"
    "$kartla" export "$which.kartla" --format md -o "$out/$which-plan.md" >/dev/null
  done
  unset KARTLA_PLUGIN_PATH
  # The real plugins were there and loaded: the silence is not an empty program.
  /usr/bin/python3 - "$out/$which-info.json" <<'PY'
import json, sys
plugins = {p["id"]: p["status"] for p in json.load(open(sys.argv[1]))["plugins"]}
assert plugins.get("problem_map") == "loaded", plugins
PY
  no_markers "$which: command line"

  "$kartla" "$which.kartla" >"$out/$which-gui.log" 2>&1 &
  app=$!
  timeout 60 xdotool search --sync --onlyvisible --name "$which.kartla" >/dev/null ||
    fail "$which: the window did not open; see $out/$which-gui.log"
  sleep 1
  import -window root "$out/$which-window.png"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
  no_markers "$which: window"
done
echo "planted_libraries: ok"
