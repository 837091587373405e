#pragma once
// What the follow-up's tables and fields are called where the host shows rows
// of them (a merge's conflicts): msgids of this plugin's catalogue (Host::add_table_names).
#include "kartla/table_names.hpp"

#include <vector>

namespace kartla::follow_up {

std::vector<TableNames> table_names();

}  // namespace kartla::follow_up
