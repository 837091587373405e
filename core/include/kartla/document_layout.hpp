#pragma once
// How wide a table's columns are on paper: one rule for every paged format
// (the core's DOCX and ODT, the report plugin's PDF), so a word that fits its
// column in one fits in all, and a table that needs a landscape page gets one
// in all.
#include "kartla/api.hpp"
#include "kartla/document.hpp"

#include <string_view>
#include <vector>

namespace kartla::doc {

// The width in points the table needs to keep its longest words whole, side
// by side: each column's longest word (estimated on the safe side for DejaVu
// Sans at `font_size`, the header bold), a single word at most 40 % of
// `available`.
KARTLA_API double least_width(const Table& table, double available, double font_size);

// The columns in points, together as wide as `available`: each at least as
// wide as its longest word, the rest shared out in proportion to the
// contributor's relative widths. When the whole words do not fit side by side
// and `language` is given ("sv"), a column may be as narrow as the longest
// piece of a word broken where the language allows (kartla/hyphenation.hpp),
// for writers that break words there with a hyphen. When even that does not
// fit, each column gets its words' share.
KARTLA_API std::vector<double> column_widths(const Table& table, double available, double font_size,
                                             std::string_view language = {});

// A chart's values as a table (date, value), written beside every chart in
// every format, so no reader needs the picture.
KARTLA_API Table chart_table(const Chart& chart, const Document::Words& words);

}  // namespace kartla::doc
