#include "plan.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_set>

namespace kartla::action_plan {

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

// Causes are published with their problem and parent as attribute text; the
// tree is walked by that text, as it was published.
std::string cause_key(const std::string& problem, const std::string& parent) { return problem + '\x1f' + parent; }

}  // namespace

struct PlanIndex {
    // What the index was built from; a Plan whose vectors were replaced builds a new one.
    const Measure* measures_data = nullptr;
    std::size_t measures_size = 0;
    const StatusChange* log_data = nullptr;
    std::size_t log_size = 0;
    const Entity* problems_data = nullptr;
    std::size_t problems_size = 0;
    const Entity* causes_data = nullptr;
    std::size_t causes_size = 0;

    std::unordered_map<std::int64_t, std::size_t> measure_by_id;  // first measure with the id
    std::unordered_map<std::int64_t, std::vector<std::size_t>> log_by_measure;
    std::unordered_map<std::int64_t, std::vector<std::size_t>> measures_by_problem, measures_by_cause;
    std::unordered_map<std::string, std::vector<std::size_t>> cause_children;  // cause_key(problem, parent)
    std::unordered_map<std::string, std::vector<std::size_t>> causes_by_problem;
    std::vector<std::size_t> prioritised;  // positions in problems.items, in rank order

    bool built_from(const Plan& plan) const {
        return measures_data == plan.measures.data() && measures_size == plan.measures.size() &&
               log_data == plan.log.data() && log_size == plan.log.size() &&
               problems_data == plan.problems.items.data() && problems_size == plan.problems.items.size() &&
               causes_data == plan.causes.items.data() && causes_size == plan.causes.items.size();
    }
};

namespace {

// Each measure once per id it lists, in plan order, even if it lists the id twice.
void add_once(std::vector<std::size_t>& positions, std::size_t position) {
    if (positions.empty() || positions.back() != position) positions.push_back(position);
}

std::shared_ptr<const PlanIndex> build_index(const Plan& plan) {
    auto ix = std::make_shared<PlanIndex>();
    ix->measures_data = plan.measures.data();
    ix->measures_size = plan.measures.size();
    ix->log_data = plan.log.data();
    ix->log_size = plan.log.size();
    ix->problems_data = plan.problems.items.data();
    ix->problems_size = plan.problems.items.size();
    ix->causes_data = plan.causes.items.data();
    ix->causes_size = plan.causes.items.size();
    for (std::size_t i = 0; i < plan.measures.size(); ++i) {
        const Measure& m = plan.measures[i];
        ix->measure_by_id.emplace(m.id, i);
        for (auto id : m.problem_ids) add_once(ix->measures_by_problem[id], i);
        for (auto id : m.cause_ids) add_once(ix->measures_by_cause[id], i);
    }
    for (std::size_t i = 0; i < plan.log.size(); ++i) ix->log_by_measure[plan.log[i].measure_id].push_back(i);
    for (std::size_t i = 0; i < plan.causes.items.size(); ++i) {
        const Entity& cause = plan.causes.items[i];
        const std::string problem = cause.attribute("problem_id");
        ix->cause_children[cause_key(problem, cause.attribute("parent_id"))].push_back(i);
        ix->causes_by_problem[problem].push_back(i);
    }
    std::vector<std::pair<int, std::size_t>> ranked;
    for (std::size_t i = 0; i < plan.problems.items.size(); ++i)
        if (plan.problems.items[i].attribute("prioritised") == "1") ranked.emplace_back(rank_of(plan.problems.items[i]), i);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& entry : ranked) ix->prioritised.push_back(entry.second);
    return ix;
}

template <typename T>
std::vector<const T*> pointers(const std::vector<T>& items, const std::vector<std::size_t>* positions) {
    std::vector<const T*> out;
    if (!positions) return out;
    out.reserve(positions->size());
    for (auto i : *positions) out.push_back(&items[i]);
    return out;
}

template <typename Map, typename Key>
const std::vector<std::size_t>* lookup(const Map& map, const Key& key) {
    auto found = map.find(key);
    return found == map.end() ? nullptr : &found->second;
}

}  // namespace

const Entity* Related::find(std::int64_t id) const {
    if (by_id_.data != items.data() || by_id_.size != items.size()) {
        by_id_.positions.clear();
        by_id_.positions.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) by_id_.positions.emplace(items[i].id, i);  // the first one wins
        by_id_.data = items.data();
        by_id_.size = items.size();
    }
    auto found = by_id_.positions.find(id);
    return found == by_id_.positions.end() ? nullptr : &items[found->second];
}

