#pragma once
#include <string>
#include <vector>

namespace kartla::problem_map {
// Forward migrations of the problem_map tables, one transaction each (Host::add_schema).
const std::vector<std::string>& migrations();
}  // namespace kartla::problem_map
