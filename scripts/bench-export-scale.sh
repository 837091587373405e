#!/usr/bin/env bash
# The exports that must not grow with the board (issue 26, item 8): report-html and the
# actor-network images at 50,000 problem cards against 100, side by side in one run.
#  1. writes the sample and grows it to 100 and 50,000 cards with 2,000 measures each
#     (bench/workshop_generator.cpp);
#  2. runs `kartla export FILE --format F` for each format on both files, alternating
#     the two so load on the machine falls on both alike, KARTLA_BENCH_REPEAT (5) times;
#  3. prints the median wall and CPU time of each and the ratios 50,000 : 100 (goal: within 2x).
# Usage: scripts/bench-export-scale.sh [BIN_DIR] (default build/stage/bin, as scripts/build.sh
# leaves it; build-bench/stage/bin after scripts/bench.sh). Not a test: it asserts nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/stage/bin}
repeat=${KARTLA_BENCH_REPEAT:-5}
large=${KARTLA_BENCH_LARGE:-50000}
formats=(report-html actor-network-png actor-network-svg)
work=$(mktemp -d "${TMPDIR:-/tmp}/kartla-export-scale-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin/kartla" sample "$work/sample.kartla" >/dev/null
"$bin/kartla_generate" "$work/sample.kartla" "$work/small.kartla" 100 2000
"$bin/kartla_generate" "$work/sample.kartla" "$work/large.kartla" "$large" 2000
# One untimed run each: the files in the page cache, as a second export finds them.
for f in small large; do "$bin/kartla" export "$work/$f.kartla" --format "${formats[0]}" -o "$work/warm" >/dev/null; done

# Wall time and CPU time (user + system: what a loaded shared machine distorts least) of one
# export, in ms, as "wall cpu".
run() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$bin/kartla" export "$1" --format "$2" -o "$work/out" >/dev/null
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", (a > 0 ? b / a : 0) }'; }

echo "export at 100 and $large cards (2,000 measures), median of $repeat runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %9s %11s %6s   %9s %11s %6s\n' format "100 wall" "$large wall" ratio "100 CPU" "$large CPU" ratio
for format in "${formats[@]}"; do
  small_wall=() small_cpu=() large_wall=() large_cpu=()
  for ((i = 0; i < repeat; i++)); do
    read -r w c < <(run "$work/small.kartla" "$format"); small_wall+=("$w"); small_cpu+=("$c")
    read -r w c < <(run "$work/large.kartla" "$format"); large_wall+=("$w"); large_cpu+=("$c")
  done
  sw=$(median "${small_wall[@]}") lw=$(median "${large_wall[@]}") sc=$(median "${small_cpu[@]}") lc=$(median "${large_cpu[@]}")
  printf '%-18s %6d ms %8d ms %6s   %6d ms %8d ms %6s\n' "$format" "$sw" "$lw" "$(ratio "$sw" "$lw")" "$sc" "$lc" "$(ratio "$sc" "$lc")"
done