const PlanIndex& Plan::index() const {
    if (!index_ || !index_->built_from(*this)) index_ = build_index(*this);
    return *index_;
}

const Measure* Plan::measure(std::int64_t id) const {
    auto found = index().measure_by_id.find(id);
    return found == index().measure_by_id.end() ? nullptr : &measures[found->second];
}

std::vector<const StatusChange*> Plan::log_of(std::int64_t measure_id) const {
    return pointers(log, lookup(index().log_by_measure, measure_id));
}

std::vector<const Entity*> Plan::prioritised_problems() const { return pointers(problems.items, &index().prioritised); }

std::vector<std::pair<const Entity*, int>> Plan::causes_of(std::int64_t problem_id) const {
    const PlanIndex& ix = index();
    std::vector<std::pair<const Entity*, int>> out;
    std::unordered_set<std::size_t> seen;
    const std::string problem = std::to_string(problem_id);
    // Depth-first from the direct causes; the depth limit guards against a cycle in foreign data.
    std::function<void(const std::string&, int)> walk = [&](const std::string& parent, int depth) {
        if (depth > 12) return;
        const auto* children = lookup(ix.cause_children, cause_key(problem, parent));
        if (!children) return;
        for (auto i : *children) {
            out.emplace_back(&causes.items[i], depth);
            seen.insert(i);
            walk(std::to_string(causes.items[i].id), depth + 1);
        }
    };
    walk("", 0);
    // Causes whose parent is missing still belong to the problem.
    if (const auto* all = lookup(ix.causes_by_problem, problem))
        for (auto i : *all)
            if (!seen.count(i)) out.emplace_back(&causes.items[i], 0);
    return out;
}

std::vector<const Measure*> Plan::measures_addressing_problem(std::int64_t problem_id) const {
    return pointers(measures, lookup(index().measures_by_problem, problem_id));
}

std::vector<const Measure*> Plan::measures_addressing_cause(std::int64_t cause_id) const {
    return pointers(measures, lookup(index().measures_by_cause, cause_id));
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
    const kartla::EntitySource stand_in = [&](std::string_view kind, bool* available) {
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
    };
    plan.coverage = kartla::coverage::compute(db, stand_in);
    plan.unconnected_actors = kartla::coverage::unconnected_actors(db, stand_in);
    return plan;
}

using kartla::EntitySelect;
using kartla::select_from;
Plan load_plan_for_export(Database& db, const EntitySelect& select) {
    Plan plan;
    plan.measures = load_measures(db);
    plan.log = load_status_log(db);
    if (!select) return plan;
    kartla::EntityFilter causes_named, problems, actors;
    for (const auto& m : plan.measures) {
        causes_named.ids.insert(causes_named.ids.end(), m.cause_ids.begin(), m.cause_ids.end());
        problems.ids.insert(problems.ids.end(), m.problem_ids.begin(), m.problem_ids.end());
        if (m.owner_id) actors.ids.push_back(m.owner_id);
        actors.ids.insert(actors.ids.end(), m.partner_ids.begin(), m.partner_ids.end());
    }
    // A measure aimed at a cause belongs under that cause's problem too.
    for (const auto& cause : select("cause", causes_named, nullptr)) {
        try {
            problems.ids.push_back(std::stoll(cause.attribute("problem_id")));
        } catch (const std::exception&) {
        }
    }
    problems.key = "prioritised";
    problems.values = {"1"};
    plan.problems.items = select("problem", problems, &plan.problems.available);
    // Every problem that can get a section, with its whole cause tree.
    kartla::EntityFilter causes = causes_named;
    causes.key = "problem_id";
    for (auto id : problems.ids) causes.values.push_back(std::to_string(id));
    for (const auto& p : plan.problems.items) causes.values.push_back(std::to_string(p.id));
    plan.causes.items = select("cause", causes, &plan.causes.available);
    plan.actors.items = select("actor", actors, &plan.actors.available);
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

std::string rank_prefix(const Plan& plan, const Entity& problem, const Translate& tr) {
    const std::string rank = problem.attribute("rank");
    if (rank.empty()) return {};
    const auto prioritised = plan.prioritised_problems();
    const auto sharing = std::count_if(prioritised.begin(), prioritised.end(),
                                       [&](const Entity* other) { return other->attribute("rank") == rank; });
    if (sharing > 1) return fmt::format(fmt::runtime(tr("Shared place {} ·")), rank);
    return rank + ".";
}

}  // namespace kartla::action_plan
