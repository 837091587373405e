#!/usr/bin/env bash
# The exported action plan and workshop report, in Swedish and English, checked
# by axe-core under headless Chromium: 0 violations at WCAG 2.1 AA.
# Usage: exports_a11y.sh KARTLA AXE_MIN_JS OUT_DIR   (axe-core: scripts/setup-a11y.sh)
set -euo pipefail
kartla=$1 axe=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out"
"$kartla" sample "$out/sample.kartla" >/dev/null
pages=()
for lang in sv en; do
  "$kartla" export "$out/sample.kartla" --format html --lang "$lang" -o "$out/plan-$lang.html" >/dev/null
  "$kartla" export "$out/sample.kartla" --format report-html --lang "$lang" -o "$out/report-$lang.html" >/dev/null
  pages+=("$out/plan-$lang.html" "$out/report-$lang.html")
done
grep -q '<html lang="sv">' "$out/plan-sv.html" && grep -q '<html lang="en">' "$out/plan-en.html"
/usr/bin/python3 "$here/check_a11y.py" "$axe" "${pages[@]}"
