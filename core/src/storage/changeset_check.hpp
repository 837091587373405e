#pragma once
// Whether bytes are a changeset in SQLite's format, read to the end without
// SQLite: SQLite 3.40's own reader loops for ever on some malformed bytes (a
// table name without its terminating NUL), and a copy of a workshop is a file
// from someone else, so its history is checked before SQLite reads it.
#include <vector>

namespace kartla::storage {

bool changeset_well_formed(const std::vector<unsigned char>& bytes);

}  // namespace kartla::storage
