#!/usr/bin/env bash
# Quick start 2: install what is needed, build, and run every test:
#  1. ctest: unit, model, headless UI, end-to-end under Xvfb, 50 crash kills,
#     1,000 undo/redo sequences, fuzz seeds and regressions;
#  2. every fuzz target for a bounded time (clang, libFuzzer);
#  3. the whole suite again under ASan + UBSan, except the layout audit over every view
#     and the end-to-end tests (both run once, in step 1).
# Steps 2 and 3 share one instrumented build tree, build-asan/ (scripts/configure-asan.sh).
# KARTLA_QUICK=1 runs step 1 only (for a quick check while developing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/setup-a11y.sh"
(cd "$root/build" && ctest -j"$(nproc)" --output-on-failure --timeout 600)
if [[ ${KARTLA_QUICK:-0} == 1 ]]; then exit 0; fi
"$root/scripts/fuzz.sh" "${KARTLA_FUZZ_SECONDS:-90}"
"$root/scripts/sanitize-tests.sh" "${KARTLA_SANITIZE_SECONDS:-1500}"
