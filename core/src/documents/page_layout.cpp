#include "page_layout.hpp"

#include "kartla/chart_geometry.hpp"
#include "kartla/hyphenation.hpp"

#include "xml_writer.hpp"

#include <algorithm>
#include <numeric>

namespace kartla::doc::files {

namespace {

// DejaVu Sans, the widest of the fonts the documents name, averages about 0.6
// em a letter, bold a little more: an estimate on the safe side, so a word
// measured to fit does fit in Word, LibreOffice and the PDF alike.
constexpr double kLetterEm = 0.62;
// One very long word (a pasted address) must not take the whole page.
constexpr double kMaxWordShare = 0.4;

std::size_t letters(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Where every word processor breaks a line: at a space, and after a hyphen
// before a letter ("Kultur- och"), not inside a date ("2026-04-01"). Not after
// a slash: LibreOffice keeps "(grön/gul/röd)" whole.
bool breaks_after(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') return true;
    const bool digit_next = i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9';
    return c == '-' && !digit_next;
}

// The longest run a line cannot break inside, in letters; with a hyphenator,
// a word may also break where the language allows, with its hyphen shown.
std::size_t longest_word(std::string_view text, const kartla::text::Hyphenator* hyphenator) {
    std::size_t longest = 0, start = 0;
    const auto piece = [&](std::string_view word, std::size_t extra) {
        if (!hyphenator) return letters(word) + extra;
        std::size_t most = 0;
        const std::string marked = hyphenator->soft_hyphens(word);
        std::size_t from = 0;
        for (std::size_t at; (at = marked.find("\xC2\xAD", from)) != std::string::npos; from = at + 2)
            most = std::max(most, letters(std::string_view(marked).substr(from, at - from)) + 1);  // + the hyphen
        return std::max(most, letters(std::string_view(marked).substr(from)) + extra);
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !breaks_after(text, i)) continue;
        const bool mark = i < text.size() && text[i] == '-';
        longest = std::max(longest, piece(text.substr(start, i - start), mark));
        start = i + 1;
    }
    return longest;
}

std::vector<double> minimum_widths(const Table& table, double available, double font_size,
                                   const kartla::text::Hyphenator* hyphenator = nullptr) {
    std::vector<double> least(table.headers.size(), 0);
    const auto widen = [&](std::size_t column, const std::string& text, double size) {
        const double width = double(longest_word(text, hyphenator)) * kLetterEm * size + 2 * kCellPadding + 2;
        least[column] = std::max(least[column], std::min(width, kMaxWordShare * available));
    };
    for (std::size_t c = 0; c < least.size(); ++c) {
        widen(c, table.headers[c], font_size * 1.08);  // the header is bold
        for (const auto& row : table.rows)
            if (c < row.size()) widen(c, row[c], font_size);
    }
    return least;
}

double sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

}  // namespace

std::vector<double> column_widths(const Table& table, double available, const std::string& language) {
    return kartla::doc::column_widths(table, available, kTableSize, language);
}

std::string cell_text(const std::string& text, const kartla::text::Hyphenator& hyphenator) {
    std::string out = hyphenator.soft_hyphens(clean_text(text, true));
    const auto digit = [&](std::size_t at) { return at < out.size() && out[at] >= '0' && out[at] <= '9'; };
    constexpr std::string_view kEnDash = "\xE2\x80\x93", kWordJoiner = "\xE2\x81\xA0";
    for (std::size_t at = 1; at + 1 < out.size(); ++at) {
        // A date keeps its hyphens: a non-breaking one between digits.
        if (out[at] == '-' && digit(at - 1) && digit(at + 1)) out.replace(at, 1, "\xE2\x80\x91");
        // A range ("(1–3)") stays one word: Word and LibreOffice break after an en dash,
        // and the column widths count it as one (minimum_widths), so a word joiner holds it.
        if (std::string_view(out).substr(at, 3) == kEnDash && digit(at - 1) && digit(at + 3))
            out.insert(at + 3, kWordJoiner);
    }
    return out;
}

bool needs_landscape(const Table& table) {
    return least_width(table, kPortrait.text_width(), kTableSize) > kPortrait.text_width();
}

}  // namespace kartla::doc::files

namespace kartla::doc {

double least_width(const Table& table, double available, double font_size) {
    return files::sum(files::minimum_widths(table, available, font_size));
}

std::vector<double> column_widths(const Table& table, double available, double font_size, std::string_view language) {
    using files::sum;
    const std::size_t n = table.headers.size();
    if (n == 0) return {};
    std::vector<double> share = table.widths;
    share.resize(n, 1.0);
    for (double& s : share) s = std::max(s, 0.01);
    const double shares = sum(share);
    // Whole words first; when they do not fit side by side, the words break
    // where the language allows (the writer shows the hyphen there), and each
    // column gets the rest of what its whole words would need in proportion.
    const std::vector<double> whole = files::minimum_widths(table, available, font_size);
    std::vector<double> least = whole, wanted(n);
    if (sum(whole) > available && !language.empty()) {
        const kartla::text::Hyphenator hyphenator(language);
        least = files::minimum_widths(table, available, font_size, &hyphenator);
    }
    std::vector<double> widths(n);
    if (sum(least) >= available) {  // even the broken words do not fit: each column its part of them
        const double scale = available / sum(least);
        for (std::size_t c = 0; c < n; ++c) widths[c] = least[c] * scale;
        return widths;
    }
    // Each column its share, but never less than its longest word; what the
    // narrow ones give up comes from the others in proportion to their surplus.
    for (std::size_t c = 0; c < n; ++c) wanted[c] = std::max(whole[c], share[c] / shares * available);
    double surplus = 0;
    for (std::size_t c = 0; c < n; ++c) surplus += wanted[c] - least[c];
    const double room = available - sum(least);
    for (std::size_t c = 0; c < n; ++c)
        widths[c] = least[c] + (surplus > 0 ? (wanted[c] - least[c]) / surplus * room : room / double(n));
    return widths;
}

Table chart_table(const Chart& chart, const Document::Words& words) {
    Table table{{words.date, words.value}, {1, 1}, {}};
    for (const auto& point : chart.points) table.rows.push_back({point.date, short_number(point.value)});
    return table;
}

}  // namespace kartla::doc

namespace kartla::doc::files {

const Page& page_for(const Section& section) {
    for (const auto& block : section.blocks)
        if (const auto* table = std::get_if<Table>(&block); table && needs_landscape(*table)) return kLandscape;
    return kPortrait;
}

PixelSize png_size(const std::string& png) {
    static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (png.size() < 24 || !std::equal(kSignature, kSignature + 8, png.begin(),
                                       [](unsigned char a, char b) { return a == static_cast<unsigned char>(b); }))
        return {};
    const auto be32 = [&](std::size_t at) {
        unsigned v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};  // IHDR's width and height follow the signature and the chunk's header
}

std::vector<std::string> page_of_parts(const std::string& page_of) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t at; parts.size() < 2 && (at = page_of.find("{}", start)) != std::string::npos; start = at + 2)
        parts.push_back(page_of.substr(start, at - start));
    parts.push_back(page_of.substr(start));
    while (parts.size() < 3) parts.insert(parts.begin() + 1, " / ");  // a translation without both places
    return parts;
}

}  // namespace kartla::doc::files
