// Opening a workshop: validate read-only first (header, then the schema
// allow-list before any table is read, then quick_check), then open for real
// with the defensive settings, check the schema again on that connection, pick
// the storage mode, take the advisory lock, migrate.
#include "storage/core_schema.hpp"
#include "kartla/workshop.hpp"
#include "storage/schema_guard.hpp"
#include "storage/sqlite_settings.hpp"
#include "storage/wal_owner.hpp"
#include "storage/redacted_reading.hpp"
#include "storage/workshop_state.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace kartla {

namespace fs = std::filesystem;

const char* open_problem_key(OpenProblem problem) {
    switch (problem) {
        case OpenProblem::NotFound: return "not_found";
        case OpenProblem::NotSqlite: return "not_sqlite";
        case OpenProblem::NotWorkshop: return "not_workshop";
        case OpenProblem::Corrupt: return "corrupt";
        case OpenProblem::NewerVersion: return "newer_version";
        case OpenProblem::InUse: return "in_use";
        case OpenProblem::CannotWrite: return "cannot_write";
        case OpenProblem::ForeignSchema: return "foreign_schema";
    }
    return "unknown";
}

namespace {

OpenError error(OpenProblem problem, std::string message) { return OpenError{problem, std::move(message)}; }

std::string display(const fs::path& path) { return path.filename().string(); }

// SQLite's header states the database size in pages; a file shorter than that was cut off.
// Not so while a WAL holds pages: a checkpoint cut short by a crash may have written the
// new header before the file grew, and SQLite completes it from the WAL on the next open.
bool header_says_truncated(const fs::path& path) {
    std::error_code ec;
    auto wal_size = fs::file_size(wal_owner::wal_of(path), ec);
    if (!ec && wal_size > 0 && wal_owner::belongs(path)) return false;  // one not read does not complete it
    std::ifstream in(path, std::ios::binary);
    unsigned char header[100] = {};
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return false;
    auto be32 = [&](int at) {
        return (std::uint32_t(header[at]) << 24) | (std::uint32_t(header[at + 1]) << 16) |
               (std::uint32_t(header[at + 2]) << 8) | std::uint32_t(header[at + 3]);
    };
    std::uint32_t page_size = (std::uint32_t(header[16]) << 8) | header[17];
    if (page_size == 1) page_size = 65536;
    std::uint32_t pages = be32(28);
    bool size_valid = be32(24) == be32(92) && pages > 0;  // change counter matches version-valid-for
    if (!size_valid || page_size < 512) return false;
    auto bytes = fs::file_size(path, ec);
    return !ec && bytes < std::uint64_t(pages) * page_size;
}

// The schema allow-list (schema_guard.hpp) on one connection: a foreign object
// refuses the file, a missing one says it is damaged. On success the guard that
// keeps unverified tables out of every statement is returned through `guard`.
std::optional<OpenError> check_schema(Database& db, const fs::path& path, const SchemaCatalog& known,
                                      std::shared_ptr<const void>& guard, schema_guard::Report* out = nullptr,
                                      std::vector<std::string>* guarded = nullptr) {
    auto report = schema_guard::inspect(db, known);
    if (!report.clean()) return error(OpenProblem::ForeignSchema, schema_guard::refusal(report, display(path)));
    if (!report.missing.empty())
        return error(OpenProblem::Corrupt, fmt::format("{}: the workshop's tables are damaged (`{}` is missing)",
                                                       display(path), report.missing.front()));
    guard = schema_guard::guard_tables(db, report.unverified_tables);
    if (guarded) *guarded = report.unverified_tables;
    if (out) *out = std::move(report);
    return std::nullopt;
}

std::optional<OpenError> validate(const fs::path& path, const SchemaCatalog& known) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return error(OpenProblem::NotFound, fmt::format("{}: no such file", path.string()));
    if (!fs::is_regular_file(path, ec))
        return error(OpenProblem::NotWorkshop, fmt::format("{}: not a regular file", display(path)));
    if (fs::file_size(path, ec) == 0)
        return error(OpenProblem::NotWorkshop, fmt::format("{}: the file is empty, not a kartla workshop", display(path)));
    std::shared_ptr<const void> guard;  // outlives the probe
    try {
        Database probe(sqlite_settings::read_only_uri(path), SQLITE_OPEN_READONLY);
        sqlite_settings::apply_defensive(probe);
        auto application_id = probe.scalar_int("PRAGMA application_id");
        if (application_id != kApplicationId)
            return error(OpenProblem::NotWorkshop,
                         fmt::format("{}: an SQLite file, but not a kartla workshop", display(path)));
        auto version = probe.scalar_int("PRAGMA user_version");
        // The migrations are the truth about the newest format this kartla knows.
        const auto newest = std::int64_t(core_schema::migrations().size());
        if (version > newest)
            return error(OpenProblem::NewerVersion,
                         fmt::format("{}: written by a newer kartla (file format {}, this version reads up to {}); "
                                     "update kartla to open it",
                                     display(path), version, newest));
        schema_guard::Report report;
        if (auto refused = check_schema(probe, path, known, guard, &report)) return refused;
        auto check = schema_guard::quick_check(probe, report);
        if (check != "ok" || header_says_truncated(path))
            return error(OpenProblem::Corrupt,
                         fmt::format("{}: the workshop file is damaged or truncated ({})", display(path),
                                     check == "ok" ? "shorter than its header says" : check));
    } catch (const SqliteError& e) {
        int primary = e.code() & 0xff;
        if (primary == SQLITE_NOTADB)
            return error(OpenProblem::NotSqlite, fmt::format("{}: not a kartla workshop (not an SQLite file)", display(path)));
        if (primary == SQLITE_CORRUPT)
            return error(OpenProblem::Corrupt, fmt::format("{}: the workshop file is damaged ({})", display(path), e.what()));
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
            return error(OpenProblem::InUse, fmt::format("{}: the file is locked by another program", display(path)));
        return error(OpenProblem::Corrupt, fmt::format("{}: cannot be read ({})", display(path), e.what()));
    }
    return std::nullopt;
}

