// XLSX through libxlsxwriter, for filtering on screen and for printing: one
// sheet per table (tables.hpp) with a frozen, filtering header row, numbers
// and dates typed as such, rows as tall as their wrapped text, and a page
// setup that prints landscape, one page wide (the measures' main columns: the
// print area), the header row on every page and a footer naming the workshop
// and "page N of M". Every user text goes through
// write_string, so it is stored as a string and never read as a formula.
#include "tables.hpp"
#include "writers.hpp"

#include "../dates.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace kartla::action_plan::exporting {

namespace {

// Excel's limit per cell (libxlsxwriter counts bytes).
constexpr std::size_t kMaxCellBytes = 32767;
// Arial 10 (Liberation Sans in LibreOffice, the same widths): one line of
// text and the most a row may be, in points.
constexpr double kLinePoints = 12.75, kMaxRowPoints = 409;
constexpr const char* kFont = "Arial";

struct Formats {
    lxw_format* header;
    lxw_format* text;
    lxw_format* number;
    lxw_format* date;
    lxw_format* light[3];  // green, yellow, red: the conditional fills
};

std::string cell_text(const std::string& s) {
    // XML 1.0 cannot hold most control characters; keep line breaks and tabs.
    return kartla::text::truncate_utf8(kartla::text::without_control_chars(s, true), kMaxCellBytes);
}

std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Lines a text takes in a column `width` characters wide, wrapped at spaces
// the way a spreadsheet wraps it. It errs towards one line too many: a row a
// little too tall reads fine, one too short hides text behind the next row.
int wrapped_lines(std::string_view text, double width) {
    const std::size_t capacity = static_cast<std::size_t>(std::max(1.0, std::floor(width) - 1));
    int lines = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view paragraph = text.substr(start, end - start);
        std::size_t used = 0;
        int paragraph_lines = 1;
        std::size_t word_start = 0;
        while (word_start <= paragraph.size()) {
            std::size_t word_end = paragraph.find(' ', word_start);
            if (word_end == std::string_view::npos) word_end = paragraph.size();
            const std::size_t word = characters(paragraph.substr(word_start, word_end - word_start));
            if (used > 0 && used + 1 + word > capacity) {
                ++paragraph_lines;
                used = 0;
            }
            if (word > capacity) {  // a word wider than the column breaks inside itself
                paragraph_lines += static_cast<int>((used + word - 1) / capacity);
                used = (used + word) % capacity;
            } else {
                used += (used > 0 ? 1 : 0) + word;
            }
            word_start = word_end + 1;
        }
        lines += paragraph_lines;
        start = end + 1;
    }
    return std::max(lines, 1);
}

double row_points(int lines) { return std::min(kMaxRowPoints, lines * kLinePoints + 2); }

// A sheet name: at most 31 characters and none of []:*?/\ (Excel's rules).
std::string sheet_name(const std::string& wanted) {
    std::string clean;
    for (char c : kartla::text::without_control_chars(wanted, false))
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) clean += c;
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < clean.size() && count < 31; ++count) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(clean[i]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        out.append(clean, i, length);
        i += length;
    }
    return out.empty() ? "Sheet" : out;
}

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("XLSX {}: {}", what, lxw_strerror(error)));
}

void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
    if (text.empty()) return;
    check(worksheet_write_string(sheet, row, col, cell_text(text).c_str(), format), "cell");
}

void write_date(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& iso, const Formats& f) {
    if (!dates::is_valid(iso)) return write_text(sheet, row, col, iso, f.text);
    lxw_datetime when{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)), 0, 0, 0};
    check(worksheet_write_datetime(sheet, row, col, &when, f.date), "date");
}

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const TableCell& cell, const Formats& f) {
    switch (cell.kind) {
        case TableCell::Kind::Number:
            return check(worksheet_write_number(sheet, row, col, cell.number, f.number), "number");
        case TableCell::Kind::Date: return write_date(sheet, row, col, cell.text, f);
        case TableCell::Kind::Text: return write_text(sheet, row, col, cell.text, f.text);
    }
}

// In a footer '&' starts a code ("&P" is the page): a title's own '&' is doubled.
// Cut to `letters`, so the footer's left and right parts never meet.
std::string footer_text(const std::string& text, std::size_t letters = 60) {
    std::string clean = kartla::text::without_control_chars(text, false);
    std::size_t at = 0;
    for (std::size_t n = 0; at < clean.size() && n < letters; ++n)
        do ++at;
        while (at < clean.size() && (static_cast<unsigned char>(clean[at]) & 0xC0) == 0x80);
    if (at < clean.size()) clean = clean.substr(0, at) + "…";
    std::string out;
    for (char c : clean) {
        if (c == '&') out += '&';
        out += c;
    }
    return out;
}

// Landscape A4, as many pages down as it takes but one across, the header row
// on every page, and a footer in two parts that cannot meet, each under a third
// of the line: left the workshop and its date, right the export date and the
// page. A spreadsheet centres the middle part over the others, so it stays empty.
void page_setup(lxw_worksheet* sheet, const Document& doc, bool repeat_header) {
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_set_margins(sheet, 0.4, 0.4, 0.55, 0.6);
    if (repeat_header) check(worksheet_repeat_rows(sheet, 0, 0), "print titles");
    const Header& h = doc.header;
    constexpr std::size_t kFooterLetters = 40;  // a third of A4 landscape at the footer's 10 pt
    std::string left = footer_text(h.title, h.date.empty() ? kFooterLetters : kFooterLetters - 12);
    if (!h.date.empty()) left += (left.empty() ? "" : ", ") + footer_text(h.date, 10);
    // "Page &P of &N" is our own translation and keeps its codes.
    const std::string footer = fmt::format("&L{}&R{} {} · {}", left, footer_text(doc.tr("Exported"), 12),
                                           footer_text(h.exported, 10), doc.tr("Page &P of &N"));
    check(worksheet_set_footer(sheet, footer.c_str()), "footer");
}

