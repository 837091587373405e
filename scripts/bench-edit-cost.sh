#!/usr/bin/env bash
# Edit -> durable through Workshop::edit in this tree against another (for the
# history's cost, issue 27: another worktree of main), in the same run: the
# same program (bench/edit_cost.cpp, SDK only) is built against each tree's
# core and run by turns, so both meet the same disk and the same load.
#
# Usage: scripts/bench-edit-cost.sh OTHER_TREE [ROUNDS] [EDITS]
#   (both trees built with scripts/build.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
other=$(cd "$1" && pwd)
rounds=${2:-8}
edits=${3:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tree in "$other" "$here"; do
  name=$([[ $tree == "$here" ]] && echo this || echo other)
  c++ -std=c++20 -O2 -I"$tree/core/include" "$here/bench/edit_cost.cpp" -o "$work/$name" \
    -L"$tree/build/stage/lib" -lkartla_core -Wl,-rpath,"$tree/build/stage/lib"
done
for ((r = 1; r <= rounds; r++)); do
  echo "$("$work/other" "$work/o.kartla" "$edits") $("$work/this" "$work/t.kartla" "$edits")"
done >"$work/runs"
python3 - "$work/runs" "$other" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
other = statistics.median(r[0] for r in rows)
this = statistics.median(r[1] for r in rows)
print(f"edit -> durable, median of {len(rows)} rounds' medians: {sys.argv[2]} {other:.3f} ms, this tree {this:.3f} ms, "
      f"ratio {this / other:.2f} (median of the rounds' ratios {statistics.median(r[1] / r[0] for r in rows):.2f})")
PY
