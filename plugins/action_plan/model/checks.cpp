#include "checks.hpp"

#include "dates.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace kartla::action_plan {

namespace {

void measure_checks(const Plan& plan, const std::string& today, std::vector<Finding>& out) {
    for (const auto& m : plan.measures) {
        if (m.status == "cancelled") continue;
        if (m.owner_id == 0) out.push_back({CheckKind::MissingOwner, m.id});
        if (m.due.empty()) out.push_back({CheckKind::MissingDue, m.id});
        else if (!m.closed() && m.due < today) out.push_back({CheckKind::Overdue, m.id});
    }
}

// Whether a problem is covered is the core's rule (plan.coverage); only the
// causes without a measure are the plan's own question.
void coverage_checks(const Plan& plan, std::vector<Finding>& out) {
    std::set<std::int64_t> covered_causes;
    for (const auto& m : plan.measures)
        if (m.status != "cancelled") covered_causes.insert(m.cause_ids.begin(), m.cause_ids.end());
    for (const Entity* problem : plan.prioritised_problems())
        for (const auto& [cause, depth] : plan.causes_of(problem->id))
            if (!covered_causes.count(cause->id)) out.push_back({CheckKind::UncoveredCause, 0, cause->id});
    for (const auto& p : plan.coverage.problems)
        if (p.gap != kartla::coverage::Gap::None) {
            Finding f{CheckKind::ProblemGap, 0, p.problem.id};
            f.gap = p.gap;
            out.push_back(f);
        }
    for (const auto& actor : plan.unconnected_actors) out.push_back({CheckKind::UnconnectedActor, 0, actor.id});
}

void workload_checks(const Plan& plan, int threshold, std::vector<Finding>& out) {
    std::map<std::pair<std::int64_t, std::string>, int> due_per_owner_month;
    for (const auto& m : plan.measures) {
        const std::string month = dates::month_of(m.due);
        if (m.owner_id != 0 && !month.empty() && !m.closed()) ++due_per_owner_month[{m.owner_id, month}];
    }
    for (const auto& [key, count] : due_per_owner_month)
        if (count >= threshold) out.push_back({CheckKind::OwnerOverloaded, 0, key.first, key.second, count});
}

}  // namespace

std::vector<Finding> run_checks(const Plan& plan, const std::string& today, int overload_threshold) {
    std::vector<Finding> out;
    measure_checks(plan, today, out);
    coverage_checks(plan, out);
    workload_checks(plan, overload_threshold, out);
    return out;
}

std::vector<const Finding*> findings_for_measure(const std::vector<Finding>& findings, const Measure& m) {
    std::vector<const Finding*> out;
    for (const auto& f : findings) {
        // An overloaded owner shows on each of the measures that make up the load.
        const bool part_of_load = f.kind == CheckKind::OwnerOverloaded && f.entity_id == m.owner_id && !m.closed() &&
                                  f.month == dates::month_of(m.due);
        if ((f.measure_id != 0 && f.measure_id == m.id) || part_of_load) out.push_back(&f);
    }
    return out;
}

std::string finding_text(const Finding& f, const Plan& plan, const Translate& tr) {
    auto title = [&] {
        const Measure* m = plan.measure(f.measure_id);
        return m ? m->title : std::string();
    };
    switch (f.kind) {
        case CheckKind::MissingOwner: return fmt::format("{}: {}", tr("No responsible owner"), title());
        case CheckKind::MissingDue: return fmt::format("{}: {}", tr("No due date"), title());
        case CheckKind::Overdue: {
            const Measure* m = plan.measure(f.measure_id);
            return fmt::format("{} ({}): {}", tr("Overdue"), m ? m->due : "", title());
        }
        case CheckKind::ProblemGap:
            return fmt::format("{}: {}", tr(kartla::coverage::gap_msgid(f.gap)), problem_label(plan, f.entity_id, tr));
        case CheckKind::UncoveredCause:
            return fmt::format("{}: {}", tr("Cause without a measure"), cause_label(plan, f.entity_id, tr));
        case CheckKind::OwnerOverloaded:
            return fmt::format("{}: {} ({} {} {})", tr("Many measures due in the same month"),
                               actor_label(plan, f.entity_id, tr), f.count, tr("due in"), f.month);
        case CheckKind::UnconnectedActor:
            return fmt::format("{}: {}", tr("No measure, problem or relation"), actor_label(plan, f.entity_id, tr));
    }
    return {};
}

const char* finding_short_msgid(CheckKind kind) {
    switch (kind) {
        case CheckKind::MissingOwner: return "No responsible owner";
        case CheckKind::MissingDue: return "No due date";
        case CheckKind::Overdue: return "Overdue";
        case CheckKind::OwnerOverloaded: return "Busy month for the owner";
        case CheckKind::ProblemGap: return "Prioritised problem with a gap";
        case CheckKind::UncoveredCause: return "Cause without a measure";
        case CheckKind::UnconnectedActor: return "No measure, problem or relation";
    }
    return "";
}

const char* check_kind_key(CheckKind kind) {
    switch (kind) {
        case CheckKind::MissingOwner: return "missing_owner";
        case CheckKind::MissingDue: return "missing_due";
        case CheckKind::ProblemGap: return "problem_gap";
        case CheckKind::UncoveredCause: return "uncovered_cause";
        case CheckKind::Overdue: return "overdue";
        case CheckKind::OwnerOverloaded: return "owner_overloaded";
        case CheckKind::UnconnectedActor: return "unconnected_actor";
    }
    return "";
}

}  // namespace kartla::action_plan
