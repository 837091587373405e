// XLSX through libxlsxwriter: a sheet of measures and one of problems, each
// with a filtering header row. Every user text goes through write_string, so
// it is stored as a string and never read as a formula.
#include "writers.hpp"

#include "../dates.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <stdexcept>

namespace action_plan::exporting {

namespace {

// Excel's limit per cell (libxlsxwriter counts bytes).
constexpr std::size_t kMaxCellBytes = 32767;

struct Formats {
    lxw_format* header;
    lxw_format* text;
    lxw_format* date;
    lxw_format* title;
};

std::string cell_text(const std::string& s) {
    // XML 1.0 cannot hold most control characters; keep line breaks and tabs.
    return kartla::text::truncate_utf8(kartla::text::without_control_chars(s, true), kMaxCellBytes);
}

// A sheet name: at most 31 characters and none of []:*?/\ (Excel's rules).
std::string sheet_name(const std::string& wanted) {
    std::string clean;
    for (char c : kartla::text::without_control_chars(wanted, false))
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) clean += c;
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < clean.size() && characters < 31; ++characters) {
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

double column_width(Column c) {
    switch (c) {
        case ColId: return 6;
        case ColStart:
        case ColDue: return 12;
        case ColTitle:
        case ColGoal:
        case ColProblems:
        case ColCauses: return 36;
        case ColDescription:
        case ColExpectedEffect:
        case ColStatusLog: return 44;
        default: return 20;
    }
}

void measures_sheet(lxw_workbook* book, const Document& doc, const Formats& f) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(doc.tr("Measures")).c_str());
    if (!sheet) throw std::runtime_error("XLSX: cannot add the measures sheet");
    write_text(sheet, 0, 0, doc.tr("Problem"), f.header);
    worksheet_set_column(sheet, 0, 0, 36, nullptr);
    for (std::size_t c = 0; c < ColumnCount; ++c) {
        write_text(sheet, 0, static_cast<lxw_col_t>(c + 1), doc.column_titles[c], f.header);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c + 1), static_cast<lxw_col_t>(c + 1),
                             column_width(static_cast<Column>(c)), nullptr);
    }
    lxw_row_t r = 0;
    for (const auto& section : doc.sections) {
        for (std::size_t index : section.rows) {
            ++r;
            const MeasureRow& row = doc.rows[index];
            write_text(sheet, r, 0, section.label, f.text);
            for (std::size_t c = 0; c < ColumnCount; ++c) {
                const auto col = static_cast<lxw_col_t>(c + 1);
                if (c == ColId) check(worksheet_write_number(sheet, r, col, static_cast<double>(row.id), nullptr), "id");
                else if (c == ColStart || c == ColDue) write_date(sheet, r, col, row.cells[c], f);
                else write_text(sheet, r, col, row.cells[c], f.text);
            }
        }
    }
    check(worksheet_autofilter(sheet, 0, 0, r, ColumnCount), "filter");
    worksheet_freeze_panes(sheet, 1, 0);
}

void problems_sheet(lxw_workbook* book, const Document& doc, const Formats& f) {
    const auto& tr = doc.tr;
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(tr("Problems")).c_str());
    if (!sheet) throw std::runtime_error("XLSX: cannot add the problems sheet");
    const std::vector<std::string> titles{tr("Rank"), tr("Prioritised problem"), tr("Cause"), tr("Nature"), tr("Level"),
                                          tr("Measures")};
    const double widths[] = {8, 40, 48, 16, 14, 10};
    for (std::size_t c = 0; c < titles.size(); ++c) {
        write_text(sheet, 0, static_cast<lxw_col_t>(c), titles[c], f.header);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    }
    lxw_row_t r = 0;
    auto line = [&](const ProblemSection& s, const std::string& cause, const std::string& nature, const std::string& level) {
        ++r;
        write_text(sheet, r, 0, s.rank, f.text);
        write_text(sheet, r, 1, s.label, f.text);
        write_text(sheet, r, 2, cause, f.text);
        write_text(sheet, r, 3, nature, f.text);
        write_text(sheet, r, 4, level, f.text);
        check(worksheet_write_number(sheet, r, 5, static_cast<double>(s.rows.size()), nullptr), "count");
    };
    for (const auto& section : doc.sections) {
        if (!section.prioritised) continue;
        line(section, "", "", "");
        for (const auto& cause : section.causes)
            line(section, cause.label, cause.nature, cause.depth == 0 ? tr("direct") : tr("underlying"));
    }
    check(worksheet_autofilter(sheet, 0, 0, r, 5), "filter");
    worksheet_freeze_panes(sheet, 1, 0);
}

void workshop_sheet(lxw_workbook* book, const Document& doc, const Formats& f) {
    const auto& tr = doc.tr;
    const Header& h = doc.header;
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(tr("Workshop")).c_str());
    if (!sheet) throw std::runtime_error("XLSX: cannot add the workshop sheet");
    worksheet_set_column(sheet, 0, 0, 28, nullptr);
    worksheet_set_column(sheet, 1, 1, 70, nullptr);
    std::string organisations;
    for (const auto& o : h.organisations) organisations += (organisations.empty() ? "" : "\n") + o;
    const std::pair<const char*, std::string> lines[] = {{"Action plan", h.title},   {"Organisation", h.organisation},
                                                         {"Date", h.date},           {"Place", h.place},
                                                         {"Participating organisations", organisations},
                                                         {"Exported", h.exported}};
    lxw_row_t r = 0;
    for (const auto& [msgid, value] : lines) {
        write_text(sheet, r, 0, tr(msgid), f.header);
        write_text(sheet, r++, 1, value, f.text);
    }
}

}  // namespace

void write_xlsx(const Document& doc, const std::filesystem::path& out) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(out.c_str(), &options);
    if (!book) throw std::runtime_error("cannot create " + out.string());
    Formats f{};
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE6EEF5);
    format_set_text_wrap(f.header);
    f.text = workbook_add_format(book);
    format_set_text_wrap(f.text);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    f.date = workbook_add_format(book);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
    try {
        measures_sheet(book, doc, f);
        problems_sheet(book, doc, f);
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

}  // namespace action_plan::exporting
