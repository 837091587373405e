#!/usr/bin/env bash
# Builds the libFuzzer targets in build-asan/ (clang, ASan + UBSan, the tree
# scripts/sanitize-tests.sh uses; configured by scripts/configure-asan.sh) and
# runs each of them for its share of the time budget.
#
#   scripts/fuzz.sh [SECONDS]     total fuzzing time, split evenly over the
#                                 targets, which run one per core at a time (default
#                                 300: 150 s on two cores; the build is extra)
#
# New interesting inputs go to build-asan/fuzz-corpus/<target>/ (not the repo).
# A crash is saved in build-asan/fuzz-crashes/<target>/ and makes the script exit
# 1. To keep it fixed, copy the crashing file to tests/fuzz/regressions/<target>/:
# every ordinary test run feeds it to the same code (fuzz_corpus_test.cpp).
set -euo pipefail
budget=${1:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-asan
targets=(open_workshop sample_source text_encoders exporters rendered_exports phone_request merge_copies)
per_target=$(( budget / ${#targets[@]} ))
(( per_target >= 1 )) || per_target=1

"$root/scripts/configure-asan.sh"
ninja -C "$build" -j2 kartla_fuzzers

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/robustness/lsan.supp:print_suppressions=0}
# One target per core at a time: each libFuzzer process uses one core, and CI has two.
jobs=$(nproc)
fuzz_one() {
  local target=$1 corpus=$build/fuzz-corpus/$1 crashes=$build/fuzz-crashes/$1
  mkdir -p "$corpus" "$crashes"
  # The first folder receives new inputs; the seeds and regressions are read only.
  local inputs=("$corpus" "$root/tests/fuzz/corpus/$target")
  [[ -d $root/tests/fuzz/regressions/$target ]] && inputs+=("$root/tests/fuzz/regressions/$target")
  "$build/fuzz/fuzz_$target" -max_total_time="$per_target" -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "${inputs[@]}" 2> "$build/fuzz-$target.log"
}
report() {
  local target=$1 status=$2
  echo "== fuzz_$target for ${per_target}s"
  if (( status != 0 )); then
    failed+=("$target")
    echo "   FAILED: see $build/fuzz-$target.log and $build/fuzz-crashes/$target/"
    grep -E "ERROR|fuzz property broken|SUMMARY" "$build/fuzz-$target.log" | head -5 || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added|^#[0-9]+ *DONE" "$build/fuzz-$target.log" \
    | sed 's/^/   /' || true
}
failed=()
for (( i = 0; i < ${#targets[@]}; i += jobs )); do
  batch=("${targets[@]:i:jobs}")
  pids=()
  for target in "${batch[@]}"; do fuzz_one "$target" & pids+=($!); done
  for k in "${!batch[@]}"; do
    status=0
    wait "${pids[k]}" || status=$?
    report "${batch[k]}" "$status"
  done
done
if (( ${#failed[@]} )); then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
echo "fuzzing: no crash in ${#targets[@]} targets (${per_target}s each)"
