#!/usr/bin/env bash
# Quick start 1: install what is needed, build, and open the sample workshop.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
sample="${KARTLA_SAMPLE:-$HOME/kartla-sample.kartla}"
[[ -e $sample ]] || "$root/build/stage/bin/kartla" sample "$sample"
exec "$root/build/stage/bin/kartla" "$sample"
