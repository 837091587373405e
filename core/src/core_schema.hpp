#pragma once
// The core's own tables. Each entry is one forward migration; entry i takes
// user_version from i to i + 1. Never edit a shipped entry: append a new one.
#include <cstdint>
#include <string>
#include <vector>

namespace kartla {
class Database;
}

namespace kartla::core_schema {
const std::vector<std::string>& migrations();
// For a file at `version`: the first core table of that version that lacks a
// column the core reads (a tampered or damaged file), as a message; empty when all are there.
std::string shape_problem(Database& db, std::int64_t version);
}
