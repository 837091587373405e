#!/usr/bin/env bash
# The layout audit's pictures of every view at 200 % and 300 % (the sample
# workshop, in Swedish, on 1920×1080) into docs/screenshots/layout/, as small
# palette PNGs, with the audit's summary beside them.
# Usage: bash scripts/layout-screenshots.sh [path/to/kartla]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kartla=${1:-$root/build/stage/bin/kartla}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$kartla" sample "$tmp/sample.kartla" >/dev/null
# Exit status 1 means defects were found: the pictures are wanted all the same.
"$kartla" audit-layout "$tmp/sample.kartla" --out "$tmp/audit" --languages sv --percents 200,300 \
    --sizes 1920x1080 --no-long-texts --pictures 200,300 | tail -n 1 || true
dest=$root/docs/screenshots/layout
rm -rf "$dest"
mkdir -p "$dest"
for picture in "$tmp"/audit/sample/*/*.png; do
    configuration=$(basename "$(dirname "$picture")")  # sv-1920x1080-200
    convert "$picture" -colors 48 "PNG8:$dest/$(basename "$picture" .png)-${configuration##*-}.png"
done
cp "$tmp/audit/summary.txt" "$dest/summary.txt"
echo "$(ls "$dest"/*.png | wc -l) pictures, $(du -sh "$dest" | cut -f1) in $dest"
