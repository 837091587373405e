// CSV for Excel and LibreOffice with Swedish settings: a BOM so the text is read
// as UTF-8, ';' by default, and every cell neutralised by kartla::text::csv_cell
// (quotes doubled, formula-like cells turned into text).
#include "writers.hpp"

#include "kartla/text_encode.hpp"

namespace action_plan::exporting {

namespace {

using kartla::text::csv_row;

void header_rows(const Document& doc, char sep, std::string& out) {
    const Header& h = doc.header;
    const auto& tr = doc.tr;
    out += csv_row({tr("Action plan"), h.title}, sep);
    out += csv_row({tr("Organisation"), h.organisation}, sep);
    out += csv_row({tr("Date"), h.date}, sep);
    out += csv_row({tr("Place"), h.place}, sep);
    std::vector<std::string> organisations{tr("Participating organisations")};
    organisations.insert(organisations.end(), h.organisations.begin(), h.organisations.end());
    out += csv_row(organisations, sep);
    out += csv_row({tr("Exported"), h.exported}, sep);
    out += "\r\n";
}

void problem_rows(const Document& doc, char sep, std::string& out) {
    const auto& tr = doc.tr;
    out += csv_row({tr("Rank"), tr("Prioritised problem"), tr("Cause"), tr("Nature"), tr("Level")}, sep);
    for (const auto& section : doc.sections) {
        if (!section.prioritised) continue;
        out += csv_row({section.rank, section.label, "", "", ""}, sep);
        for (const auto& cause : section.causes)
            out += csv_row({section.rank, section.label, cause.label, cause.nature,
                            cause.depth == 0 ? tr("direct") : tr("underlying")},
                           sep);
    }
    out += "\r\n";
}

void measure_rows(const Document& doc, char sep, std::string& out) {
    // One row per problem and measure, so a filter on the problem column shows a
    // problem's whole plan; the ID column shows a measure that serves several.
    std::vector<std::string> titles{doc.tr("Problem")};
    titles.insert(titles.end(), doc.column_titles.begin(), doc.column_titles.end());
    out += csv_row(titles, sep);
    for (const auto& section : doc.sections) {
        for (std::size_t index : section.rows) {
            std::vector<std::string> cells{section.label};
            const auto& row = doc.rows[index].cells;
            cells.insert(cells.end(), row.begin(), row.end());
            out += csv_row(cells, sep);
        }
    }
}

}  // namespace

std::string to_csv(const Document& doc, char separator) {
    std::string out(kartla::text::utf8_bom);
    header_rows(doc, separator, out);
    problem_rows(doc, separator, out);
    measure_rows(doc, separator, out);
    return out;
}

}  // namespace action_plan::exporting
