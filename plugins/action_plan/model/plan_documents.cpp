#include "plan_documents.hpp"

#include <algorithm>

namespace kartla::action_plan {

using namespace exporting;

namespace {

std::string cause_text(const CauseLine& cause) {
    return cause.nature.empty() ? cause.label : cause.label + " (" + cause.nature + ")";
}

doc::Bullets causes_of(const ProblemSection& problem) {
    doc::Bullets out;
    for (const auto& cause : problem.causes) {
        out.items.push_back(cause_text(cause));
        out.depth.push_back(cause.depth);
    }
    return out;
}

doc::Table measure_table(const Document& plan, const std::vector<std::size_t>& rows, std::initializer_list<Column> columns,
                         std::initializer_list<double> widths) {
    doc::Table table{{}, widths, {}};
    for (Column c : columns) table.headers.push_back(plan.column_titles[c]);
    for (std::size_t index : rows) {
        std::vector<std::string> cells;
        for (Column c : columns) cells.push_back(plan.rows[index].cell(c));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

// Each measure once, in plan order, with the first problem it is listed under.
std::vector<std::pair<std::size_t, const ProblemSection*>> measures_once(const Document& plan, bool prioritised_only) {
    std::vector<std::pair<std::size_t, const ProblemSection*>> out;
    std::vector<bool> seen(plan.rows.size(), false);
    for (const auto& section : plan.sections) {
        if (prioritised_only && !section.prioritised) continue;
        for (std::size_t row : section.rows)
            if (!seen[row]) {
                seen[row] = true;
                out.emplace_back(row, &section);
            }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

doc::Table meetings_table(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Table table{{tr("Date"), tr("Meeting"), tr("Place")}, {1.2, 3.0, 2.0}, {}};
    for (const auto& m : plan.follow_ups) table.rows.push_back({m.date, m.title, m.place});
    return table;
}

}  // namespace

doc::Section measures_per_problem(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Measures per prioritised problem"), {}};
    if (plan.sections.empty()) section.blocks.push_back(doc::Paragraph{tr("No measures recorded.")});
    for (const auto& problem : plan.sections) {
        section.blocks.push_back(doc::Heading{problem.label});
        if (!problem.causes.empty()) {
            section.blocks.push_back(doc::Paragraph{tr("Causes")});
            section.blocks.push_back(causes_of(problem));
        }
        if (problem.rows.empty()) {
            // A prioritised problem without measures is a gap the board must see, not a part left out.
            section.blocks.push_back(doc::Paragraph{tr("No measures yet.")});
            continue;
        }
        section.blocks.push_back(measure_table(plan, problem.rows, {ColTitle, ColCauses, ColGoal, ColOwner, ColPartners, ColStart, ColDue},
                                               {3.0, 2.6, 2.6, 1.8, 1.8, 1.2, 1.2}));
    }
    return section;
}

doc::Section goals_and_indicators(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Goals and indicators"), {}};
    doc::Table table{{plan.column_titles[ColTitle], plan.column_titles[ColGoalType], plan.column_titles[ColGoal],
                      plan.column_titles[ColIndicator], plan.column_titles[ColBaseline], plan.column_titles[ColFollowUp]},
                     {2.6, 1.3, 2.6, 2.0, 1.8, 2.0},
                     {}};
    for (const auto& [row, problem] : measures_once(plan, false)) {
        const MeasureRow& m = plan.rows[row];
        table.rows.push_back({m.cell(ColTitle), m.cell(ColGoalType), m.cell(ColGoal), m.cell(ColIndicator),
                              m.cell(ColBaseline), m.cell(ColFollowUp)});
    }
    if (table.rows.empty()) section.blocks.push_back(doc::Paragraph{tr("No measures recorded.")});
    else section.blocks.push_back(std::move(table));
    return section;
}

doc::Section follow_up_plan(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Follow-up plan"), {}};
    section.blocks.push_back(doc::Paragraph{
        tr("At each follow-up meeting the measures are walked through: whether they were carried out (output), how "
           "(process), and whether the problem changed (effect), each indicator against its baseline.")});
    if (plan.follow_ups.empty()) section.blocks.push_back(doc::Paragraph{tr("No follow-up meeting planned yet.")});
    else section.blocks.push_back(meetings_table(plan));
    return section;
}

doc::Section problems_in_focus(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Problems in focus and their likely causes"), {}};
    bool any = false;
    for (const auto& problem : plan.sections) {
        if (!problem.prioritised) continue;
        any = true;
        section.blocks.push_back(doc::Heading{problem.label});
        if (problem.causes.empty()) section.blocks.push_back(doc::Paragraph{tr("No causes recorded yet.")});
        else section.blocks.push_back(causes_of(problem));
    }
    if (!any) section.blocks.push_back(doc::Paragraph{tr("No problem has been prioritised yet.")});
    return section;
}

doc::Section measurable_goals(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Measurable goals"), {}};
    doc::Table table{{tr("Problem"), plan.column_titles[ColGoal], plan.column_titles[ColIndicator],
                      plan.column_titles[ColBaseline], plan.column_titles[ColOwner], plan.column_titles[ColDue]},
                     {2.4, 3.0, 2.2, 2.0, 1.8, 1.2},
                     {}};
    for (const auto& [row, problem] : measures_once(plan, true)) {
        const MeasureRow& m = plan.rows[row];
        if (m.cell(ColGoal).empty() && m.cell(ColIndicator).empty()) continue;
        table.rows.push_back({problem->label, m.cell(ColGoal), m.cell(ColIndicator), m.cell(ColBaseline), m.cell(ColOwner),
                              m.cell(ColDue)});
    }
    if (table.rows.empty()) section.blocks.push_back(doc::Paragraph{tr("No goals recorded yet.")});
    else section.blocks.push_back(std::move(table));
    return section;
}

doc::Section follow_up_and_period(const Document& plan) {
    const auto& tr = plan.tr;
    doc::Section section{tr("Follow-up and period"), {}};
    // The period: from the first measure's start to the last one's due date.
    std::string first, last;
    for (const auto& m : plan.rows) {
        if (!m.start.empty() && (first.empty() || m.start < first)) first = m.start;
        if (!m.due.empty() && m.due > last) last = m.due;
    }
    const std::string period = first.empty() && last.empty() ? tr("Not set yet") : first + " – " + last;
    section.blocks.push_back(doc::Facts{{{tr("Period of the agreement"), period}}});
    section.blocks.push_back(doc::Paragraph{
        tr("The parties follow the goals up together at the follow-up meetings below. The action plan, its status log "
           "and the indicators' values are documented in the workshop file and exported after each meeting.")});
    if (plan.follow_ups.empty()) section.blocks.push_back(doc::Paragraph{tr("No follow-up meeting planned yet.")});
    else section.blocks.push_back(meetings_table(plan));
    return section;
}

}  // namespace kartla::action_plan
