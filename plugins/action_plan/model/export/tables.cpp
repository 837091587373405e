#include "tables.hpp"

#include "../dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

namespace kartla::action_plan::exporting {

TableCell TableCell::of_number(double value) {
    return {Kind::Number, fmt::format("{}", value), value};
}

TableCell TableCell::of_number_text(const std::string& text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!text.empty() && error == std::errc() && end == text.data() + text.size())
        return of_number(static_cast<double>(value));
    return of_text(text);
}

TableCell TableCell::of_date(const std::string& iso) {
    return {dates::is_valid(iso) ? Kind::Date : Kind::Text, iso, 0};
}

namespace {

using Cell = TableCell;

// The widths of the columns after the printed ones: wide for prose, narrow for words.
double detail_width(Column c) {
    switch (c) {
        case ColDescription: return 28;
        case ColCauses:
        case ColGoal:
        case ColExpectedEffect: return 20;
        case ColResources:
        case ColFollowUp:
        case ColLightComment: return 15;
        case ColPriority:
        case ColEffectTerm: return 9;
        default: return 11;
    }
}

// What the board reads on paper, after the id, the title and the problems: who, when, how it
// stands and how it is measured, with their widths (a Swedish förvaltning's name on one line
// where it can). Together 151 units of Calibri's digit (the workbook's default font, in which
// spreadsheets measure columns): one A4 landscape page across at 100 %, 10 pt text, in Excel and
// in LibreOffice with Calibri's and Arial's metric twins (Carlito, Liberation Sans).
struct PrintedColumn {
    Column column;
    double width;
};
constexpr PrintedColumn kMeasureMainColumns[] = {{ColOwner, 18},  {ColPartners, 16}, {ColStart, 10},     {ColDue, 11},
                                                 {ColStatus, 11}, {ColLight, 12},    {ColIndicator, 15}, {ColBaseline, 13}};
// The rest of the plan, after the printed columns, for filtering on screen.
constexpr Column kMeasureDetailColumns[] = {ColCauses,     ColGoalType,  ColGoal,        ColDescription,
                                            ColPrevention, ColWorkForm,  ColResources,   ColCost,
                                            ColEffectTerm, ColExpectedEffect, ColFollowUp, ColPriority,
                                            ColLightComment};

// A spreadsheet's status is its word alone: the column has no colour for a shape to stand
// in for, a filter and a sort read the word, and Liberation Sans (the Arial LibreOffice
// prints with) draws ◔ and ◑ at a third of the text's height.
Cell status_cell(const Document& doc, const std::string& status) {
    const char* msgid = status_msgid(status);
    return Cell::of_text(*msgid ? doc.tr(msgid) : "");
}

DataTable measures(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"measures", tr("Measures"), {}, {}, {}, {}};
    auto column = [&](Column c, double width) {
        if (c == ColLight) t.light_column = t.headers.size();
        t.headers.push_back(doc.column_titles[c]);
        t.widths.push_back(width);
    };
    column(ColId, 5);
    column(ColTitle, 22);
    column(ColProblems, 18);
    for (const auto& printed : kMeasureMainColumns) column(printed.column, printed.width);
    t.printed_columns = t.headers.size();
    for (Column c : kMeasureDetailColumns) column(c, detail_width(c));
    std::map<std::int64_t, std::string> problem_labels;
    for (const auto& s : doc.sections) problem_labels[s.id] = s.label;
    auto cell = [&doc](const MeasureRow& row, Column c) {
        if (c == ColStatus) return status_cell(doc, row.status_key);
        return c == ColStart || c == ColDue ? Cell::of_date(row.cell(c)) : Cell::of_text(row.cell(c));
    };
    for (const MeasureRow& row : doc.rows) {
        std::vector<std::string> problems;
        for (auto id : row.problem_ids) problems.push_back(problem_labels[id]);
        std::vector<Cell> cells{Cell::of_id(row.id), Cell::of_text(row.cell(ColTitle)),
                                Cell::of_text(join_labels(problems, "; "))};
        for (const auto& printed : kMeasureMainColumns) cells.push_back(cell(row, printed.column));
        for (Column c : kMeasureDetailColumns) cells.push_back(cell(row, c));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

// One row per measure and problem it serves: ids as numbers, a join with a lookup.
DataTable measure_problems(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"measure-problems",
                tr("Measure–problem"),
                {tr("Measure ID"), tr("Problem ID"), tr("Measure"), tr("Problem")},
                {11, 10, 40, 40},
                {},
                {}};
    std::map<std::int64_t, std::string> problem_labels;
    for (const auto& s : doc.sections) problem_labels[s.id] = s.label;
    for (const MeasureRow& row : doc.rows)
        for (auto id : row.problem_ids)
            t.rows.push_back({Cell::of_id(row.id), Cell::of_id(id), Cell::of_text(row.cell(ColTitle)),
                              Cell::of_text(problem_labels[id])});
    return t;
}

// One row per measure and cause it addresses, with the cause's problem.
DataTable measure_causes(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"measure-causes",
                tr("Measure–cause"),
                {tr("Measure ID"), tr("Cause ID"), tr("Problem ID"), tr("Measure"), tr("Cause")},
                {11, 9, 10, 40, 40},
                {},
                {}};
    std::map<std::int64_t, std::pair<std::int64_t, std::string>> causes;  // cause id -> problem id, label
    for (const auto& s : doc.sections)
        for (const auto& cause : s.causes) causes[cause.id] = {s.id, cause.label};
    for (const MeasureRow& row : doc.rows)
        for (auto id : row.cause_ids) {
            const auto found = causes.find(id);
            t.rows.push_back({Cell::of_id(row.id), Cell::of_id(id), Cell::of_id(found == causes.end() ? 0 : found->second.first),
                              Cell::of_text(row.cell(ColTitle)),
                              Cell::of_text(found == causes.end() ? std::string() : found->second.second)});
        }
    return t;
}

