#pragma once
// The action plan's entries in the core's export registry (File > Export and
// `kartla export`). Other plugins add their own formats the same way.
#include "../plan.hpp"

#include "kartla/plugin_api.hpp"

#include <vector>

namespace action_plan::exporting {

// `select` (Host::entities_where) fetches only the entities the plan refers to;
// without it they are listed through `source` and filtered.
std::vector<kartla::ExportSpec> export_specs(EntitySource source, Translate tr, EntitySelect select = {});

}  // namespace action_plan::exporting
