#pragma once
// The promises an exported file keeps whatever text the workshop holds, checked
// cheaply enough to run on every fuzz input. Each returns an empty string when
// the file keeps them, else what is broken.
#include <string>
#include <string_view>
#include <vector>

namespace kartla::fuzz {

// Any export: the file is there and is not empty; binary formats start with
// their signature; text formats are valid UTF-8 when every input text was, and
// each format's own syntax holds (below).
std::string check_export(std::string_view extension, const std::string& content, char csv_separator,
                         bool input_valid_utf8);

// RFC 4180 as Excel reads it: quotes balance, a quoted cell ends before a
// separator or a line end, and in the plan's tables (the sections after the
// header block, split by empty lines) every row has as many cells as the first.
// A separator or a line break inside a text must never add a cell or a row.
std::string check_csv(std::string_view csv, char separator);

// RFC 5545: CRLF line ends, no line longer than 75 octets.
std::string check_ics(std::string_view ics);

// The personal data a masked export must not show: each stretch of the input
// texts that privacy::find_personal_data reports, unless the same characters
// also occur somewhere in the texts where it reports nothing (the detector looks
// at the surroundings, so there they are legitimately shown).
std::vector<std::string> personal_data_in(const std::vector<std::string>& texts);

// A text export written with redact_personal_data holds none of them.
std::string check_redacted(std::string_view content, const std::vector<std::string>& personal);

// HTML and SVG: text from the workshop never becomes markup. kartla writes no
// script, so "<script" can only come from an unescaped input.
std::string check_markup(std::string_view markup);

}  // namespace kartla::fuzz
