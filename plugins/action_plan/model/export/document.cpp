#include "document.hpp"

#include "../dates.hpp"
#include "kartla/core_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace kartla::action_plan::exporting {

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
        std::string line = fmt::format("{} {}", change->date, status_words(change->to_status, tr));
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
    row.cause_ids = m.cause_ids;
    row.problem_ids = problems_of(plan, m);
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
                 status_words(m.status, tr),
                 light_words(m.light, tr),
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
        std::int64_t parent = 0;
        try {
            parent = std::stoll(cause->attribute("parent_id"));
        } catch (const std::exception&) {  // "" for a direct cause
        }
        section.causes.push_back({cause->id, parent, cause->label, word(tr, nature_msgid), depth});
    }
    return section;
}

std::vector<ActorLine> actor_lines(const Plan& plan, const Translate& tr) {
    std::vector<ActorLine> out;
    std::unordered_map<std::int64_t, std::size_t> line_of;  // one pass over the measures, not one per actor
    for (const Entity& actor : plan.actors.items) {
        ActorLine line{actor.id, actor.label, {}, {}, {}};
        const std::string type = actor.attribute("type_label");
        if (!type.empty()) line.type = tr(type.c_str());
        line_of.emplace(actor.id, out.size());
        out.push_back(std::move(line));
    }
    for (const auto& m : plan.measures) {
        if (auto it = line_of.find(m.owner_id); it != line_of.end()) out[it->second].responsible_for.push_back(m.title);
        for (auto partner : m.partner_ids)
            if (auto it = line_of.find(partner); it != line_of.end()) out[it->second].partner_in.push_back(m.title);
    }
    return out;
}

std::vector<LogLine> log_lines(const Plan& plan, const Translate& tr) {
    std::vector<LogLine> out;
    for (const StatusChange& change : plan.log) {
        const Measure* m = plan.measure(change.measure_id);
        out.push_back({change.id, change.measure_id, m ? m->title : std::string(), change.date,
                       status_words(change.from_status, tr), status_words(change.to_status, tr),
                       change.note, change.from_status, change.to_status});
    }
    return out;
}

}  // namespace

Document build_document(kartla::Workshop& workshop, const Plan& plan, const kartla::ExportOptions& options,
                        const Translate& tr) {
    auto& db = workshop.db();
    Document doc;
    doc.tr = tr;
    doc.header = {cd::meta(db, "title"), cd::meta(db, "organisation"), cd::meta(db, "date"), cd::meta(db, "place"),
                  cd::organisations(db), dates::today(), options.notices};
    doc.workshop_uid = workshop_uid(db);
    doc.language = std::string(tr("Action plan")) != "Action plan" ? "sv" : "en";  // as the report tells
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
    doc.actors = actor_lines(plan, tr);
    doc.log = log_lines(plan, tr);
    for (const auto& meeting : cd::meetings(db))
        if (meeting.kind == "follow_up") doc.follow_ups.push_back({meeting.id, meeting.title, meeting.date, meeting.place});

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
    std::vector<std::pair<const char*, std::string>> out{{"Organisation", organisation},
                                                          {"Date", date},
                                                          {"Place", place},
                                                          {"Participating organisations", taking_part},
                                                          {"Exported", exported}};
    for (const auto& notice : notices) out.emplace_back("Please note", notice);
    return out;
}

}  // namespace kartla::action_plan::exporting