DataTable problems(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"problems",
                tr("Problems"),
                {doc.column_titles[ColId], tr("Rank"), tr("Problem"), tr("Prioritised"), tr("Causes"), tr("Measures")},
                {6, 7, 48, 12, 10, 11},
                {},
                {}};
    for (const auto& s : doc.sections) {
        if (s.id == 0) continue;  // the measures that address no problem
        t.rows.push_back({Cell::of_id(s.id), Cell::of_number_text(s.rank), Cell::of_text(s.label),
                          Cell::of_text(tr(s.prioritised ? "Yes" : "No")),
                          Cell::of_number(static_cast<double>(s.causes.size())),
                          Cell::of_number(static_cast<double>(s.rows.size()))});
    }
    return t;
}

DataTable causes(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"causes",
                tr("Causes"),
                {doc.column_titles[ColId], tr("Problem ID"), tr("Problem"), tr("Cause"), tr("Level"), tr("Nature"),
                 tr("Parent cause ID")},
                {6, 10, 36, 44, 14, 14, 12},
                {},
                {}};
    for (const auto& s : doc.sections)
        for (const auto& cause : s.causes)
            t.rows.push_back({Cell::of_id(cause.id), Cell::of_id(s.id), Cell::of_text(s.label),
                              Cell::of_text(cause.label),
                              Cell::of_text(tr(cause.depth == 0 ? "direct" : "underlying")),
                              Cell::of_text(cause.nature), Cell::of_id(cause.parent_id)});
    return t;
}

DataTable actors(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"actors",
                tr("Actors"),
                {doc.column_titles[ColId], tr("Actor"), tr("Type"), tr("Responsible for"), tr("Partner in")},
                {6, 36, 20, 44, 44},
                {},
                {}};
    for (const ActorLine& a : doc.actors)
        t.rows.push_back({Cell::of_id(a.id), Cell::of_text(a.label), Cell::of_text(a.type),
                          Cell::of_text(join_labels(a.responsible_for, "; ")),
                          Cell::of_text(join_labels(a.partner_in, "; "))});
    return t;
}

DataTable status_log(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"log",
                tr("Status log"),
                {doc.column_titles[ColId], tr("Measure ID"), tr("Measure"), tr("Date"), tr("From status"),
                 tr("To status"), tr("Note")},
                {6, 11, 36, 11, 14, 14, 50},
                {},
                {}};
    for (const LogLine& line : doc.log)
        t.rows.push_back({Cell::of_id(line.id), Cell::of_id(line.measure_id), Cell::of_text(line.measure),
                          Cell::of_date(line.date), status_cell(doc, line.from_key), status_cell(doc, line.to_key),
                          Cell::of_text(line.note)});
    return t;
}

}  // namespace

bool is_table_key(std::string_view key) {
    return std::find(std::begin(kTableKeys), std::end(kTableKeys), key) != std::end(kTableKeys);
}

DataTable data_table(const Document& doc, std::string_view key) {
    if (key == "measures") return measures(doc);
    if (key == "problems") return problems(doc);
    if (key == "causes") return causes(doc);
    if (key == "actors") return actors(doc);
    if (key == "log") return status_log(doc);
    if (key == "measure-problems") return measure_problems(doc);
    if (key == "measure-causes") return measure_causes(doc);
    throw std::invalid_argument(fmt::format("unknown table '{}'", key));
}

}  // namespace kartla::action_plan::exporting
