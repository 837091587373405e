#pragma once
// The core's side of redacted reading (RedactedReading in exports/export_run.hpp):
// a text filter per SQLite connection that Statement::text applies, and the
// mark it leaves on the workshop's revision.
#include "kartla/workshop.hpp"

#include <functional>
#include <string>
#include <utility>

namespace kartla::detail {

using TextFilter = std::function<std::string(std::string)>;

// Every Statement::text on `db`'s statements returns filter(text) while one is set;
// an empty filter removes it. The filter is the connection's own (Database).
struct TextFilterAccess {
    static void set(Database& db, TextFilter filter) { db.text_filter_ = std::move(filter); }
    static bool has(const Database& db) { return bool(db.text_filter_); }
};
inline void set_text_filter(Database& db, TextFilter filter) { TextFilterAccess::set(db, std::move(filter)); }
inline bool has_text_filter(const Database& db) { return TextFilterAccess::has(db); }

// Sets or clears a mark on the revision (its top bit, which the revision
// counter never reaches), so state cached from the file under one reading is
// never taken for the other, and cached before comes back valid after.
void mark_redacted_revision(Workshop& workshop, bool redacted);

}  // namespace kartla::detail
