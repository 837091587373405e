#pragma once
// Every row of every table of a workshop, sorted, each value typed by quote():
// two workshops with the same dump hold the same. The file's history
// (core_history) is left out: it records how the content came to be, so undo
// and redo add to it, and two copies merged either way round differ in it.
#include "kartla/database.hpp"

#include <string>

namespace kartla::test {

std::string content_dump(Database& db);

}  // namespace kartla::test
