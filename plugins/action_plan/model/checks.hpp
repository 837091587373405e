#pragma once
// Live checks on the action plan: the gaps a facilitator should close before
// the meeting ends. Pure functions of a Plan and today's date.
#include "plan.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kartla::action_plan {

enum class CheckKind {
    MissingOwner,      // a measure without a responsible actor
    MissingDue,        // a measure without a due date
    ProblemGap,        // a prioritised problem with a coverage gap (kartla::coverage), its kind in `gap`
    UncoveredCause,    // a cause of a prioritised problem no measure addresses
    Overdue,           // due before today and not done or cancelled
    OwnerOverloaded,   // an owner with many open measures due in the same month
    UnconnectedActor,  // an actor with no measure, no problem and no relation (kartla::coverage)
};

struct Finding {
    CheckKind kind;
    std::int64_t measure_id = 0;  // for measure findings
    std::int64_t entity_id = 0;   // problem, cause, owner or unconnected actor
    std::string month;            // OwnerOverloaded: "2026-05"
    int count = 0;                // OwnerOverloaded: how many
    kartla::coverage::Gap gap = kartla::coverage::Gap::None;  // ProblemGap: which kind
};

// How many open measures due in one month make an owner "overloaded".
inline constexpr int kOverloadThreshold = 3;

std::vector<Finding> run_checks(const Plan& plan, const std::string& today, int overload_threshold = kOverloadThreshold);
std::vector<const Finding*> findings_for_measure(const std::vector<Finding>& findings, const Measure& measure);
std::string finding_text(const Finding& finding, const Plan& plan, const Translate& tr);
const char* check_kind_key(CheckKind kind);
// A few words for a card: "Overdue", "No due date"...
const char* finding_short_msgid(CheckKind kind);

}  // namespace kartla::action_plan
