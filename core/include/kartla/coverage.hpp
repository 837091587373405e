#pragma once
// Who answers for each prioritised problem: the one place that decides whether
// the room has covered a problem, for every view, check, report and `kartla info`.
//
// It lives in the core because the answer needs two plugins' data that no
// plugin may see together: the actor map's "owns" links and the action plan's
// measures. It works over what plugins publish (Host::entities) and the core
// link table only:
//   actor   -owns->      problem   (actor_map: the actor takes responsibility)
//   measure -addresses-> problem | cause
//   measure -owner->     actor
//   cause.problem_id     the problem a cause (direct or underlying) belongs to
//
// Definitions, for a prioritised problem P:
//   owner          an actor with an "owns" link to P
//   measure for P  a measure, not cancelled, that addresses P or any cause of P
//   owned measure  a measure for P with an owner
//   covered        P has an owner, or at least one owned measure
// The gap list names one kind per problem that needs the room's attention:
//   NoOwnerNoMeasure      no owner and no measure: nobody answers for it (not covered)
//   MeasuresWithoutOwner  measures, but none has an owner: not covered
//   OwnerWithoutMeasure   an actor owns it but nothing is planned: covered, yet
//                         listed, since the plan is where the room promises action
// A problem with an owned measure, or with an owner and a measure, has no gap.
//
// A link counts while its far end exists. When no loaded plugin publishes a
// kind (e.g. the action plan is not loaded), stored links of that kind are
// trusted as they are, so a missing plugin never turns data into a false gap.
#include "kartla/database.hpp"
#include "kartla/api.hpp"
#include "kartla/entities.hpp"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace kartla::coverage {

enum class Gap { None, NoOwnerNoMeasure, MeasuresWithoutOwner, OwnerWithoutMeasure };

inline constexpr Gap kGapKinds[] = {Gap::NoOwnerNoMeasure, Gap::MeasuresWithoutOwner, Gap::OwnerWithoutMeasure};

struct ProblemCoverage {
    Entity problem;
    std::vector<std::int64_t> owners;          // actors owning the problem
    std::vector<std::int64_t> measures;        // measures for it (directly or through a cause)
    std::vector<std::int64_t> owned_measures;  // those of them with an owner
    Gap gap = Gap::None;

    bool covered() const { return !owners.empty() || !owned_measures.empty(); }
};

struct KARTLA_API Coverage {
    bool problems_available = false;     // some plugin publishes problems
    std::vector<ProblemCoverage> problems;  // prioritised ones, by rank then title

    const ProblemCoverage* find(std::int64_t problem_id) const;
    std::vector<const ProblemCoverage*> with_gap(Gap gap) const;
    std::vector<const ProblemCoverage*> uncovered() const;
    std::size_t gap_count() const;
};

// `entities` gives the small kinds whole (actors, measures, relations); `select`, when
// given, the few problems and causes the rule asks about (the prioritised problems, the
// causes measures address), so a board of 50,000 cards is not read for a handful.
// Without it, the rule reads those kinds whole from `entities`: one rule either way.
KARTLA_API Coverage compute(Database& db, const EntitySource& entities, const EntitySelect& select = {});

// Actors connected to none of the work, by name: the one answer for the gaps
// view, the network, the live checks, the reports and `kartla info`. An actor
// is connected when it
//   owns or takes part in a measure    measure -owner|partner-> actor, the measure not cancelled
//   owns or contributes to a problem   actor -owns|contributes-> problem
//   has a relation                     a published "relation" entity names it
//                                      (attributes from_actor_id, to_actor_id)
// Being only "affected" by a problem connects no one: the room asks who acts.
// As for coverage, a link counts while its far end exists, and stored links of
// a kind no loaded plugin publishes are trusted. Empty when no plugin publishes actors.
KARTLA_API std::vector<Entity> unconnected_actors(Database& db, const EntitySource& entities,
                                                  const EntitySelect& select = {});

// "no_owner_no_measure", "measures_without_owner", "owner_without_measure" (JSON keys).
KARTLA_API const char* gap_key(Gap gap);
// English msgid: "No owner and no measure", ...
KARTLA_API const char* gap_msgid(Gap gap);

}  // namespace kartla::coverage