bool on_network_filesystem(const fs::path& path) {
    // Test hook: lets the tests check the network settings on a local disk.
    if (const char* assume = std::getenv("KARTLA_ASSUME_NETWORK_FS"); assume && std::string_view(assume) == "1")
        return true;
    struct statfs info {};
    if (statfs(path.c_str(), &info) != 0) return false;
    switch (static_cast<unsigned long>(info.f_type)) {
        case 0x6969UL:      // NFS
        case 0x517BUL:      // SMB
        case 0xFF534D42UL:  // CIFS
        case 0xFE534D42UL:  // SMB2
        case 0x65735546UL:  // FUSE (sshfs and friends)
        case 0x564C:        // NCP
        case 0x47504653UL:  // GPFS
        case 0x0BD00BD0UL:  // Lustre
            return true;
        default: return false;
    }
}

// Held for as long as a window has the workshop open, so that a second window
// is told "in use" while command-line readers (which take no lock) keep working.
std::variant<int, OpenError> take_lock(const fs::path& path, bool exclusive) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return error(OpenProblem::NotFound, fmt::format("{}: {}", display(path), std::strerror(errno)));
    if (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        ::close(fd);
        return error(OpenProblem::InUse,
                     fmt::format("{}: the workshop is already open in another kartla window; close it there first",
                                 display(path)));
    }
    return fd;
}

void migrate_core(Database& db) {
    const auto& steps = core_schema::migrations();
    for (auto version = db.scalar_int("PRAGMA user_version"); version < std::int64_t(steps.size()); ++version) {
        Transaction tx(db);
        db.exec(steps[static_cast<std::size_t>(version)]);
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
        tx.commit();
    }
}

}  // namespace

struct WorkshopOpener {
    static std::unique_ptr<Workshop> make(std::unique_ptr<Database> db, fs::path path, StorageKind storage, int lock_fd,
                                          std::shared_ptr<const void> guard = nullptr,
                                          std::vector<std::string> guarded = {}) {
        auto workshop = std::unique_ptr<Workshop>(new Workshop(std::move(db), std::move(path), storage));
        workshop->state_->lock_fd = lock_fd;
        workshop->state_->schema_guard = std::move(guard);
        workshop->state_->guarded_tables = std::move(guarded);
        return workshop;
    }

