#!/usr/bin/env bash
# End to end: `kartla serve` on 127.0.0.1 and the real phone page in headless
# Chromium (python3-selenium): join, add a card during a silent round (face
# down in the file), lose the network and get it back (the card waits on the
# phone, then arrives), vote with dots, take one back, then SIGTERM: every card
# and dot is in the file. Screenshots of the page (Swedish and English) are kept
# in build/tests/e2e-out/phones_page/.
set -euo pipefail
kartla=$1
out=$2/phones_page
source "$(dirname "$0")/lib/session.sh"
fresh_session "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }

file=$out/rum.kartla
"$kartla" sample "$file" >/dev/null
sqlite3 "$file" "UPDATE problem_map_setting SET value = '1' WHERE key = 'silent_round'"

"$kartla" serve "$file" --bind 127.0.0.1 --port 0 >"$out/serve.out" 2>"$out/serve.err" &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^join: ' "$out/serve.out" && break; sleep 0.1; done
url=$(sed -n 's/^join: //p' "$out/serve.out")
[[ $url == http://127.0.0.1:*/* ]] || fail "no join address: $(cat "$out/serve.out" "$out/serve.err")"

axe=${KARTLA_AXE_JS:-}
/usr/bin/python3 "$(dirname "$0")/lib/phone_page.py" "$url" "$file" "$out" "$axe" || fail "the phone page (see above)"

kill -TERM $app
wait $app || fail "kartla serve did not stop cleanly on SIGTERM"
app=
[[ $(sqlite3 "$file" "SELECT count(*) FROM problem_map_card WHERE title = 'Klotter vid Östra torget'") == 1 ]] ||
  fail "the first card is not in the file after SIGTERM"
[[ $(sqlite3 "$file" "SELECT count(*) FROM problem_map_card WHERE title = 'Nedskräpning i Älvparken'") == 1 ]] ||
  fail "the card written offline is not in the file"
[[ $(sqlite3 "$file" "PRAGMA integrity_check") == ok ]] || fail "integrity_check"
echo "phones_page: ok; screenshots in $out"
