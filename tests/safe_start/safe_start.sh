#!/usr/bin/env bash
# Safe start, through the real program (issue 13):
# - a plugin that crashes kartla while it starts (SIGSEGV in create) kills the
#   first start; the next start names it, leaves it out and works; it stays out
#   until --retry-plugin ID (or its file name), which tries it (and so crashes)
#   again; it is named by its id, not by its file's name (issue 22); a name no
#   held-back plugin has is answered, not ignored;
# - --safe-mode loads no plugin and says so; --disable-plugin ID leaves out one;
# - the window after a crashed start opens, asks, and is kept as a screenshot.
#   safe_start.sh KARTLA CRASHING_PLUGIN OUT
set -euo pipefail
kartla=$1 crashing=$2 out=$3
source "$(dirname "$0")/../e2e/lib/session.sh"
fresh_session "$out"
ulimit -c 0  # the crashes below are meant; no core files
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$out"

plugins=$out/plugins
mkdir -m 700 "$plugins"
# Under a file name other than its id, as a copy someone renamed would be.
cp "$crashing" "$plugins/kraschar.kplug"
export KARTLA_PLUGIN_PATH=$plugins
id=fixture_crashes_in_create
guard=$XDG_CONFIG_HOME/kartla/safe-start

status_of() {  # status_of INFO_JSON ID
  /usr/bin/python3 -c 'import json,sys; print({p["id"]: p["status"] for p in json.load(open(sys.argv[1]))["plugins"]}.get(sys.argv[2], "absent"))' "$@"
}

# --disable-plugin: the crashing plugin is never opened, the others work.
"$kartla" --disable-plugin $id sample s.kartla >/dev/null 2>disable.err || fail "sample with --disable-plugin: $(cat disable.err)"
"$kartla" info s.kartla --disable-plugin $id >disabled.json 2>disable.err || fail "info with --disable-plugin"
[[ $(status_of disabled.json $id) == skipped ]] || fail "--disable-plugin: $id is $(status_of disabled.json $id)"
[[ $(status_of disabled.json problem_map) == loaded ]] || fail "--disable-plugin also left out problem_map"
"$kartla" --disable-plugin 2>/dev/null && fail "--disable-plugin without an id was accepted"

# --safe-mode: no plugin at all, and it says so on stderr and in the JSON.
"$kartla" --safe-mode info s.kartla >safe.json 2>safe.err || fail "info --safe-mode"
grep -q 'safe mode: no plugins were loaded' safe.err || fail "--safe-mode did not say so: $(cat safe.err)"
/usr/bin/python3 -c 'import json,sys; i=json.load(open(sys.argv[1])); assert i["plugins"] == [] and i["safe_mode"] is True, i' safe.json

# The first start dies in the plugin's create and leaves its marker.
set +e
"$kartla" info s.kartla >/dev/null 2>first.err
code=$?
set -e
# 139 is SIGSEGV; under AddressSanitizer its handler reports the crash and exits with 1.
[[ $code -ne 0 ]] || fail "the first start should have died in the plugin, it exited 0"
grep -qx "$id" "$guard"/starting-* || fail "no marker names $id after the crash"

# The next start names it, leaves it out, and does its work.
"$kartla" info s.kartla >second.json 2>second.err || fail "the start after the crash failed: $(cat second.err)"
grep -q "the plugin $id .* was left out: kartla stopped while starting it last time" second.err ||
  fail "the start after the crash did not name $id: $(cat second.err)"
grep -q -- "--retry-plugin $id" second.err || fail "no way back is named: $(cat second.err)"
[[ $(status_of second.json $id) == skipped ]] || fail "after the crash $id is $(status_of second.json $id)"
[[ $(status_of second.json problem_map) == loaded ]] || fail "after the crash problem_map did not load"
ls "$guard"/starting-* 2>/dev/null && fail "the marker was left behind by a start that worked"
# And the one after, too: it stays out until it is tried again.
"$kartla" export s.kartla --format md -o plan.md >/dev/null 2>third.err || fail "export after the crash: $(cat third.err)"
grep -q "was left out" third.err || fail "the third start did not name $id"

# --retry-plugin tries it again: it crashes again, and is named again after.
set +e
"$kartla" --retry-plugin $id info s.kartla >/dev/null 2>retry.err
code=$?
set -e
[[ $code -ne 0 ]] || fail "--retry-plugin did not load it again (it exited 0)"
"$kartla" info s.kartla >/dev/null 2>again.err || fail "the start after the retry failed"
grep -q "the plugin $id" again.err || fail "the start after the retry did not name $id"
# By its file's name it is tried again as well.
set +e
"$kartla" --retry-plugin kraschar.kplug info s.kartla >/dev/null 2>retry-file.err
code=$?
set -e
[[ $code -ne 0 ]] || fail "--retry-plugin kraschar.kplug did not load it again (it exited 0)"
# A name that no held-back plugin has is answered on stderr; the plugin stays out and the work is done.
"$kartla" --retry-plugin no_such_plugin info s.kartla >unknown.json 2>unknown.err ||
  fail "--retry-plugin with an unknown name failed: $(cat unknown.err)"
grep -q -- "--retry-plugin no_such_plugin: no plugin held back after a crash has that id or file name (held back: $id (kraschar.kplug))" unknown.err ||
  fail "an unknown --retry-plugin name was not answered: $(cat unknown.err)"
[[ $(status_of unknown.json $id) == skipped ]] || fail "after an unknown --retry-plugin name $id is $(status_of unknown.json $id)"
echo "command line: ok"

# The window: in safe mode it says so in its title; after a crash it opens and asks.
start_x_server "$out/xvfb.log" Xvfb -screen 0 1280x800x24 -nolisten tcp
"$kartla" --safe-mode s.kartla >safe-window.log 2>&1 &
app=$!
timeout 60 xdotool search --sync --onlyvisible --name 'safe mode' >/dev/null || fail "no window titled 'safe mode'"
sleep 1
import -window root "$out/safe-mode-window.png"
kill $app; wait $app 2>/dev/null || true; app=

set +e
"$kartla" --retry-plugin $id s.kartla >crash-window.log 2>&1
code=$?
set -e
[[ $code -ne 0 ]] || fail "the window with the crashing plugin tried again did not die"
"$kartla" s.kartla >asked-window.log 2>&1 &
app=$!
timeout 60 xdotool search --sync --onlyvisible --name 's.kartla' >/dev/null || fail "the window after the crash did not open"
sleep 2
kill -0 $app || fail "the window after the crash died"
import -window root "$out/after-crash-window.png"
grep -q "$id" asked-window.log || fail "the window's log does not name $id: $(cat asked-window.log)"
kill $app; wait $app 2>/dev/null || true; app=
echo "safe_start: ok; screenshots in $out"
