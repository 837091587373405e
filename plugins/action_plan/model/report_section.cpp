#include "report_section.hpp"

#include "export/document.hpp"

namespace action_plan {

namespace doc = kartla::doc;
using namespace exporting;

doc::Section report_section(kartla::Workshop& workshop, const EntitySelect& select, const Translate& tr) {
    doc::Section section{tr("Action plan"), {}};
    // The report redacts every text itself, so the plan is built unredacted here.
    const Document plan = build_document(workshop, select, kartla::ExportOptions{}, tr);
    if (plan.rows.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No measures recorded.")});
        return section;
    }
    constexpr Column kColumns[] = {ColTitle, ColOwner, ColStart, ColDue, ColStatus, ColLight};
    std::vector<std::string> headers;
    for (Column c : kColumns) headers.push_back(plan.column_titles[c]);
    headers.back() = tr("Light");  // the short word: "Follow-up light" does not fit the narrow column
    for (const ProblemSection& group : plan.sections) {
        if (group.rows.empty()) continue;
        section.blocks.push_back(doc::Heading{group.label});
        doc::Table table{headers, {3.0, 2.2, 1.45, 1.45, 1.35, 1.2}, {}};
        for (std::size_t row : group.rows) {
            std::vector<std::string> cells;
            for (Column c : kColumns) cells.push_back(plan.rows[row].cell(c));
            table.rows.push_back(std::move(cells));
        }
        section.blocks.push_back(std::move(table));
    }
    return section;
}

}  // namespace action_plan
