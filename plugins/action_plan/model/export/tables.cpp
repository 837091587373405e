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

std::string ids_text(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : "; ") + std::to_string(id);
    return out;
}

// Spreadsheet widths: wide for prose, narrow for words and numbers, so that
// the whole table fits one landscape page across.
double measure_width(Column c) {
    switch (c) {
        case ColTitle: return 24;
        case ColDescription: return 28;
        case ColGoal:
        case ColExpectedEffect: return 20;
        case ColOwner:
        case ColPartners:
        case ColResources:
        case ColIndicator:
        case ColFollowUp:
        case ColLightComment: return 15;
        case ColStart:
        case ColDue: return 11;
        case ColPriority:
        case ColEffectTerm: return 9;
        default: return 11;
    }
}

// The measure columns after the id, the title and the links, in the plan's order.
constexpr Column kMeasureDetailColumns[] = {
    ColDescription, ColPrevention, ColWorkForm,      ColGoalType, ColGoal,     ColOwner,    ColPartners,
    ColStart,       ColDue,        ColResources,     ColCost,     ColEffectTerm, ColExpectedEffect,
    ColIndicator,   ColBaseline,   ColFollowUp,      ColPriority, ColStatus,   ColLight,    ColLightComment};

DataTable measures(const Document& doc) {
    const auto& tr = doc.tr;
    DataTable t{"measures", tr("Measures"), {}, {}, {}, {}};
    auto column = [&](std::string header, double width) {
        t.headers.push_back(std::move(header));
        t.widths.push_back(width);
    };
    column(doc.column_titles[ColId], 6);
    column(doc.column_titles[ColTitle], measure_width(ColTitle));
    column(doc.column_titles[ColProblems], 20);
    column(tr("Problem IDs"), 9);
    column(doc.column_titles[ColCauses], 20);
    column(tr("Cause IDs"), 9);
    for (Column c : kMeasureDetailColumns) {
        if (c == ColLight) t.light_column = t.headers.size();
        column(doc.column_titles[c], measure_width(c));
    }
    std::map<std::int64_t, std::string> problem_labels;
    for (const auto& s : doc.sections) problem_labels[s.id] = s.label;
    for (const MeasureRow& row : doc.rows) {
        std::vector<std::string> problems;
        for (auto id : row.problem_ids) problems.push_back(problem_labels[id]);
        std::vector<Cell> cells{Cell::of_id(row.id), Cell::of_text(row.cell(ColTitle)),
                                Cell::of_text(join_labels(problems, "; ")), Cell::of_text(ids_text(row.problem_ids)),
                                Cell::of_text(row.cell(ColCauses)), Cell::of_text(ids_text(row.cause_ids))};
        for (Column c : kMeasureDetailColumns)
            cells.push_back(c == ColStart || c == ColDue ? Cell::of_date(row.cell(c)) : Cell::of_text(row.cell(c)));
        t.rows.push_back(std::move(cells));
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
                          Cell::of_date(line.date), Cell::of_text(line.from), Cell::of_text(line.to),
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
    throw std::invalid_argument(fmt::format("unknown table '{}'", key));
}

}  // namespace kartla::action_plan::exporting
