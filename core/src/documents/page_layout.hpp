#pragma once
// The page and the tables of the paged document formats (DOCX, ODT): A4, its
// margins, which part needs a landscape page, and each table's column widths
// from its content, so a table fits its page and a word fits its column. One
// rule for both formats, so they break lines alike.
#include "kartla/document.hpp"
#include "kartla/document_layout.hpp"
#include "kartla/hyphenation.hpp"

#include <string>
#include <vector>

namespace kartla::doc::files {

struct Page {
    double width, height;  // points
    static constexpr double kMargin = 56.7;  // 20 mm
    double text_width() const { return width - 2 * kMargin; }
};
inline constexpr Page kPortrait{595.3, 841.9}, kLandscape{841.9, 595.3};

inline constexpr double kBodySize = 10.5, kTableSize = 9, kCellPadding = 2.8;  // points

// A table's columns in points at the tables' size (kartla::doc::column_widths),
// words broken where `language` allows when whole ones do not fit.
std::vector<double> column_widths(const Table& table, double available, const std::string& language);

// A table cell's text as the word processors get it: a soft hyphen (U+00AD)
// where the language allows a break, and a non-breaking hyphen (U+2011) inside
// a date or a number ("2026‑04‑01"), so neither breaks anywhere else. Clean
// already (clean_text): write it as it is.
std::string cell_text(const std::string& text, const kartla::text::Hyphenator& hyphenator);

// True when a table's longest words do not fit side by side on a portrait page.
bool needs_landscape(const Table& table);
// The part's page: landscape when one of its tables needs it.
const Page& page_for(const Section& section);

// A PNG's size in pixels from its header; {0, 0} when the bytes are no PNG.
struct PixelSize {
    unsigned width = 0, height = 0;
};
PixelSize png_size(const std::string& png);

// "Page {} of {}" split around its two places: {"Page ", " of ", ""}.
std::vector<std::string> page_of_parts(const std::string& page_of);

}  // namespace kartla::doc::files