    static OpenResult open_checked(const fs::path& path, bool read_only, bool lock, bool creating,
                                   const SchemaCatalog& known) {
        bool network = on_network_filesystem(path.parent_path());
        int lock_fd = -1;
        auto lock_now = [&]() -> std::optional<OpenError> {
            if (!lock || network) return std::nullopt;
            auto locked = take_lock(path, !read_only);
            if (auto* e = std::get_if<OpenError>(&locked)) return *e;
            lock_fd = std::get<int>(locked);
            return std::nullopt;
        };
        // An existing file is locked before SQLite touches it; a new one once it exists.
        if (!creating)
            if (auto in_use = lock_now()) return *in_use;
        bool keeps_wal = !read_only && !network;
        std::optional<wal_owner::Record> claimed;
        auto claim = [&]() -> std::optional<OpenError> {  // before SQLite writes a frame, and again once the WAL exists
            if (!keeps_wal) return std::nullopt;
            claimed = wal_owner::claim(path);
            if (claimed) return std::nullopt;
            if (lock_fd >= 0) ::close(lock_fd);
            return error(OpenProblem::CannotWrite,
                         fmt::format("{}: cannot write {} beside it", display(path),
                                     wal_owner::record_of(path).filename().string()));
        };
        try {
            int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (creating ? SQLITE_OPEN_CREATE : 0);
            auto db = std::make_unique<Database>(read_only ? sqlite_settings::read_only_uri(path) : path.string(), flags);
            if (creating)
                if (auto in_use = lock_now()) return *in_use;
            if (auto refused = claim()) return *refused;
            sqlite_settings::apply_defensive(*db);
            // Again on the connection that stays, before anything writes: the file
            // may have been replaced since it was validated.
            std::shared_ptr<const void> guard;
            std::vector<std::string> guarded;
            if (!creating)
                if (auto refused = check_schema(*db, path, known, guard, nullptr, &guarded)) {
                    db.reset();
                    if (lock_fd >= 0) ::close(lock_fd);
                    return *refused;
                }
            StorageKind storage = read_only ? StorageKind::ReadOnly
                                  : network ? StorageKind::NetworkExclusive
                                            : StorageKind::LocalWal;
            if (!read_only) {
                sqlite_settings::apply_writer(*db, storage == StorageKind::NetworkExclusive);
                db->scalar_int("PRAGMA user_version");  // SQLite makes the WAL at the first read
                if (auto refused = claim()) return *refused;
                if (creating) db->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
                migrate_core(*db);
            }
            auto workshop = make(std::move(db), path, storage, lock_fd, std::move(guard), std::move(guarded));
            workshop->state_->trusted = known;
            workshop->state_->advisory_lock = lock;
            if (claimed) workshop->state_->wal_claim = std::make_unique<Workshop::WalClaim>(Workshop::WalClaim{*claimed});
            return workshop;
        } catch (const SqliteError& e) {
            if (lock_fd >= 0) ::close(lock_fd);
            int primary = e.code() & 0xff;
            auto problem = (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? OpenProblem::InUse
                           : creating                                         ? OpenProblem::CannotWrite
                                                                              : OpenProblem::Corrupt;
            return error(problem, fmt::format("{}: {}", display(path), e.what()));
        }
    }

    // A WAL beside the file that was not written for it (wal_owner.hpp) is set
    // aside before anything opens the file; a reader leaves it where it is and
    // reads the file without it (sqlite_settings::read_only_uri).
    static std::variant<Workshop::WalNote, OpenError> keep_out_stray_wal(const fs::path& path, bool read_only) {
        if (wal_owner::belongs(path)) return Workshop::WalNote{};
        if (read_only)
            return Workshop::WalNote{"A change log (-wal) not written for this file was not read:",
                                     wal_owner::wal_of(path)};
        std::string problem;
        auto aside = wal_owner::set_aside(path, problem);
        if (!aside)
            return error(OpenProblem::CannotWrite,
                         fmt::format("{}: a change log beside it (-wal) was written for another file and could not be "
                                     "set aside ({})",
                                     display(path), problem));
        return Workshop::WalNote{"A change log (-wal) not written for this file was set aside, not applied:",
                                 *aside};
    }

    static void mark_redacted_revision(Workshop& workshop, bool redacted) {
        constexpr std::uint64_t mark = std::uint64_t(1) << 63;
        workshop.state_->revision = redacted ? workshop.state_->revision | mark : workshop.state_->revision & ~mark;
    }
};

void detail::mark_redacted_revision(Workshop& workshop, bool redacted) {
    WorkshopOpener::mark_redacted_revision(workshop, redacted);
}

OpenResult Workshop::open(const fs::path& given, OpenMode mode, bool take_advisory_lock, const SchemaCatalog& known) {
    std::error_code ec;
    fs::path path = fs::absolute(given, ec);
    bool read_only = mode == OpenMode::ReadOnly || ::access(path.c_str(), W_OK) != 0 ||
                     ::access(path.parent_path().c_str(), W_OK) != 0;
    // Before SQLite (the validation's probe included) opens the file and applies the WAL beside it.
    auto stray = WorkshopOpener::keep_out_stray_wal(path, read_only);
    if (auto* refused = std::get_if<OpenError>(&stray)) return *refused;
    if (auto problem = validate(path, known)) return *problem;
    auto opened = WorkshopOpener::open_checked(path, read_only, take_advisory_lock, false, known);
    if (auto* workshop = std::get_if<std::unique_ptr<Workshop>>(&opened))
        (*workshop)->state_->wal_note = std::get<Workshop::WalNote>(std::move(stray));
    return opened;
}

OpenResult Workshop::create(const fs::path& given, bool take_advisory_lock) {
    std::error_code ec;
    fs::path path = fs::absolute(given, ec);
    if (fs::exists(path, ec))
        return error(OpenProblem::CannotWrite, fmt::format("{}: a file with that name exists already", display(path)));
    auto result = WorkshopOpener::open_checked(path, false, take_advisory_lock, true, {});
    if (auto* e = std::get_if<OpenError>(&result)) {
        fs::remove(path, ec);  // leave no half-made file behind
        fs::remove(wal_owner::record_of(path), ec);
        return *e;
    }
    return result;
}

std::unique_ptr<Workshop> Workshop::in_memory() {
    auto db = std::make_unique<Database>(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite_settings::apply_defensive(*db);
    db->exec("PRAGMA foreign_keys = ON");
    db->exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    migrate_core(*db);
    return WorkshopOpener::make(std::move(db), ":memory:", StorageKind::Memory, -1);
}

}  // namespace kartla
