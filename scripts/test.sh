#!/usr/bin/env bash
# Quick start 2: install what is needed, build, and run every test:
#  1. ctest: unit, model, headless UI, end-to-end under Xvfb, 50 crash kills,
#     1,000 undo/redo sequences, fuzz seeds and regressions;
#  2. every fuzz target for a bounded time (clang, libFuzzer);
#  3. the whole suite again under ASan + UBSan, except the layout audit over every view
#     and the end-to-end tests (both run once, in step 1).
# Steps 2 and 3 share one instrumented build tree, build-asan/ (scripts/configure-asan.sh);
# it is built, and step 2 runs, beside step 1 at the lowest priority.
# KARTLA_QUICK=1 runs step 1 only (for a quick check while developing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/setup-a11y.sh"
if [[ ${KARTLA_QUICK:-0} == 1 ]]; then
  cd "$root/build" && exec ctest -j"$(nproc)" --output-on-failure --timeout 600
fi
# The instrumented tree builds, and the fuzz targets run, while step 1 runs, at the lowest
# priority: the tests leave a core idle much of the time (the end-to-end windows mostly
# wait), and CI has 30 minutes on two cores. A test still gets the CPU first; the build
# and the fuzzers only take what is left.
"$root/scripts/configure-asan.sh"
(
  nice -n 19 ninja -C "$root/build-asan" -j"$(nproc)" > "$root/build-asan/beside-tests.log" 2>&1 \
    || { tail -n 30 "$root/build-asan/beside-tests.log"; echo "the ASan build failed"; exit 1; }
  nice -n 19 "$root/scripts/fuzz.sh" "${KARTLA_FUZZ_SECONDS:-90}" > "$root/build-asan/fuzz-beside-tests.log" 2>&1 \
    || { cat "$root/build-asan/fuzz-beside-tests.log"; exit 1; }
) &
beside=$!
tests_status=0
(cd "$root/build" && ctest -j"$(nproc)" --output-on-failure --timeout 600) || tests_status=$?
if (( tests_status != 0 )); then
  # Its children first (the ASan build or the fuzz script), or they would go on after this exits.
  pkill -TERM -P "$beside" 2>/dev/null || true
  kill "$beside" 2>/dev/null || true
  exit "$tests_status"
fi
wait "$beside" || exit 1
cat "$root/build-asan/fuzz-beside-tests.log"
"$root/scripts/sanitize-tests.sh" "${KARTLA_SANITIZE_SECONDS:-1500}"
