#pragma once
// The action plan's parts of the documents the law and Brå name (see
// kartla::DocumentKind): the åtgärdsplan (per prioritised problem, those
// without a measure yet too: causes and measures; then goals and indicators
// with baselines; then the follow-up plan) and the draft
// samverkansöverenskommelse (the problems in focus with their likely causes,
// measurable goals, follow-up and the period). Built from the plan as every
// export sees it (export/document.hpp).
#include "export/document.hpp"

#include "kartla/document.hpp"

namespace kartla::action_plan {

doc::Section measures_per_problem(const exporting::Document& plan);
doc::Section goals_and_indicators(const exporting::Document& plan);
doc::Section follow_up_plan(const exporting::Document& plan);

doc::Section problems_in_focus(const exporting::Document& plan);
doc::Section measurable_goals(const exporting::Document& plan);
doc::Section follow_up_and_period(const exporting::Document& plan);

}  // namespace kartla::action_plan
