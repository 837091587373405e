#pragma once
// The action plan's entries in the core's export registry (File > Export and
// `kartla export`). Other plugins add their own formats the same way.
#include "../plan.hpp"

#include "kartla/plugin_api.hpp"

#include <vector>

namespace action_plan::exporting {

std::vector<kartla::ExportSpec> export_specs(EntitySource source, Translate tr);

}  // namespace action_plan::exporting
