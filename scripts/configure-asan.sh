#!/usr/bin/env bash
# Configures build-asan/, the one instrumented build tree: clang with
# AddressSanitizer + UndefinedBehaviorSanitizer (-DKARTLA_SANITIZE=ON) and
# libFuzzer's coverage hooks (-DKARTLA_FUZZ=ON) in everything, the core and the
# plugins included. scripts/sanitize-tests.sh runs the test suite there and
# scripts/fuzz.sh the fuzz targets; both call this, so the tree is configured one
# way only and neither reconfigures (and rebuilds) it for the other.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# No benchmark programs: an instrumented build measures nothing worth printing.
# Debug (asserts on) at -O1 -g1: line numbers and some speed, without -O2 -g compile times.
# ccache, where a developer has it, only speeds up rebuilds (CI has none).
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$root/build-asan" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DKARTLA_SANITIZE=ON -DKARTLA_FUZZ=ON \
  -DKARTLA_BENCHMARKS=OFF >/dev/null
