#pragma once
// The core's side of redacted reading (RedactedReading in kartla/export_file.hpp):
// a text filter per SQLite connection that Statement::text applies, and the
// mark it leaves on the workshop's revision.
#include "kartla/workshop.hpp"

#include <functional>
#include <string>

struct sqlite3;

namespace kartla::detail {

using TextFilter = std::function<std::string(std::string)>;

// Every Statement::text on `connection` returns filter(text) while one is set;
// an empty filter removes it.
void set_text_filter(sqlite3* connection, TextFilter filter);
bool has_text_filter(sqlite3* connection);

// Sets or clears a mark on the revision (its top bit, which the revision
// counter never reaches), so state cached from the file under one reading is
// never taken for the other, and cached before comes back valid after.
void mark_redacted_revision(Workshop& workshop, bool redacted);

}  // namespace kartla::detail
