#pragma once
#include "kartla/database.hpp"

namespace kartla::sqlite_settings {
// For every connection, reader or writer: the file may be hostile.
void apply_defensive(Database& db);
// For the connection that edits: durability and privacy of deleted text.
void apply_writer(Database& db, bool network_filesystem);
}  // namespace kartla::sqlite_settings
