#!/usr/bin/env bash
# Writes the seed corpora of the exporters and rendered_exports fuzz targets
# (tests/fuzz/byte_source.hpp reads them): text fields separated by 0xFF, then the structure bytes that the
# builder reads from the back (counts, links, enumeration choices). Each seed's
# texts repeat until every field of a full workshop has one, so the structure
# bytes are never read as text. Run from the repository root:
#   tests/fuzz/make_exporter_seeds.sh
set -euo pipefail
out=tests/fuzz/corpus/exporters
mkdir -p "$out"
fields=360      # more than a workshop at the builder's largest counts reads
tail_bytes=480  # more than it reads numbers

# seed NAME STRUCTURE TEXT... : STRUCTURE is a pattern of bytes (printf escapes)
# repeated into the tail; each TEXT is a field, with printf %b escapes.
seed() {
  local name=$1 structure=$2
  shift 2
  local texts=("$@")
  {
    for ((i = 0; i < fields; ++i)); do
      printf '%b' "${texts[i % ${#texts[@]}]}"
      printf '\xff'
    done
    for ((i = 0; i < tail_bytes / 8; ++i)); do printf '%b' "$structure"; done
  } > "$out/$name"
}

# Everything at once, Swedish text as the room types it.
seed swedish.bin '\x05\x03\x02\x04\x01\x03\x05\x02' \
  'Kartläggning Östra Höjden 2026' 'Älvstads kommun' '2026-03-12' 'Stadshuset, sal Åsen' \
  'Brottsförebyggande samordnare' 'Socialförvaltningen' 'Öppen narkotikaförsäljning vid torget' \
  'Trygghetsvärdar fredag–lördag, café och läxhjälp' 'Unga 14–20 år' 'Ökad upplevd trygghet' \
  'Élevhälsa och fältsekreterare' '450 000 kr'
# Emoji, right-to-left text, combining marks and zero-width joiners.
seed emoji_rtl.bin '\x04\x01\x05\x03\x02\x02\x04\x01' \
  'Trygghet 🚓👮‍♀️🏳️‍🌈' 'شرطة الحي' 'משטרה מקומית' 'A\u0308lvstad (combining)' \
  'مقهى ‏Café‎ mixed' '👨‍👩‍👧‍👦 föräldrastöd' '2026-10-08' '🇸🇪' 'ZW\u200bSP\u200dJ'
# NUL and control characters, line breaks of every kind, separators and quotes.
seed controls.bin '\x03\x05\x01\x02\x04\x03\x01\x05' \
  'NUL\x00inside' 'tab\tand\r\nCRLF' 'line\nbreak' 'bell\x07esc\x1b[31m' '";,"' 'a;b,c' \
  '"quoted" ""twice""' '=HYPERLINK("x")' '+46 sum' '-1' '@SUM(A1)' '\x7fDEL' '\r' ''
# Invalid UTF-8: stray continuation bytes, overlong forms, surrogates, cut sequences.
seed invalid_utf8.bin '\x02\x04\x03\x05\x01\x04\x02\x03' \
  'stray \x80 byte' 'overlong \xc0\xaf' 'surrogate \xed\xa0\x80' 'cut \xc3' 'cut3 \xe2\x82' \
  '\xfe\xfe' 'Latin-1 \xe5\xe4\xf6 \xc5\xc4\xd6' 'ok åäö' '\xf4\x90\x80\x80 beyond U+10FFFF'
# Very long text: a word longer than any line or cell, and long text with
# spaces, between short fields so the file stays small.
long_word=$(printf 'Ä%.0s' {1..300})
long_text=$(printf 'Trygghetsvandring i centrum med fastighetsägare. %.0s' {1..15})
short=(kort a b c d e f g h i j k l m n o p q r s t u v w x y z)
seed long_text.bin '\x05\x05\x04\x05\x03\x05\x04\x05' "$long_word" "${short[@]}" "$long_text"
# Markup and Markdown that must stay text in HTML, SVG and Markdown.
seed markup.bin '\x04\x02\x05\x01\x03\x04\x05\x02' \
  '<script>alert(1)</script>' '<SCRIPT src=x>' ']]><!--' '&amp; &lt; &#0;' '| pipe | table |' \
  '# heading' '`code` *em* _u_ [link](javascript:x)' "it's \"quoted\"" '<svg onload=x>'
# References to nothing, enumerations as free text, dates that are not dates.
seed dangling.bin '\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8' \
  '2026-02-30' '31/12/2026' '' '9999-99-99' 'igår' '0000-00-00' '2026-13-01T25:61' 'unknown_kind'
# Personal data the redacted exports must mask (obviously synthetic, valid checksums).
seed personal_data.bin '\x05\x01\x03\x02\x05\x04\x01\x03' \
  'pnr 121212-1212' 'Ring 070-123 45 67' 'bra.samordnare@alvstad.se' '19121212+1212' \
  'Samordnare, Socialförvaltningen'
# No bytes at all: an empty workshop.
: > "$out/empty.bin"

# The rendered exports take a hundred times longer per input: the seeds whose
# text reaches cairo and Pango in a way the others do not repeat.
rendered=tests/fuzz/corpus/rendered_exports
mkdir -p "$rendered"
for name in swedish emoji_rtl controls invalid_utf8 long_text personal_data empty; do
  cp "$out/$name.bin" "$rendered/$name.bin"
done
