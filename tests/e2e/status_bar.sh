#!/usr/bin/env bash
# End to end: the status bar of the real window at 100 % and 200 % with a long
# plugin error (a copy of a plugin whose ELF header says aarch64) and a long
# file path. The message names the processor; the screenshots are kept to look
# at (build/tests/e2e-out/status_bar/): message and path side by side, cut with "…".
set -euo pipefail
kartla=$1
out=$2/status_bar
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

plugins=$out/plugins
mkdir -m 700 "$plugins"
foreign=$plugins/problem_map_for_another_processor.kplug
cp "$(dirname "$kartla")/../lib/kartla/plugins/problem_map.kplug" "$foreign"
printf '\xb7\x00' | dd of="$foreign" bs=1 seek=18 conv=notrunc status=none  # e_machine = EM_AARCH64
folder="$out/Kommunens gemensamma mapp för brottsförebyggande arbete/Kartläggningar 2026"
mkdir -p "$folder"
file="$folder/Trygghetsvandring i Älvstads centrum.kartla"
"$kartla" sample "$file" >/dev/null

start_x_server "$out/xvfb.log" Xvfb -screen 0 1280x800x24 -nolisten tcp
mkdir -p "$XDG_CONFIG_HOME/kartla"
for percent in 100 200; do
  echo "{\"text_scale\": $((percent / 100)).0}" > "$XDG_CONFIG_HOME/kartla/settings.json"
  KARTLA_PLUGIN_PATH=$plugins "$kartla" "$file" >"$out/kartla-$percent.log" 2>&1 &
  app=$!
  timeout 60 xdotool search --sync --onlyvisible --name Trygghet >/dev/null || fail "no window at $percent %"
  sleep 2
  import -window root "$out/window-$percent.png"
  kill $app; wait $app 2>/dev/null || true; app=
  grep -q 'problem_map_for_another_processor.kplug was not loaded: it was built for aarch64, this kartla is x86-64' \
    "$out/kartla-$percent.log" || fail "the message does not name the processor: $(cat "$out/kartla-$percent.log")"
done
echo "status_bar: ok; screenshots $out/window-100.png, $out/window-200.png"
