#pragma once
// What problem_map publishes for other plugins (action plan, actor map):
//   "problem" {prioritised "1"/"0", category, severity "1".."5" ("" if not assessed),
//              trend, area, rank ("" without dots)}
//   "cause"   {problem_id, parent_id ("" for a direct cause), nature, factor}
#include "queries.hpp"

#include "kartla/plugin_api.hpp"

namespace kartla::problem_map {

// Attributes hold stable values, never the reader's language: codes ("rising"),
// and English msgids or the facilitator's own names, which readers translate.
std::vector<Entity> problem_entities(const Snapshot& s);
// The English msgid of a trend code ("rising" → "Rising"); "" for no trend.
const char* trend_msgid(const std::string& trend);
std::vector<Entity> cause_entities(const Snapshot& s);
Entity problem_entity(const Card& card, const Category* category, const Area* area, int rank);
Entity cause_entity(const Cause& cause);

// The entities above that match a filter, in the same order, read from the
// tables without loading the whole snapshot (issue 15: an export of the plan on
// a board of 50,000 cards reads only the cards it names). Filters by id, and by
// "prioritised" (problems) or "problem_id" (causes); any other key reads the snapshot.
std::vector<Entity> select_problems(Database& db, const EntityFilter& filter);
std::vector<Entity> select_causes(Database& db, const EntityFilter& filter);

}  // namespace kartla::problem_map
