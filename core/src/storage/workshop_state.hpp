#pragma once
// What a Workshop holds (kartla/workshop.hpp keeps one pointer to it, so that
// the SDK's class shows plugins no layout of the core's): the connection and
// the guard around it, the file as opened, the undo history.
#include "kartla/workshop.hpp"
#include "storage/wal_owner.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kartla {

struct Workshop::Change {
    EditLabel label;
    std::vector<unsigned char> changeset;
};

struct Workshop::State {
    // Keeps tables that could not be verified (a plugin not loaded) out of every
    // statement; declared before db so that it outlives the connection.
    std::shared_ptr<const void> schema_guard;
    std::unique_ptr<Database> db;
    std::filesystem::path path;
    StorageKind storage = StorageKind::Memory;
    int lock_fd = -1;
    int identity_fd = -1;          // the file as opened, to notice it moved or vanished
    std::uint64_t last_group = 0;  // the edit group of undo.back(), while it may grow
    std::uint64_t revision = 0;
    std::vector<Change> undo;
    std::vector<Change> redo;
    std::vector<std::string> guarded_tables;  // what schema_guard keeps out, for a copy's connection
    bool memory_copy = false;                 // read-only, upgraded in memory (migrate_plugin)
    // As this file was opened: the plugins' schema it trusts (what the open was
    // given and what migrate_plugin made since) and the advisory lock, for a copy.
    SchemaCatalog trusted;
    bool advisory_lock = false;
    std::unique_ptr<WalClaim> wal_claim;
    WalNote wal_note;
    // The rows each recent revision touched (changes_since), oldest first; each entry's
    // `before` is the previous one's `after`. Cleared when a change is not known row by row.
    struct RowLog {
        std::uint64_t before = 0, after = 0;
        std::vector<RowChange> rows;
    };
    std::vector<RowLog> row_log;
    // The connection's count of changed rows, and the file's data_version, after the last
    // logged change: a write that passed by edit() (a tool's raw SQL, another program)
    // moves them, and changes_since then answers nothing.
    std::int64_t logged_total_changes = -1, logged_data_version = -1;
};

}  // namespace kartla
