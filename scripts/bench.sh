#!/usr/bin/env bash
# Cost at municipal scale, measured side by side in one run (issue 15):
#  1. builds Release in build-bench/ (tests off, its own tree);
#  2. writes the sample and grows it to 100, 5,000, 20,000 and 50,000 problem
#     cards with 2,000 measures each (bench/workshop_generator.cpp);
#  3. runs kartla_bench: every export, the report, info, a summary of five files,
#     open to first frame, board frames, edit -> durable, undo, redo, and as
#     baselines a bare SQLite commit and a whole-file JSON save;
#  4. runs kartla_phones_bench: 60 and 200 phones against the room server on
#     loopback with the sample, 60 beside 50 trickling devices, and 60 on the
#     largest generated board;
#  5. runs kartla_typing_bench: keystroke -> durable in the real window under
#     Xvfb, idle and under stress-ng --cpu 2 (KARTLA_TYPING_RUNS titles each, 30).
# Prints one table; writes the figures to build-bench/bench.json (or $1).
# KARTLA_BENCH_SIZES="100 5000" picks the sizes, KARTLA_BENCH_REPEAT (3) the runs
# per command-line figure (the median is shown).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree="$root/build-bench"
json=${1:-$tree/bench.json}
sizes=${KARTLA_BENCH_SIZES:-"100 5000 20000 50000"}
repeat=${KARTLA_BENCH_REPEAT:-3}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$tree" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKARTLA_TESTS=OFF "${launcher[@]}" >/dev/null
nice ninja -C "$tree" -j"$(nproc)" kartla kartla_bench kartla_generate kartla_phones_bench kartla_typing_bench >/dev/null
bin="$tree/stage/bin"
work=$(mktemp -d "${TMPDIR:-/tmp}/kartla-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
started=$(date +%s)
"$bin/kartla" sample "$work/sample.kartla" >/dev/null
files=()
for n in $sizes; do
  "$bin/kartla_generate" "$work/sample.kartla" "$work/workshop-$n.kartla" "$n" 2000
  files+=("$work/workshop-$n.kartla:$n")
done
echo "generated ${sizes// /, } cards with 2,000 measures in $(( $(date +%s) - started )) s; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin/kartla_bench" "$bin/kartla" "$tree/stage/lib/kartla/plugins" "$work" "$json" "$repeat" "${files[@]}"
# Phones in the room (docs/phones.md): simulated phones over loopback for 20 s each run.
for run in "60 0" "60 50" "200 0"; do
  cp "$work/sample.kartla" "$work/phones.kartla"
  "$bin/kartla_phones_bench" "$tree/stage/lib/kartla/plugins" "$work/phones.kartla" ${run% *} 20 ${run#* }
done
largest=${files[${#files[@]}-1]%%:*}
cp "$largest" "$work/phones.kartla"
"$bin/kartla_phones_bench" "$tree/stage/lib/kartla/plugins" "$work/phones.kartla" 60 20
# Typed text under CPU load (issue 22): the real window, Xvfb, xdotool, stress-ng.
"$bin/kartla_typing_bench" "$bin/kartla" "${KARTLA_TYPING_RUNS:-30}"
echo "total $(( $(date +%s) - started )) s"
