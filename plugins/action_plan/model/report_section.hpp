#pragma once
// The action plan's part of the workshop report: the measures grouped by the
// problem they address (prioritised problems first, then measures without a
// problem), the same grouping as the plan's own exports.
#include "plan.hpp"

#include "kartla/document.hpp"

namespace kartla::action_plan {

kartla::doc::Section report_section(kartla::Workshop& workshop, const EntitySelect& select, const Translate& tr);

}  // namespace kartla::action_plan
