#!/usr/bin/env bash
# Every ELF program and library of the build tree and of an installed tree may
# find libraries only through "$ORIGIN"-relative RUNPATH/RPATH entries that stay
# inside its own tree: no empty entry (the current directory), no relative one,
# no absolute path (the build machine's folders).
#   runpath_check.sh TREE...
set -euo pipefail

# Prints "bad: ..." per bad entry and last "checked: N" for the ELF files under $1.
check_tree() {
  local root file entries entry rest resolved checked=0
  root=$(realpath "$1")
  while IFS= read -r -d '' file; do
    [[ $(head -c 4 "$file" | od -An -c | tr -d ' ') == 177ELF ]] || continue
    readelf -h "$file" 2>/dev/null | grep -Eq 'Type:[[:space:]]+(EXEC|DYN)' || continue
    checked=$((checked + 1))
    entries=$(readelf -d "$file" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]$/\2/p')
    [[ -n $entries ]] || continue
    while IFS= read -r entry; do  # "a:b:" splits into a, b and an empty last entry
      case $entry in
        '') echo "bad: $file: an empty entry (the current directory) in '$entries'" ;;
        '$ORIGIN' | '$ORIGIN/'* | '${ORIGIN}' | '${ORIGIN}/'*)
          rest=${entry#\$ORIGIN}; rest=${rest#\$\{ORIGIN\}}
          resolved=$(realpath -m "$(dirname "$file")/$rest")
          [[ $resolved == "$root" || $resolved == "$root"/* ]] ||
            echo "bad: $file: '$entry' leads out of its tree, to $resolved" ;;
        *) echo "bad: $file: '$entry' is not relative to \$ORIGIN" ;;
      esac
    done < <(printf '%s\n' "${entries//:/$'\n'}")
  done < <(find "$root" -type f \( -perm -u+x -o -name '*.so*' -o -name '*.kplug' \) -not -path '*/CMakeFiles/*' -print0)
  echo "checked: $checked"
}

# The check must see bad entries when there are some: a probe with the old fault.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'int main(void) { return 0; }' > "$probe/main.c"
cc "$probe/main.c" -o "$probe/bad" -Wl,--enable-new-dtags '-Wl,-rpath,$ORIGIN:/opt/build/stage/lib:lib:'
found=$(check_tree "$probe" | grep -c '^bad:' || true)
[[ $found -eq 3 ]] || { echo "FAIL: the check found $found of the 3 bad entries in a probe" >&2; exit 1; }

failed=0
for tree in "$@"; do
  report=$(check_tree "$tree")
  checked=$(sed -n 's/^checked: //p' <<<"$report")
  bad=$(grep '^bad:' <<<"$report" || true)
  [[ $checked -gt 0 ]] || { echo "FAIL: no ELF file under $tree" >&2; failed=1; }
  [[ -z $bad ]] || { echo "$bad" >&2; failed=1; }
  echo "$tree: $checked ELF files, $(grep -c . <<<"$bad" || true) bad RUNPATH entries"
done
exit $failed
