#pragma once
// The trust boundary of a workshop file: its sqlite_schema must hold exactly
// the objects that the core's and the loaded plugins' migrations create, up to
// the versions the file records. Anything else (a trigger, a view, a virtual
// table, an unknown table or index, a known table declared otherwise) is
// foreign, and the file is refused before anything else reads it.
//
// Tables of a plugin the file records but that is not loaded (or is older than
// the file) cannot be verified. They are accepted only as plain tables and
// indexes named with that plugin's prefix, and every connection keeps them out
// of every statement (guard_tables): they read as NULL and cannot be written,
// so no expression of theirs runs and kartla never changes them.
#include "kartla/workshop.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::schema_guard {

struct Object {
    std::string type;   // table, index, trigger, view
    std::string name;
    std::string table;  // tbl_name
    std::string sql;    // empty for SQLite's automatic indexes
    bool virtual_table() const;
};

struct Foreign {
    Object object;
    bool redeclared = false;  // a name kartla creates, declared otherwise
};

struct Report {
    std::vector<Foreign> foreign;                // refuse the file
    std::vector<std::string> missing;            // kartla creates it, the file lacks it: damaged
    std::vector<std::string> unverified_tables;  // of plugins not loaded: guard them
    std::vector<Object> expected;                // what kartla's migrations create, in creation order
    bool clean() const { return foreign.empty(); }
};

// A plugin id a file names in core_plugin_schema that can own tables: lower-case
// letters, digits and underscores, never the core's or SQLite's own prefix.
// Only such an id's prefixed tables open unverified, and only such an id is
// named as a part whose plugin is not installed.
KARTLA_API bool plausible_plugin_id(std::string_view id);

// Compares `file`'s schema with what kartla creates. Reads no table before its
// declaration is verified. Throws SqliteError when the file cannot be read.
KARTLA_API Report inspect(Database& file, const SchemaCatalog& known);

// "{file}: this file contains a trigger `evil` that kartla did not create; it was not opened"
KARTLA_API std::string refusal(const Report& report, std::string_view file);

// Keeps `tables` out of every statement on `db` (an SQLite authorizer): reading
// their columns gives NULL, writing them (foreign-key actions too) is refused.
// The returned guard must outlive the connection.
std::shared_ptr<const void> guard_tables(Database& db, const std::vector<std::string>& tables);

// PRAGMA quick_check, without running the CHECK constraints of unverified tables.
std::string quick_check(Database& db, const Report& report);

// SQL text compared without comments, with runs of white space as one space and
// letters outside quotes in lower case.
KARTLA_API std::string normalise_sql(std::string_view sql);

// `name-cleaned.kartla` beside `source` (or -2, -3, ... when taken).
KARTLA_API std::filesystem::path cleaned_copy_name(const std::filesystem::path& source);

// Writes a copy of `source` to `target` through the backup API, then removes the
// foreign objects from the copy (triggers off, no module code run): foreign
// objects are dropped, a re-declared known table is rebuilt as kartla declares
// it with the data of its ordinary columns. `source` is only read. Returns an
// error message, or empty when the copy is written and passes inspection.
KARTLA_API std::string write_cleaned_copy(const std::filesystem::path& source, const std::filesystem::path& target,
                                          const SchemaCatalog& known);

}  // namespace kartla::schema_guard
