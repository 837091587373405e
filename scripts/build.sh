#!/usr/bin/env bash
# Configures and builds kartla in build/ (optimised, with line tables).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# ccache, where a developer has it, only speeds up rebuilds (CI has none).
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
# -g1: line tables and function names, enough for a crash's backtrace; object files a
# seventh of -g's size, so the build (in CI: twice, with the ASan tree) links faster.
cmake -S "$root" -B "$root/build" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
ninja -C "$root/build" -j"$(nproc)"
