// Text encoding for every export format kartla writes.
//
// Meeting notes are typed by many people and pasted from mail, Word and web
// pages, so every function here treats its input as hostile: any bytes at all,
// including invalid UTF-8 and NUL. All functions
//   * run in time linear in the input and never read outside it,
//   * return valid UTF-8 (ill-formed input is repaired as by valid_utf8 first),
//   * keep Swedish letters, emoji and all other printable text unchanged.
//
// Shared rules, so the formats agree with each other:
//   * Ill-formed UTF-8 becomes U+FFFD, one per "maximal ill-formed subpart"
//     (Unicode ch. 3) - the same count Python, browsers and ICU produce.
//   * "Control characters" means C0 (U+0000-U+001F), DEL (U+007F) and
//     C1 (U+0080-U+009F). Formats that keep line breaks normalise CRLF and a
//     lone CR to LF (see the individual functions for the exceptions).
//   * Invisible format characters (is_invisible_format_char) are dropped by
//     every encoder below, like control characters: a reader cannot see them,
//     yet they reorder what is shown or split a word or a number.
#pragma once

#include "kartla/api.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::text {

// ---------------------------------------------------------------- UTF-8 hygiene

// Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), bidi
// marks (U+200E, U+200F, U+061C), zero-width space and joiners (U+200B-U+200D),
// word joiner and invisible operators (U+2060-U+2064), zero-width no-break
// space / BOM (U+FEFF) and the soft hyphen (U+00AD). An override makes
// "Rapport\u202Egpj.exe" read as "Rapportexe.jpg"; a zero-width space inside
// "850709\u200B-9805" hides a personnummer from a search, not from a reader.
// Dropping them costs at most a hyphenation hint or an emoji ligature.
KARTLA_API bool is_invisible_format_char(char32_t c);

// Repairs `in`: each maximal ill-formed subpart (stray continuation bytes,
// truncated sequences, overlongs, UTF-16 surrogates, code points above
// U+10FFFF) becomes U+FFFD; NUL bytes are dropped because C APIs, SQLite's
// text functions and every export format mis-handle them.
KARTLA_API std::string valid_utf8(std::string_view in);

// True when `in` is well-formed UTF-8. NUL is well-formed, so a string with a
// NUL is valid here even though valid_utf8 would drop it.
KARTLA_API bool is_valid_utf8(std::string_view in);

// Drops control characters, which XML 1.0 (XLSX, SVG) and spreadsheets cannot
// hold or show, and invisible format characters. With keep_newlines_and_tabs,
// TAB and line breaks survive and CRLF / lone CR become LF (the in-cell line
// break of Excel and LibreOffice); without it they are dropped as well.
// With keep_newlines_and_tabs, this is also the text a layout engine (Pango)
// is given.
KARTLA_API std::string without_control_chars(std::string_view in, bool keep_newlines_and_tabs);

// The longest repaired (valid_utf8) prefix of `in` that fits in max_bytes.
// Cuts only between code points; a combining mark may still be separated from
// its base letter (decomposed "å"), which is harmless for display.
KARTLA_API std::string truncate_utf8(std::string_view in, std::size_t max_bytes);

// ---------------------------------------------------------------- CSV
// For Excel / LibreOffice with Swedish settings (separator ';'), but any
// RFC 4180 reader reads the output back.

// One field. Quoted (with inner quotes doubled) when it contains the separator,
// ',' or ';' (so a reader guessing the other separator still splits right), a
// quote, TAB or a line break, or starts or ends with a space.
// Formula injection: when the (cleaned) value starts with = + - @ TAB CR or LF,
// the field is quoted and an apostrophe is put right after the opening quote,
// so spreadsheets show text instead of evaluating it. This also turns "-2"
// into the text '-2 - the price of never evaluating user input.
// Control characters other than TAB and line breaks are dropped; line breaks
// become LF. Throws std::invalid_argument when `separator` is '"', CR, LF, NUL
// or a non-ASCII byte, since no reader could then split the line.
KARTLA_API std::string csv_cell(std::string_view value, char separator);

// csv_cell of each value joined by `separator`, ending in "\r\n". A row of one
// empty cell is written as "" so readers do not take it for a blank line.
KARTLA_API std::string csv_row(const std::vector<std::string>& cells, char separator);

// Excel guesses a legacy code page for CSV without it: write it first.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// ---------------------------------------------------------------- HTML

// Text content or a quoted attribute value: & < > " ' become &amp; &lt; &gt;
// &quot; &#39; (not &apos;, which HTML 4 lacks). Control characters other than
// TAB and line breaks are dropped (they are HTML parse errors); CR becomes LF.
KARTLA_API std::string html_escape(std::string_view in);

// ---------------------------------------------------------------- Markdown

// Safe inside a paragraph or a GFM table cell; rendered, it shows the input
// text literally. Rule:
//   * every one of  \ ` * _ { } [ ] < > # + - ! | ~ & $  gets a backslash
//     (CommonMark renders a backslash-escaped ASCII punctuation character
//     literally; ~ is GFM strikethrough, & starts entities, $ starts math on
//     GitHub);
//   * line breaks (LF, CRLF, CR) become "<br>", so the result is one line and
//     can neither end a table row nor start a new block;
//   * TAB becomes a space; other control characters are dropped;
//   * surrounding whitespace is trimmed (leading spaces would make a code
//     block, trailing ones a hard break);
//   * a block marker the rule above misses is escaped when it starts the
//     text: the '.' or ')' of an ordered-list marker ("1." -> "1\."), and a
//     leading '=' (setext heading underline).
// Renderers that forbid raw HTML show "<br>" literally; the text stays safe.
KARTLA_API std::string markdown_inline(std::string_view in);

// ---------------------------------------------------------------- iCalendar

// A TEXT property value (RFC 5545 3.3.11): backslash, ';' and ',' get a
// backslash, LF becomes the two characters "\n", CR is dropped (so CRLF is one
// "\n"), TAB is kept (RFC 5545 allows it), other control characters dropped.
KARTLA_API std::string ics_text(std::string_view in);

// A whole content line ("DESCRIPTION:" + ics_text(...)) folded (RFC 5545 3.1):
// every physical line is at most 75 octets excluding its CRLF, continuation
// lines start with one space, no code point is split. Returns the folded line
// ending in CRLF. A correct content line holds no control characters other
// than TAB; any others (notably raw CR/LF, which would let text inject new
// properties) are dropped.
KARTLA_API std::string ics_fold(std::string_view content_line);

// ---------------------------------------------------------------- XML

// Text content or a quoted attribute value in XML 1.0 (XLSX, SVG):
// & < > " ' become &amp; &lt; &gt; &quot; &apos;; TAB, LF and CR become
// &#9; &#10; &#13; so they survive attribute-value normalisation; characters
// XML 1.0 cannot hold (other C0 controls, U+FFFE, U+FFFF) and invisible
// format characters are dropped.
// DEL and C1 are legal XML and kept: compose with without_control_chars
// (e.g. xml_escape(without_control_chars(s, true))) to drop them for XLSX.
KARTLA_API std::string xml_escape(std::string_view in);

}  // namespace kartla::text
