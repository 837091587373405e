#pragma once
#include "kartla/database.hpp"

#include <filesystem>
#include <string>

namespace kartla::sqlite_settings {
// For every connection, reader or writer: the file may be hostile.
void apply_defensive(Database& db);
// A read-only URI. Without a -wal file beside it nobody is writing the file, so
// "immutable" lets SQLite read it without creating -wal/-shm files next to it.
std::string read_only_uri(const std::filesystem::path& path);
// For the connection that edits: durability and privacy of deleted text.
void apply_writer(Database& db, bool network_filesystem);
}  // namespace kartla::sqlite_settings
