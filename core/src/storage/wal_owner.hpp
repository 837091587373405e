#pragma once
// Which database file a -wal beside it was written for.
//
// SQLite opens "<file>-wal" by name and applies every valid frame in it to
// whatever file has that name now: the WAL's header (magic, page size,
// checkpoint sequence, salts) and its frames (page number, size after commit,
// the same salts) say nothing about the database file they belong to. A sync
// client that renames a new file over the open one, a file deleted and another
// put in its place, or a -wal synced in from elsewhere would get the old
// session's pages mixed in. So while kartla writes a file it keeps a record
// beside it, "<file>-wal-owner": the identity (device, inode and birth time)
// of the database file the WAL is written for, and of the WAL file itself. A
// WAL that holds frames is applied only when that record names both files as
// they are now; otherwise it is set aside under a name no open picks up.
// docs/reliability.md ("A WAL belongs to one file") says why these and not
// SQLite's headers.
#include "kartla/workshop.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kartla::wal_owner {

// A file as the kernel knows it. The birth time tells a file from a later one
// that was given the inode number a deleted file had; it is 0 on a file system
// that keeps none (then device and inode alone decide).
struct FileId {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t born_sec = 0;
    std::uint32_t born_nsec = 0;
    bool operator==(const FileId&) const = default;
};
std::optional<FileId> identify(const std::filesystem::path& path);

struct Record {
    FileId database;
    std::optional<FileId> wal;  // not yet when SQLite had not made the WAL at the first claim
};

std::filesystem::path wal_of(const std::filesystem::path& database);
std::filesystem::path shm_of(const std::filesystem::path& database);
std::filesystem::path record_of(const std::filesystem::path& database);

// Whether the -wal beside `database` may be applied to it: there is none, it
// is too short to hold a frame, or the record beside it names this very file
// and this very WAL. Reads only the file system, so it is asked before SQLite
// opens the file.
bool belongs(const std::filesystem::path& database);

// Moves the -wal beside `database` out of SQLite's way, renamed (never deleted)
// to "<file>-wal-set-aside-<date and time>", and removes its -shm (an index
// SQLite rebuilds from a WAL; it holds no change of its own) and the record.
// Returns the new name, or nothing with `error` set.
std::optional<std::filesystem::path> set_aside(const std::filesystem::path& database, std::string& error);

// Writes the record for `database` as it is now, with its WAL when there is one
// (a temporary file renamed over the record, so a kill leaves the old or the new
// one). Nothing when it could not be written.
std::optional<Record> claim(const std::filesystem::path& database);

// Whether the -wal beside `database` is still the one `mine` records (not one
// made since by another open of the file now at that name).
bool wal_is_mine(const std::filesystem::path& database, const Record& mine);

// Removes the record when it is `mine` and no WAL with frames is left beside
// `database` to need it.
void release(const std::filesystem::path& database, const Record& mine);

}  // namespace kartla::wal_owner

namespace kartla {
// What a workshop that writes its file keeps of its record.
struct Workshop::WalClaim {
    wal_owner::Record record;
    bool let_go = false;                             // finished or set aside when the file went
    FileChange seen = FileChange::None;              // what made it let go
};
}  // namespace kartla
