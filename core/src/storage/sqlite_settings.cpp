#include "storage/sqlite_settings.hpp"

#include "storage/wal_owner.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cctype>
#include <cstring>
#include <filesystem>

namespace kartla::sqlite_settings {

void apply_defensive(Database& db) {
    sqlite3* handle = db.handle();
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // kartla's own schema has neither triggers nor views; a file's would be the
    // stranger's code, so they stay off on every connection (views since 3.31).
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
#ifdef SQLITE_DBCONFIG_ENABLE_VIEW
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
#endif
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, 50'000'000);
    sqlite3_busy_timeout(handle, 2000);
    db.exec("PRAGMA trusted_schema = OFF");
    db.exec("PRAGMA cell_size_check = ON");
    db.exec("PRAGMA mmap_size = 0");
    db.exec("PRAGMA foreign_keys = ON");
}

std::string read_only_uri(const std::filesystem::path& path) {
    std::string uri = "file:";
    for (unsigned char c : path.string()) {
        if (std::isalnum(c) || std::strchr("/-_.~", c)) uri += char(c);
        else uri += fmt::format("%{:02X}", c);
    }
    std::error_code ec;
    // A WAL that was not written for this file (wal_owner.hpp) is never read: the file is read as it is.
    bool live_wal = std::filesystem::exists(wal_owner::wal_of(path), ec) && wal_owner::belongs(path);
    return uri + (live_wal ? "?mode=ro" : "?mode=ro&immutable=1");
}

void apply_writer(Database& db, bool network_filesystem) {
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA synchronous = FULL");
    if (network_filesystem) {
        // WAL needs shared memory, which network file systems do not give.
        db.exec("PRAGMA locking_mode = EXCLUSIVE");
        db.exec("PRAGMA journal_mode = DELETE");
        // Take the lock now, not at the first edit: in exclusive mode a second
        // kartla that got in first would keep a shared lock for good, and every
        // edit here would then fail as "busy". This way the second one is told
        // "in use" when it opens the file.
        db.exec("BEGIN EXCLUSIVE; COMMIT");
    } else {
        db.exec("PRAGMA journal_mode = WAL");
    }
}

}  // namespace kartla::sqlite_settings
