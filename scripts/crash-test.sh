#!/usr/bin/env bash
# Kills a workshop writer with SIGKILL N times at random moments and checks
# after each kill that the file opens, passes PRAGMA integrity_check and holds
# every edit the writer had acknowledged (tests/robustness/crash_harness.cpp).
#
#   scripts/crash-test.sh [N] [SEED]    N kills (default 1000); SEED repeats a run
#
# Uses the build in $BUILD_DIR (default build/), building the two programs if
# needed. Prints the counts; exits 1 on a corrupt file or a lost edit.
set -euo pipefail
runs=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
[[ -f $build/build.ninja ]] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
ninja -C "$build" -j2 crash_writer crash_harness >/dev/null
args=(--writer "$build/tests/robustness/crash_writer" --runs "$runs")
[[ $# -ge 2 ]] && args+=(--seed "$2")
exec "$build/tests/robustness/crash_harness" "${args[@]}"
