#include "storage/wal_owner.hpp"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>

namespace kartla::wal_owner {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kWalHeaderBytes = 32;  // a WAL no longer than its header holds no frame
constexpr const char* kFormat = "kartla wal owner 1";

std::string with_suffix(const fs::path& database, const char* suffix) { return database.string() + suffix; }

std::string line(const char* what, const FileId& id) {
    return fmt::format("{} {} {} {} {}\n", what, id.device, id.inode, id.born_sec, id.born_nsec);
}

std::optional<FileId> parse_line(std::istream& in, const std::string& what) {
    std::string word;
    FileId id;
    if (!(in >> word) || word != what) return std::nullopt;
    if (!(in >> id.device >> id.inode >> id.born_sec >> id.born_nsec)) return std::nullopt;
    return id;
}

std::optional<Record> read_record(const fs::path& database) {
    std::ifstream in(record_of(database));
    std::string format;
    if (!in || !std::getline(in, format) || format != kFormat) return std::nullopt;
    auto database_id = parse_line(in, "database");
    if (!database_id) return std::nullopt;
    Record record{*database_id, std::nullopt};
    if (in >> std::ws && in.peek() != EOF) {
        record.wal = parse_line(in, "wal");
        if (!record.wal) return std::nullopt;
    }
    return record;
}

bool wal_holds_frames(const fs::path& database) {
    std::error_code ec;
    auto size = fs::file_size(wal_of(database), ec);
    return !ec && size > kWalHeaderBytes;
}

// A rename is durable only once the folder is on disk: otherwise a power cut
// could bring the old name back beside a file that has a new WAL by then.
void sync_folder(const fs::path& file) {
    int fd = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// Renames without ever replacing a file that is there already.
int rename_no_replace(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return errno;
    std::error_code ec;  // a file system without RENAME_NOREPLACE
    if (fs::exists(to, ec)) return EEXIST;
    return std::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

std::string set_aside_stem(const fs::path& database) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return fmt::format("{}-set-aside-{:%Y%m%d-%H%M%S}", wal_of(database).string(), local);
}

}  // namespace

std::optional<FileId> identify(const fs::path& path) {
    struct statx info {};
    if (::statx(AT_FDCWD, path.c_str(), 0, STATX_INO | STATX_BTIME, &info) != 0) return std::nullopt;
    FileId id;
    id.device = (std::uint64_t(info.stx_dev_major) << 32) | info.stx_dev_minor;
    id.inode = info.stx_ino;
    if (info.stx_mask & STATX_BTIME) {
        id.born_sec = info.stx_btime.tv_sec;
        id.born_nsec = info.stx_btime.tv_nsec;
    }
    return id;
}

fs::path wal_of(const fs::path& database) { return with_suffix(database, "-wal"); }
fs::path shm_of(const fs::path& database) { return with_suffix(database, "-shm"); }
fs::path record_of(const fs::path& database) { return with_suffix(database, "-wal-owner"); }

bool belongs(const fs::path& database) {
    if (!wal_holds_frames(database)) return true;  // nothing in it could be applied
    auto record = read_record(database);
    if (!record || identify(database) != record->database) return false;
    return !record->wal || identify(wal_of(database)) == record->wal;
}

std::optional<fs::path> set_aside(const fs::path& database, std::string& error) {
    std::string stem = set_aside_stem(database);
    fs::path target = stem;
    int problem = EEXIST;
    for (int n = 2; problem == EEXIST && n < 100; ++n) {
        problem = rename_no_replace(wal_of(database), target);
        if (problem == EEXIST) target = fmt::format("{}-{}", stem, n);
    }
    if (problem != 0) {
        error = fmt::format("{}: {}", wal_of(database).filename().string(), std::strerror(problem));
        return std::nullopt;
    }
    std::error_code ec;
    fs::remove(shm_of(database), ec);
    fs::remove(record_of(database), ec);
    sync_folder(database);
    return target;
}

std::optional<Record> claim(const fs::path& database) {
    auto database_id = identify(database);
    if (!database_id) return std::nullopt;
    Record record{*database_id, identify(wal_of(database))};
    fs::path part = with_suffix(database, "-wal-owner.part");
    {
        std::ofstream out(part, std::ios::trunc);
        out << kFormat << '\n' << line("database", record.database);
        if (record.wal) out << line("wal", *record.wal);
        if (!out.flush()) return std::nullopt;
    }
    if (int fd = ::open(part.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    std::error_code ec;
    fs::rename(part, record_of(database), ec);
    if (ec) {
        fs::remove(part, ec);
        return std::nullopt;
    }
    sync_folder(database);
    return record;
}

bool wal_is_mine(const fs::path& database, const Record& mine) {
    return mine.wal && identify(wal_of(database)) == mine.wal;
}

void release(const fs::path& database, const Record& mine) {
    auto record = read_record(database);
    if (!record || record->database != mine.database || record->wal != mine.wal) return;  // another open's now
    if (wal_holds_frames(database) && wal_is_mine(database, mine)) return;  // still needed: the WAL is unfinished
    std::error_code ec;
    fs::remove(record_of(database), ec);
}

}  // namespace kartla::wal_owner