void light_formats(lxw_worksheet* sheet, const Document& doc, const DataTable& table, lxw_row_t last, const Formats& f) {
    if (!table.light_column || last == 0) return;
    const auto col = static_cast<lxw_col_t>(*table.light_column);
    const char* words[] = {"Green", "Yellow", "Red"};
    for (int i = 0; i < 3; ++i) {
        std::string word = doc.tr(words[i]);
        lxw_conditional_format rule{};
        rule.type = LXW_CONDITIONAL_TYPE_TEXT;
        rule.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_CONTAINING;
        rule.value_string = word.data();
        rule.format = f.light[i];
        check(worksheet_conditional_format_range(sheet, 1, col, last, col, &rule), "conditional format");
    }
}

void table_sheet(lxw_workbook* book, const Document& doc, const DataTable& table, const Formats& f) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(table.title).c_str());
    if (!sheet) throw std::runtime_error("XLSX: cannot add the sheet " + table.key);
    int header_lines = 1;
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        write_text(sheet, 0, col, table.headers[c], f.header);
        worksheet_set_column(sheet, col, col, table.widths[c], nullptr);
        header_lines = std::max(header_lines, wrapped_lines(table.headers[c], table.widths[c] * 0.9));  // bold is wider
    }
    check(worksheet_set_row(sheet, 0, row_points(header_lines), nullptr), "row");
    lxw_row_t r = 0;
    for (const auto& cells : table.rows) {
        ++r;
        int lines = 1;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            write_cell(sheet, r, static_cast<lxw_col_t>(c), cells[c], f);
            if (cells[c].kind == TableCell::Kind::Text)
                lines = std::max(lines, wrapped_lines(cell_text(cells[c].text), table.widths[c]));
        }
        check(worksheet_set_row(sheet, r, row_points(lines), nullptr), "row");
    }
    const auto last_col = static_cast<lxw_col_t>(table.headers.size() - 1);
    check(worksheet_autofilter(sheet, 0, 0, r, last_col), "filter");
    worksheet_freeze_panes(sheet, 1, 0);
    light_formats(sheet, doc, table, r, f);
    page_setup(sheet, doc, true);
    // Paper gets the main columns, at a size that reads (the technical ones are for the screen).
    if (table.printed_columns > 0 && table.printed_columns < table.headers.size())
        check(worksheet_print_area(sheet, 0, 0, r, static_cast<lxw_col_t>(table.printed_columns - 1)), "print area");
}

void workshop_sheet(lxw_workbook* book, const Document& doc, const Formats& f) {
    const auto& tr = doc.tr;
    const Header& h = doc.header;
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(tr("Workshop")).c_str());
    if (!sheet) throw std::runtime_error("XLSX: cannot add the workshop sheet");
    constexpr double kValueWidth = 70;
    worksheet_set_column(sheet, 0, 0, 28, nullptr);
    worksheet_set_column(sheet, 1, 1, kValueWidth, nullptr);
    std::string organisations;
    for (const auto& o : h.organisations) organisations += (organisations.empty() ? "" : "\n") + o;
    std::vector<std::pair<const char*, std::string>> lines{{"Action plan", h.title},   {"Organisation", h.organisation},
                                                           {"Date", h.date},           {"Place", h.place},
                                                           {"Participating organisations", organisations},
                                                           {"Exported", h.exported}};
    for (const auto& notice : h.notices) lines.emplace_back("Please note", notice);
    lxw_row_t r = 0;
    for (const auto& [msgid, value] : lines) {
        write_text(sheet, r, 0, tr(msgid), f.header);
        write_cell(sheet, r, 1, std::string_view(msgid) == "Date" || std::string_view(msgid) == "Exported"
                                    ? TableCell::of_date(value)
                                    : TableCell::of_text(value),
                   f);
        check(worksheet_set_row(sheet, r, row_points(wrapped_lines(cell_text(value), kValueWidth)), nullptr), "row");
        ++r;
    }
    page_setup(sheet, doc, false);
}

lxw_format* base_format(lxw_workbook* book) {
    lxw_format* format = workbook_add_format(book);
    format_set_font_name(format, kFont);
    format_set_font_size(format, 10);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
}

Formats make_formats(lxw_workbook* book) {
    Formats f{};
    f.header = base_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE6EEF5);
    format_set_text_wrap(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.text = base_format(book);
    format_set_text_wrap(f.text);
    f.number = base_format(book);
    format_set_align(f.number, LXW_ALIGN_LEFT);
    f.date = base_format(book);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_LEFT);
    const lxw_color_t fills[] = {0xC9ECC6, 0xFBEFB1, 0xF7C1BD};
    for (int i = 0; i < 3; ++i) {
        f.light[i] = workbook_add_format(book);
        format_set_bg_color(f.light[i], fills[i]);
        format_set_bold(f.light[i]);
    }
    return f;
}

}  // namespace

void write_xlsx(const Document& doc, const std::filesystem::path& out) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(out.c_str(), &options);
    if (!book) throw std::runtime_error("cannot create " + out.string());
    const Formats f = make_formats(book);
    try {
        for (std::string_view key : kTableKeys) table_sheet(book, doc, data_table(doc, key), f);
        workshop_sheet(book, doc, f);
    } catch (...) {
        workbook_close(book);
        throw;
    }
    lxw_doc_properties properties{};
    const std::string title = cell_text(doc.header.title);
    properties.title = const_cast<char*>(title.c_str());
    workbook_set_properties(book, &properties);
    check(workbook_close(book), "file");
}

}  // namespace kartla::action_plan::exporting
