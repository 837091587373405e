#include "plan.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace action_plan {

namespace {

Related fetch(const EntitySource& source, std::string_view kind) {
    Related related;
    if (source) related.items = source(kind, &related.available);
    return related;
}

int rank_of(const Entity& problem) {
    const std::string rank = problem.attribute("rank");
    if (rank.empty() || rank.size() > 6 || !std::all_of(rank.begin(), rank.end(), ::isdigit)) return 1 << 30;
    return std::stoi(rank);
}

template <typename Pred>
std::vector<const Measure*> measures_where(const Plan& plan, Pred pred) {
    std::vector<const Measure*> out;
    for (const auto& m : plan.measures)
        if (pred(m)) out.push_back(&m);
    return out;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

const Entity* Related::find(std::int64_t id) const {
    for (const auto& e : items)
        if (e.id == id) return &e;
    return nullptr;
}

const Measure* Plan::measure(std::int64_t id) const {
    for (const auto& m : measures)
        if (m.id == id) return &m;
    return nullptr;
}

std::vector<const StatusChange*> Plan::log_of(std::int64_t measure_id) const {
    std::vector<const StatusChange*> out;
    for (const auto& change : log)
        if (change.measure_id == measure_id) out.push_back(&change);
    return out;
}

std::vector<const Entity*> Plan::prioritised_problems() const {
    std::vector<const Entity*> out;
    for (const auto& p : problems.items)
        if (p.attribute("prioritised") == "1") out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](const Entity* a, const Entity* b) { return rank_of(*a) < rank_of(*b); });
    return out;
}

std::vector<std::pair<const Entity*, int>> Plan::causes_of(std::int64_t problem_id) const {
    std::vector<std::pair<const Entity*, int>> out;
    const std::string problem = std::to_string(problem_id);
    // Depth-first from the direct causes; the depth limit guards against a cycle in foreign data.
    std::function<void(const std::string&, int)> walk = [&](const std::string& parent, int depth) {
        if (depth > 12) return;
        for (const auto& cause : causes.items) {
            if (cause.attribute("problem_id") != problem || cause.attribute("parent_id") != parent) continue;
            out.emplace_back(&cause, depth);
            walk(std::to_string(cause.id), depth + 1);
        }
    };
    walk("", 0);
    // Causes whose parent is missing still belong to the problem.
    for (const auto& cause : causes.items) {
        if (cause.attribute("problem_id") != problem) continue;
        bool seen = std::any_of(out.begin(), out.end(), [&](const auto& entry) { return entry.first == &cause; });
        if (!seen) out.emplace_back(&cause, 0);
    }
    return out;
}

std::vector<const Measure*> Plan::measures_addressing_problem(std::int64_t problem_id) const {
    return measures_where(*this, [&](const Measure& m) { return contains(m.problem_ids, problem_id); });
}

std::vector<const Measure*> Plan::measures_addressing_cause(std::int64_t cause_id) const {
    return measures_where(*this, [&](const Measure& m) { return contains(m.cause_ids, cause_id); });
}

Plan load_plan(Database& db, const EntitySource& source) {
    Plan plan;
    plan.measures = load_measures(db);
    plan.log = load_status_log(db);
    plan.problems = fetch(source, "problem");
    plan.causes = fetch(source, "cause");
    plan.actors = fetch(source, "actor");
    // The plan's own measures and what was just fetched stand in for the host, so
    // the rule sees the measures even where no host publishes them (tests, CLI).
    plan.coverage = kartla::coverage::compute(db, [&](std::string_view kind, bool* available) {
        const Related* related = kind == "problem" ? &plan.problems
                                 : kind == "cause" ? &plan.causes
                                 : kind == "actor" ? &plan.actors
                                                   : nullptr;
        if (related) {
            if (available) *available = related->available;
            return related->items;
        }
        if (kind != "measure") return source ? source(kind, available) : std::vector<Entity>{};
        if (available) *available = true;
        std::vector<Entity> measures;
        for (const auto& m : plan.measures) measures.push_back({"measure", m.id, m.title, {{"status", m.status}}});
        return measures;
    });
    return plan;
}

