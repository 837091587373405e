#!/usr/bin/env bash
# End to end (issue 22, item 4): a workshop with a part made with "radar", a
# plugin this kartla has never seen, written with the sqlite3 program (its
# tables, an index and its row in core_plugin_schema). The real window opens
# it, says so across the top (English at 100 %, Swedish at 200 %), the workshop
# title is edited and kartla quits with Ctrl+Q: the part's tables dump to the
# same text as before. Screenshots in build/tests/e2e-out/gui_missing_plugin/.
set -euo pipefail
kartla=$1
out=$2/gui_missing_plugin
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

file=$out/radar.kartla
"$kartla" sample "$file" >/dev/null
sqlite3 "$file" <<'SQL'
CREATE TABLE radar_point(id INTEGER PRIMARY KEY, label TEXT NOT NULL DEFAULT '', weight REAL CHECK (weight >= 0));
CREATE INDEX radar_point_by_label ON radar_point(label);
INSERT INTO radar_point(label, weight) VALUES ('Otrygghet vid Åsens torg', 2.5), ('Belysning – gångvägen', 0);
INSERT INTO core_plugin_schema(plugin_id, version) VALUES ('radar', 1);
SQL
dump() { sqlite3 -readonly "$file" '.dump radar_point'; }
before=$(dump)

"$kartla" info "$file" >"$out/info.json" || fail "kartla info refused the file"
/usr/bin/python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["missing_plugins"]; assert m == ["radar"], m' "$out/info.json"

start_x_server "$out/xvfb.log" Xvfb -screen 0 1600x900x24 -nolisten tcp
mkdir -p "$XDG_CONFIG_HOME/kartla"
export KARTLA_LAYOUT_FILE=$out/layout.txt
layout=$KARTLA_LAYOUT_FILE
source "$(dirname "$0")/lib/layout.sh"
for run in "100 en" "200 sv"; do
  read -r percent language <<<"$run"
  rm -f "$layout"
  echo "{\"text_scale\": $((percent / 100)).0, \"language\": \"$language\"}" >"$XDG_CONFIG_HOME/kartla/settings.json"
  "$kartla" "$file" >"$out/kartla-$percent.log" 2>&1 &
  app=$!
  wid=$(xdotool search --sync --onlyvisible --name 'radar.kartla' | head -1)
  xdotool windowactivate --sync "$wid" 2>/dev/null || xdotool windowfocus --sync "$wid"
  wait_for has_probe core.missing_plugins.radar || fail "no notice of radar at $percent %"
  sleep 1
  import -window root "$out/window-$percent.png"
  if [[ $percent == 100 ]]; then  # another part is edited meanwhile: the workshop's title
    click workshop.meta.title
    chord ctrl a
    xdotool type --delay 120 "Radar kept"
    xdotool key Return
    sleep 1
  fi
  chord ctrl q
  for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
  kill -0 $app 2>/dev/null && fail "kartla did not quit on Ctrl+Q at $percent %"
  app=
done

[[ $(sqlite3 "$file" "SELECT value FROM core_meta WHERE key = 'title'") == "Radar kept" ]] ||
  fail "the title edit did not reach the file"
[[ $(dump) == "$before" ]] || fail "the radar part changed: $(diff <(echo "$before") <(dump))"
[[ $(sqlite3 "$file" 'PRAGMA integrity_check') == ok ]] || fail "integrity"
echo "gui_missing_plugin: ok; screenshots $out/window-100.png, $out/window-200.png"
