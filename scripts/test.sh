#!/usr/bin/env bash
# Quick start 2: install what is needed, build, and run every test (ctest:
# unit, headless UI, end-to-end under Xvfb, crash and robustness checks).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest -j"$(nproc)" --output-on-failure --timeout 600
