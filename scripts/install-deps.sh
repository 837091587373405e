#!/usr/bin/env bash
# Installs kartla's Debian 12 packages (run as root). Skips apt entirely when
# everything is there already, so repeated runs cost nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t packages < <(grep -v '^\s*#' "$here/packages.txt" | grep -v '^\s*$')
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches axe-core for the accessibility test (scripts/setup-a11y.sh); Debian's
# package only when no npm is there (one from Node.js's own packages conflicts with it).
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]} == 0)); then
  echo "kartla: all ${#packages[@]} packages are installed"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "kartla: missing packages (${missing[*]}); run this as root or with sudo" >&2
  exit 1
fi
echo "kartla: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