std::string label_of(const Related& related, std::string_view kind_label, std::int64_t id, const Translate& tr) {
    if (const Entity* e = related.find(id)) return e->label;
    return fmt::format("{} #{} ({})", kind_label, id, tr("unavailable"));
}

std::string problem_label(const Plan& plan, std::int64_t id, const Translate& tr) {
    return label_of(plan.problems, tr("Problem"), id, tr);
}

std::string cause_label(const Plan& plan, std::int64_t id, const Translate& tr) {
    return label_of(plan.causes, tr("Cause"), id, tr);
}

std::string actor_label(const Plan& plan, std::int64_t id, const Translate& tr) {
    return id == 0 ? std::string() : label_of(plan.actors, tr("Actor"), id, tr);
}

std::string join_labels(const std::vector<std::string>& labels, std::string_view separator) {
    std::string out;
    for (const auto& label : labels) {
        if (!out.empty()) out += separator;
        out += label;
    }
    return out;
}

std::string partners_text(const Plan& plan, const Measure& m, const Translate& tr) {
    std::vector<std::string> labels;
    for (auto id : m.partner_ids) labels.push_back(actor_label(plan, id, tr));
    return join_labels(labels);
}

const char* status_msgid(std::string_view s) {
    if (s == "proposed") return "Proposed";
    if (s == "decided") return "Decided";
    if (s == "in_progress") return "In progress";
    if (s == "done") return "Done";
    if (s == "paused") return "Paused";
    if (s == "cancelled") return "Cancelled";
    return "";
}

const char* light_msgid(std::string_view l) {
    if (l == "green") return "Green";
    if (l == "yellow") return "Yellow";
    if (l == "red") return "Red";
    return "";
}

const char* prevention_msgid(std::string_view k) {
    if (k == "situational") return "Situational prevention";
    if (k == "social") return "Social prevention";
    return "";
}

const char* goal_type_msgid(std::string_view g) {
    if (g == "outcome") return "Outcome goal";
    if (g == "process") return "Process goal";
    if (g == "output") return "Output goal";
    return "";
}

const char* effect_term_msgid(std::string_view t) {
    if (t == "short") return "Short term";
    if (t == "long") return "Long term";
    return "";
}

const char* priority_msgid(int p) {
    switch (p) {
        case 1: return "High";
        case 2: return "Medium";
        case 3: return "Low";
        default: return "";
    }
}

const char* light_symbol(std::string_view l) {
    if (l == "green") return "\u25CF";   // ● on track
    if (l == "yellow") return "\u25B2";  // ▲ at risk
    if (l == "red") return "\u25A0";     // ■ off track
    return "";
}

const char* status_symbol(std::string_view s) {
    if (s == "proposed") return "\u25CB";     // ○
    if (s == "decided") return "\u25D4";      // ◔
    if (s == "in_progress") return "\u25D1";  // ◑
    if (s == "done") return "\u2714";         // ✔
    if (s == "paused") return "\u2016";       // ‖
    if (s == "cancelled") return "\u2715";    // ✕
    return "";
}

namespace {

std::string symbol_and_word(const char* symbol, const char* msgid, const Translate& tr) {
    if (!*msgid) return "";
    return std::string(symbol) + " " + tr(msgid);
}

}  // namespace

std::string light_words(std::string_view light, const Translate& tr) {
    return symbol_and_word(light_symbol(light), light_msgid(light), tr);
}

std::string status_words(std::string_view status, const Translate& tr) {
    return symbol_and_word(status_symbol(status), status_msgid(status), tr);
}

const char* ordinary_work_msgid(bool ordinary) { return ordinary ? "Part of ordinary work" : "One-off"; }

}  // namespace action_plan
