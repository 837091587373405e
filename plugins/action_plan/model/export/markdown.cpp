// Markdown: for the municipal board's document and the export preview.
#include "writers.hpp"

#include "kartla/text_encode.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::exporting {

namespace {

using kartla::text::markdown_inline;

void header_block(const Document& doc, std::string& out) {
    const Header& h = doc.header;
    const auto& tr = doc.tr;
    out += fmt::format("# {}: {}\n\n", markdown_inline(tr("Action plan")), markdown_inline(h.title));
    for (const auto& [msgid, value] : h.lines())
        out += fmt::format("- **{}:** {}\n", markdown_inline(tr(msgid)), markdown_inline(value));
    out += '\n';
}

void problems_block(const Document& doc, std::string& out) {
    out += fmt::format("## {}\n\n", markdown_inline(doc.tr("Prioritised problems and causes")));
    int number = 0;
    for (const auto& section : doc.sections) {
        if (!section.prioritised) continue;
        out += fmt::format("{}. **{}**\n", ++number, markdown_inline(section.label));
        for (const auto& cause : section.causes) {
            std::string indent(static_cast<std::size_t>(3 + 2 * cause.depth), ' ');
            std::string nature = cause.nature.empty() ? "" : fmt::format(" ({})", markdown_inline(cause.nature));
            out += fmt::format("{}- {}{}\n", indent, markdown_inline(cause.label), nature);
        }
    }
    if (number == 0) out += markdown_inline(doc.tr("No prioritised problems.")) + "\n";
    out += '\n';
}

void measure_table(const Document& doc, const ProblemSection& section, std::string& out) {
    out += '|';
    for (Column c : kDocumentColumns) out += fmt::format(" {} |", markdown_inline(doc.column_titles[c]));
    out += "\n|";
    for (std::size_t i = 0; i < std::size(kDocumentColumns); ++i) out += " --- |";
    out += '\n';
    for (std::size_t index : section.rows) {
        const MeasureRow& row = doc.rows[index];
        out += '|';
        for (Column c : kDocumentColumns) {
            std::string cell = markdown_inline(row.cell(c));
            if (c == ColLight && !row.cell(ColLightComment).empty())
                cell += ": " + markdown_inline(row.cell(ColLightComment));
            out += fmt::format(" {} |", cell);
        }
        out += '\n';
    }
}

// Everything the table leaves out, so the document holds the whole plan.

void measure_details(const Document& doc, const ProblemSection& section, std::string& out) {
    for (std::size_t index : section.rows) {
        const MeasureRow& row = doc.rows[index];
        out += fmt::format("- **{}**\n", markdown_inline(row.cell(ColTitle)));
        for (Column c : kDetailColumns)
            if (!row.cell(c).empty())
                out += fmt::format("  - {}: {}\n", markdown_inline(doc.column_titles[c]), markdown_inline(row.cell(c)));
    }
    out += '\n';
}

}  // namespace

std::string to_markdown(const Document& doc) {
    std::string out;
    header_block(doc, out);
    problems_block(doc, out);
    out += fmt::format("## {}\n\n", markdown_inline(doc.tr("Measures by problem")));
    for (const auto& section : doc.sections) {
        out += fmt::format("### {}\n\n", markdown_inline(section.label));
        if (section.rows.empty()) {
            out += markdown_inline(doc.tr("No measures yet.")) + "\n\n";
            continue;
        }
        measure_table(doc, section, out);
        out += '\n';
        measure_details(doc, section, out);
    }
    return out;
}

}  // namespace kartla::action_plan::exporting
