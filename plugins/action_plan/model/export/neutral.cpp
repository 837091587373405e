// The plan as a neutral document (kartla/document.hpp), for the formats the
// core writes: DOCX and ODT. The same parts and order as the HTML page: the
// prioritised problems with their causes, then the measures by problem, each
// problem's table followed by what the table leaves out.
#include "writers.hpp"

#include "kartla/document_files.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::exporting {

namespace doc = kartla::doc;

namespace {


doc::Section problems_part(const Document& plan) {
    doc::Section part{plan.tr("Prioritised problems and causes"), {}};
    for (const auto& section : plan.sections) {
        if (!section.prioritised) continue;
        part.blocks.push_back(doc::Heading{section.label});
        if (section.causes.empty()) continue;
        doc::Bullets causes;
        for (const auto& cause : section.causes) {
            causes.items.push_back(cause.nature.empty() ? cause.label : cause.label + " (" + cause.nature + ")");
            causes.depth.push_back(cause.depth);
        }
        part.blocks.push_back(std::move(causes));
    }
    return part;
}

doc::Table measure_table(const Document& plan, const ProblemSection& section) {
    doc::Table table;
    for (Column c : kDocumentColumns) table.headers.push_back(plan.column_titles[c]);
    table.widths = {3.0, 2.6, 2.6, 1.5, 1.5, 1.8, 1.8, 1.4, 1.5, 2.0};
    for (std::size_t index : section.rows) {
        const MeasureRow& row = plan.rows[index];
        std::vector<std::string> cells;
        for (Column c : kDocumentColumns) {
            std::string text = row.cell(c);
            if (c == ColLight && !row.cell(ColLightComment).empty()) text += "\n" + row.cell(ColLightComment);
            cells.push_back(std::move(text));
        }
        table.rows.push_back(std::move(cells));
    }
    return table;
}

doc::Section measures_part(const Document& plan) {
    doc::Section part{plan.tr("Measures by problem"), {}};
    for (const auto& section : plan.sections) {
        part.blocks.push_back(doc::Heading{section.label});
        if (section.rows.empty()) {
            part.blocks.push_back(doc::Paragraph{plan.tr("No measures yet.")});
            continue;
        }
        part.blocks.push_back(measure_table(plan, section));
        // Everything the table leaves out, so the document holds the whole plan.
        for (std::size_t index : section.rows) {
            const MeasureRow& row = plan.rows[index];
            doc::Facts details;
            details.items.emplace_back(plan.column_titles[ColTitle], row.cell(ColTitle));
            for (Column c : kDetailColumns)
                if (!row.cell(c).empty()) details.items.emplace_back(plan.column_titles[c], row.cell(c));
            part.blocks.push_back(std::move(details));
        }
    }
    return part;
}

}  // namespace

doc::Document to_neutral(const Document& plan) {
    const auto& tr = plan.tr;
    const Header& h = plan.header;
    doc::Document out;
    out.title = std::string(tr("Action plan")) + ": " + h.title;
    out.subtitle = h.organisation;
    out.language = plan.language;
    out.author = h.organisation;
    out.issued = h.exported;
    out.title_facts.emplace_back(tr("Workshop"), h.title);
    for (const auto& [msgid, value] : h.lines())
        if (!value.empty()) out.title_facts.emplace_back(tr(msgid), value);
    out.footer = fmt::format(fmt::runtime(tr("{} · issued {}")), out.title, h.exported);
    out.words.page_of = tr("Page {} of {}");
    out.words.date = tr("Date");
    out.words.value = tr("Value");
    out.sections.push_back(problems_part(plan));
    out.sections.push_back(measures_part(plan));
    return out;
}

}  // namespace kartla::action_plan::exporting
