#!/usr/bin/env bash
# Installs axe-core (the accessibility checker the a11y ctest injects into the
# exported pages) from npm into build/a11y; nothing when it is there already.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target="$root/build/a11y"
if [[ -f "$target/node_modules/axe-core/axe.min.js" ]]; then exit 0; fi
command -v npm >/dev/null || { echo "kartla: npm is missing; run scripts/install-deps.sh" >&2; exit 1; }
mkdir -p "$target"
npm install --prefix "$target" --no-audit --no-fund --loglevel=error axe-core@4
