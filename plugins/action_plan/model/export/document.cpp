#include "document.hpp"

#include "../dates.hpp"
#include "kartla/core_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace action_plan::exporting {

namespace cd = kartla::core_data;

namespace {

constexpr const char* kColumnMsgids[ColumnCount] = {
    "ID",         "Measure",   "Description",         "Problems",        "Causes",    "Kind",       "Form",
    "Goal type",  "Operational goal", "Responsible",  "Partners",        "Start",     "Due",        "Resources",
    "Cost",       "Effect term",      "Expected effect", "Indicator",    "Baseline",  "Follow-up method", "Priority",
    "Status",     "Follow-up light",  "Follow-up comment", "Status log"};

std::string word(const Translate& tr, const char* msgid) { return *msgid ? tr(msgid) : std::string(); }

// Problems a measure belongs under: those it addresses, and those of the causes it addresses.
std::vector<std::int64_t> problems_of(const Plan& plan, const Measure& m) {
    std::vector<std::int64_t> out = m.problem_ids;
    for (auto cause_id : m.cause_ids) {
        const Entity* cause = plan.causes.find(cause_id);
        if (!cause) continue;
        try {
            const auto problem = std::stoll(cause->attribute("problem_id"));
            if (std::find(out.begin(), out.end(), problem) == out.end()) out.push_back(problem);
        } catch (const std::exception&) {
        }
    }
    return out;
}

std::string status_log_text(const Plan& plan, const Measure& m, const Translate& tr) {
    std::vector<std::string> lines;
    for (const StatusChange* change : plan.log_of(m.id)) {
        std::string line = fmt::format("{} {}", change->date, word(tr, status_msgid(change->to_status)));
        if (!change->note.empty()) line += ": " + change->note;
        lines.push_back(line);
    }
    return join_labels(lines, "\n");
}

}  // namespace

const char* column_msgid(Column column) { return column < ColumnCount ? kColumnMsgids[column] : ""; }

MeasureRow measure_row(const Plan& plan, const Measure& m, const Translate& tr) {
    std::vector<std::string> problems, causes;
    for (auto id : m.problem_ids) problems.push_back(problem_label(plan, id, tr));
    for (auto id : m.cause_ids) causes.push_back(cause_label(plan, id, tr));
    MeasureRow row;
    row.id = m.id;
    row.status_key = m.status;
    row.light_key = m.light;
    row.start = m.start;
    row.due = m.due;
    row.cells = {std::to_string(m.id),
                 m.title,
                 m.description,
                 join_labels(problems, "; "),
                 join_labels(causes, "; "),
                 word(tr, prevention_msgid(m.prevention)),
                 word(tr, ordinary_work_msgid(m.ordinary_work)),
                 word(tr, goal_type_msgid(m.goal_type)),
                 m.goal,
                 actor_label(plan, m.owner_id, tr),
                 partners_text(plan, m, tr),
                 m.start,
                 m.due,
                 m.resources,
                 m.cost,
                 word(tr, effect_term_msgid(m.effect_term)),
                 m.expected_effect,
                 m.indicator,
                 m.baseline,
                 m.follow_up_method,
                 word(tr, priority_msgid(m.priority)),
                 word(tr, status_msgid(m.status)),
                 word(tr, light_msgid(m.light)),
                 m.light_comment,
                 status_log_text(plan, m, tr)};
    return row;
}

namespace {

ProblemSection make_section(const Plan& plan, std::int64_t problem_id, const Translate& tr) {
    ProblemSection section;
    section.id = problem_id;
    section.label = problem_label(plan, problem_id, tr);
    if (const Entity* p = plan.problems.find(problem_id)) {
        section.rank = p->attribute("rank");
        section.prioritised = p->attribute("prioritised") == "1";
    }
    for (const auto& [cause, depth] : plan.causes_of(problem_id)) {
        const std::string nature = cause->attribute("nature");
        const char* nature_msgid = nature == "situational" ? "situational" : nature == "social" ? "social" : "";
        section.causes.push_back({cause->id, cause->label, word(tr, nature_msgid), depth});
    }
    return section;
}

}  // namespace

Document build_document(kartla::Workshop& workshop, const Plan& plan, const kartla::ExportOptions& /*options*/,
                        const Translate& tr) {
    auto& db = workshop.db();
    Document doc;
    doc.tr = tr;
    doc.header = {cd::meta(db, "title"), cd::meta(db, "organisation"), cd::meta(db, "date"), cd::meta(db, "place"),
                  cd::organisations(db), dates::today()};
    doc.workshop_uid = workshop_uid(db);
    for (const char* msgid : kColumnMsgids) doc.column_titles.push_back(tr(msgid));

    // Prioritised problems first, then others that have measures; each problem's
    // rows gathered in one pass over the measures (not a pass per problem).
    std::vector<std::int64_t> order;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> rows_of;
    for (const Entity* p : plan.prioritised_problems()) {
        rows_of.try_emplace(p->id);
        order.push_back(p->id);
    }
    ProblemSection unlinked;
    unlinked.label = tr("Measures not linked to a problem");
    for (const auto& m : plan.measures) {
        const std::size_t row = doc.rows.size();
        doc.rows.push_back(measure_row(plan, m, tr));
        const auto problems = problems_of(plan, m);
        if (problems.empty()) unlinked.rows.push_back(row);
        for (auto id : problems) {
            auto [entry, added] = rows_of.try_emplace(id);
            if (added) order.push_back(id);
            if (entry->second.empty() || entry->second.back() != row) entry->second.push_back(row);
        }
    }
    for (auto problem_id : order) {
        ProblemSection section = make_section(plan, problem_id, tr);
        section.rows = rows_of[problem_id];
        doc.sections.push_back(std::move(section));
    }
    if (!unlinked.rows.empty()) doc.sections.push_back(std::move(unlinked));

    return doc;
}

Document build_document(kartla::Workshop& workshop, const EntitySource& source, const kartla::ExportOptions& options,
                        const Translate& tr) {
    return build_document(workshop, select_from(source), options, tr);
}

Document build_document(kartla::Workshop& workshop, const EntitySelect& select, const kartla::ExportOptions& options,
                        const Translate& tr) {
    return build_document(workshop, load_plan_for_export(workshop.db(), select), options, tr);
}

std::vector<std::pair<const char*, std::string>> Header::lines() const {
    std::string taking_part;
    for (const auto& o : organisations) taking_part += (taking_part.empty() ? "" : ", ") + o;
    return {{"Organisation", organisation},
            {"Date", date},
            {"Place", place},
            {"Participating organisations", taking_part},
            {"Exported", exported}};
}

}  // namespace action_plan::exporting
