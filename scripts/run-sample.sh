#!/usr/bin/env bash
# Quick start 1: install what is needed, build, and open the sample workshop.
# It runs what a user installs: `cmake --install` into build/installed/ (only
# changed files are copied), so the program, its RUNPATH and its plugin folder
# are those of an installed kartla, not of the build tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
prefix=$root/build/installed
cmake --install "$root/build" --prefix "$prefix" >/dev/null
sample="${KARTLA_SAMPLE:-$HOME/kartla-sample.kartla}"
[[ -e $sample ]] || "$prefix/bin/kartla" sample "$sample"
exec "$prefix/bin/kartla" "$sample"
