#include "report_section.hpp"

#include "export/document.hpp"

namespace kartla::action_plan {

namespace doc = kartla::doc;
using namespace exporting;

doc::Section report_section(kartla::Workshop& workshop, const EntitySelect& select, const Translate& tr) {
    doc::Section section{tr("Action plan"), {}};
    // The report redacts every text itself, so the plan is built unredacted here.
    const Document plan = build_document(workshop, select, kartla::ExportOptions{}, tr);
    if (plan.sections.empty()) {  // no prioritised problem and no measure
        section.blocks.push_back(doc::Paragraph{tr("No measures recorded.")});
        return section;
    }
    // Who, when, how it stands, and what it is measured by: the board reads the plan from this table.
    // Nine columns: the writers give each its longest word and turn the page when they do not fit.
    constexpr Column kColumns[] = {ColTitle, ColOwner, ColPartners, ColStart, ColDue, ColStatus, ColLight, ColIndicator, ColBaseline};
    std::vector<std::string> headers;
    for (Column c : kColumns) headers.push_back(c == ColLight ? tr("Light") : plan.column_titles[c]);  // the short word fits
    for (const ProblemSection& group : plan.sections) {
        section.blocks.push_back(doc::Heading{group.label});
        // A prioritised problem without measures is a gap the board must see, not a part left out.
        if (group.rows.empty()) {
            section.blocks.push_back(doc::Paragraph{tr("No measures yet.")});
            continue;
        }
        doc::Table table{headers, {3.4, 1.7, 1.7, 1.4, 1.4, 1.5, 1.2, 1.7, 1.5}, {}};
        for (std::size_t row : group.rows) {
            std::vector<std::string> cells;
            for (Column c : kColumns) cells.push_back(plan.rows[row].cell(c));
            table.rows.push_back(std::move(cells));
        }
        section.blocks.push_back(std::move(table));
    }
    return section;
}

}  // namespace kartla::action_plan
