#pragma once
// What the actor map's tables and fields are called where the host shows rows
// of them (a merge's conflicts): msgids of this plugin's catalogue (Host::add_table_names).
#include "kartla/table_names.hpp"

#include <vector>

namespace kartla::actor_map {

std::vector<TableNames> table_names();

}  // namespace kartla::actor_map
