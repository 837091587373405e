#!/usr/bin/env bash
# The command line on the sample and on every kind of bad file: JSON for a good
# file; one line on stderr, a non-zero exit and an unchanged file for a bad one.
set -euo pipefail
kartla=$1
out=$2/cli_files
rm -rf "$out"; mkdir -p "$out"; cd "$out"

fail() { echo "FAIL: $*" >&2; exit 1; }

"$kartla" --version | grep -q '^kartla ' || fail "--version"
"$kartla" --help | grep -q 'kartla info FILE' || fail "--help"
"$kartla" sample sample.kartla >/dev/null
"$kartla" sample sample.kartla 2>/dev/null && fail "sample overwrote an existing file"

"$kartla" info sample.kartla > info.json
/usr/bin/python3 - info.json <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
assert info["title"].startswith("Kartläggning"), info["title"]
assert info["schema_version"] >= 1
assert isinstance(info["plugins"], list)
for p in info["plugins"]:
    assert set(p) >= {"id", "version", "schema_version", "status"}, p
    assert p["status"] == "loaded", p
assert isinstance(info["entities"], dict)
for kind, count in info["entities"].items():
    assert isinstance(count, int) and count > 0, (kind, count)
PY
[[ ! -e sample.kartla-wal ]] || fail "info left a -wal file beside the workshop"

printf 'Anteckningar från mötet\n' > text.kartla
: > empty.kartla
head -c 6000 sample.kartla > truncated.kartla
cp sample.kartla newer.kartla
sqlite3 newer.kartla 'PRAGMA journal_mode=DELETE; PRAGMA user_version=99;' >/dev/null
for f in text empty truncated newer; do
  before=$(sha256sum "$f.kartla")
  if "$kartla" info "$f.kartla" > stdout.txt 2> stderr.txt; then fail "info $f exited 0"; fi
  [[ $(wc -l < stderr.txt) -eq 1 ]] || fail "info $f: expected one line, got: $(cat stderr.txt)"
  [[ ! -s stdout.txt ]] || fail "info $f printed on stdout"
  [[ $(sha256sum "$f.kartla") == "$before" ]] || fail "info changed $f"
  echo "$f: $(cat stderr.txt)"
done
grep -q 'newer kartla' stderr.txt || fail "the newer-version message does not say so"

if DISPLAY= WAYLAND_DISPLAY= "$kartla" sample.kartla 2> nodisplay.txt; then fail "GUI without display exited 0"; fi
[[ $(wc -l < nodisplay.txt) -eq 1 ]] || fail "no-display message is not one line"
echo "cli_files: ok"
