#pragma once
// A problem's causes as the documents list them: direct causes, each followed
// by its underlying ones, indented by depth, each with its nature
// (situational/social) and, when asked, whether it is a risk factor or a
// missing protective factor. The report and the lägesbild share it.
#include "queries.hpp"

#include "kartla/document.hpp"

namespace kartla::problem_map {

doc::Bullets cause_list(const Snapshot& s, Id card, const Translate& tr, bool with_factors);

}  // namespace kartla::problem_map
