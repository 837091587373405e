#pragma once
// A snapshot of the whole action plan: the measures with their links and
// status log, plus the problems, causes and actors other plugins publish.
// Views and exporters read this; it is rebuilt when the workshop revision changes.
#include "measure.hpp"

#include "kartla/coverage.hpp"
#include "kartla/plugin_api.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::action_plan {

using kartla::Entity;
// Host::entities_where, or a stand-in; select_from() makes one from an EntitySource.
using kartla::EntitySelect;
using kartla::select_from;

struct Related {
    std::vector<Entity> items;
    bool available = false;  // a plugin publishes this kind
    // The first entity with this id, by a hash index built on first use.
    const Entity* find(std::int64_t id) const;

    // The index of find(): positions by id, rebuilt when `items` is replaced or resized.
    struct ById {
        const Entity* data = nullptr;
        std::size_t size = 0;
        std::unordered_map<std::int64_t, std::size_t> positions;
    };
    mutable ById by_id_{};
};

struct PlanIndex;

struct Plan {
    std::vector<Measure> measures;
    std::vector<StatusChange> log;
    Related problems, causes, actors;
    // Who answers for each prioritised problem: the core's one rule, shared with the actor map.
    kartla::coverage::Coverage coverage;
    // Actors connected to nothing, by the core's one rule (coverage::unconnected_actors).
    std::vector<Entity> unconnected_actors;

    const Measure* measure(std::int64_t id) const;
    std::vector<const StatusChange*> log_of(std::int64_t measure_id) const;
    // Prioritised problems in rank order (then the order the plugin gave).
    std::vector<const Entity*> prioritised_problems() const;
    // Causes of a problem as a tree walk: direct causes first, each followed by
    // its underlying causes; depth 0 for direct.
    std::vector<std::pair<const Entity*, int>> causes_of(std::int64_t problem_id) const;
    std::vector<const Measure*> measures_addressing_problem(std::int64_t problem_id) const;
    std::vector<const Measure*> measures_addressing_cause(std::int64_t cause_id) const;

    // Every question above is answered from indexes built once per snapshot
    // (measure → log, problem → causes, problem/cause → measures), never by a
    // search per item: an export of 2,000 measures on a 50,000-card board stays
    // linear. Built on first use and again if the vectors were replaced.
    const PlanIndex& index() const;
    mutable std::shared_ptr<const PlanIndex> index_{};
};

Plan load_plan(Database& db, const EntitySource& source);
// For an export: the same answers for every measure, but only the problems,
// causes and actors the measures refer to, the prioritised problems and the
// causes of all these are fetched, so the cost follows the plan, not the board.
Plan load_plan_for_export(Database& db, const EntitySelect& select);

// "Problem #7 (unavailable)" when the entity is missing or its plugin is not loaded,
// so a stored link is shown, never dropped.
std::string label_of(const Related& related, std::string_view kind_label, std::int64_t id, const Translate& tr);
std::string problem_label(const Plan& plan, std::int64_t id, const Translate& tr);
std::string cause_label(const Plan& plan, std::int64_t id, const Translate& tr);
std::string actor_label(const Plan& plan, std::int64_t id, const Translate& tr);  // "" for 0
// A prioritised problem's place as a reader takes it: "2." when it is its own,
// "Shared place 1 ·" (translated) when another prioritised problem has the same
// rank, so two headings "1." never read as a numbering gone wrong; "" unranked.
std::string rank_prefix(const Plan& plan, const Entity& problem, const Translate& tr);
std::string join_labels(const std::vector<std::string>& labels, std::string_view separator = ", ");
std::string partners_text(const Plan& plan, const Measure& m, const Translate& tr);

// English msgids of the enumerations, for tr().
const char* status_msgid(std::string_view status);
const char* light_msgid(std::string_view light);
const char* prevention_msgid(std::string_view kind);
const char* goal_type_msgid(std::string_view goal_type);
const char* effect_term_msgid(std::string_view term);
const char* priority_msgid(int priority);
const char* ordinary_work_msgid(bool ordinary_work);

// Colour is never the only carrier: each light and status has a shape of its
// own (● ▲ ■ for the lights), shown beside its word in every view and export,
// so a black-and-white print or a reader who does not see colour loses nothing.
const char* light_symbol(std::string_view light);    // "" when unset
const char* status_symbol(std::string_view status);  // "" when unknown
std::string light_words(std::string_view light, const Translate& tr);    // "▲ Yellow"; "" when unset
std::string status_words(std::string_view status, const Translate& tr);  // "◑ In progress"

}  // namespace kartla::action_plan
