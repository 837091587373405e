#pragma once
// The action plan's entries in the core's export registry (File > Export and
// `kartla export`). Other plugins add their own formats the same way.
#include "../plan.hpp"

#include "kartla/plugin_api.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kartla::action_plan::exporting {

// Says what an export wrote and left out ("14 tasks, ..."): Host::show_message,
// which the window shows and `kartla export` prints.
using Say = std::function<void(const std::string&)>;

// "csv" writes the measures; "csv-<table>" each other table, "csv-all" a folder of them all.
// `select` (Host::entities_where) fetches only the entities the plan refers to;
// without it they are listed through `source` and filtered.
std::vector<kartla::ExportSpec> export_specs(EntitySource source, Translate tr, EntitySelect select = {}, Say say = {});

}  // namespace kartla::action_plan::exporting
