#include "kartla/export_file.hpp"

#include "kartla/privacy.hpp"
#include "kartla/workshop.hpp"
#include "storage/redacted_reading.hpp"
#include "exports/export_run.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace kartla {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& target, const char* what, int error) { throw WriteError(target, what, error); }

// The mode a plain open(O_CREAT, 0666) would give, or the mode of the file it replaces.
mode_t mode_for(const fs::path& target) {
    struct stat existing {};
    if (::stat(target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) return existing.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

void sync_fd(int fd, const fs::path& target, const char* what) {
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        fail(target, what, error);
    }
}

// A temporary file beside the target, created exclusively so nobody else's file is reused.
struct Temporary {
    fs::path path;
    bool keep = false;
    explicit Temporary(const fs::path& target) {
        const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
        std::string name = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
        const int fd = ::mkstemp(name.data());
        if (fd < 0) fail(target, "no temporary file in its folder", errno);
        ::fchmod(fd, mode_for(target));
        ::close(fd);
        path = name;
    }
    ~Temporary() {
        if (!keep) ::unlink(path.c_str());
    }
};

// The bytes reach the disk before the name points at them, and the new name
// reaches the disk too, so a power cut leaves the old file or the new one.
void commit(Temporary& temporary, const fs::path& target) {
    const int fd = ::open(temporary.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(target, "the temporary file vanished", errno);
    sync_fd(fd, target, "fsync");
    ::close(fd);
    if (::rename(temporary.path.c_str(), target.c_str()) != 0) fail(target, "rename", errno);
    temporary.keep = true;
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);  // best effort: some file systems refuse fsync on a folder
        ::close(dir);
    }
}

}  // namespace

WriteError::WriteError(fs::path target, const std::string& step, int error)
    : std::runtime_error("cannot write " + target.string() + ": " + step + " (" + std::strerror(error) + ")"),
      target_(std::move(target)),
      step_(step),
      error_(error) {}

const char* write_failure_msgid(int error) {
    switch (error) {
        case ENOENT:
        case ENOTDIR: return "The folder does not exist.";
        case EACCES:
        case EPERM: return "kartla may not write in that folder.";
        case EROFS: return "The disk is read-only.";
        case ENOSPC:
        case EDQUOT: return "The disk is full.";
        case ENAMETOOLONG: return "The name is too long.";
        case EEXIST: return "A file of that name is in the way.";
        default: return nullptr;
    }
}

void write_file_atomically(const fs::path& target, const std::function<void(const fs::path& temporary)>& write) {
    Temporary temporary(target);
    try {
        write(temporary.path);
    } catch (const WriteError& e) {
        throw WriteError(target, e.step(), e.error());  // the user chose the target, not the temporary
    } catch (const std::exception& e) {
        // The user chose the target; the temporary's name would only confuse.
        std::string why = e.what();
        const std::string hidden = temporary.path.string();
        for (auto at = why.find(hidden); at != std::string::npos; at = why.find(hidden, at + 1))
            why.replace(at, hidden.size(), target.string());
        throw std::runtime_error(why);
    }
    commit(temporary, target);
}

void write_folder_atomically(const fs::path& target, const std::function<void(const fs::path& temporary)>& write) {
    std::error_code error;
    if (fs::exists(target, error) && !fs::is_directory(target, error))
        throw WriteError(target, "a file of that name is in the way", EEXIST);
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const auto temporary_beside = [&](const char* why) {
        std::string name = (parent / ("." + target.filename().string() + ".XXXXXX")).string();
        if (!::mkdtemp(name.data())) fail(target, why, errno);
        return fs::path(name);
    };
    const fs::path temporary = temporary_beside("no temporary folder beside it");
    fs::path aside;  // the earlier folder of that name, until the new one has taken its place
    try {
        write(temporary);
        if (fs::exists(target, error)) {
            aside = temporary_beside("no room to set the earlier folder aside");
            if (::rename(target.c_str(), aside.c_str()) != 0) fail(target, "rename", errno);
        }
        if (::rename(temporary.c_str(), target.c_str()) != 0) fail(target, "rename", errno);
    } catch (const std::exception& e) {
        fs::remove_all(temporary, error);
        if (!aside.empty()) {
            if (!fs::exists(target, error)) ::rename(aside.c_str(), target.c_str());
            if (fs::exists(target, error)) fs::remove_all(aside, error);  // the empty placeholder, never the user's folder
        }
        if (auto* write_error = dynamic_cast<const WriteError*>(&e))
            throw WriteError(target, write_error->step(), write_error->error());
        std::string why = e.what();
        const std::string hidden = temporary.string();
        for (auto at = why.find(hidden); at != std::string::npos; at = why.find(hidden, at + 1))
            why.replace(at, hidden.size(), target.string());
        throw std::runtime_error(why);
    }
    if (!aside.empty()) fs::remove_all(aside, error);
    if (const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);  // best effort, as for a file
        ::close(dir);
    }
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
    write_file_atomically(target, [&](const fs::path& path) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0) fail(target, "open", errno);
        for (std::size_t done = 0; done < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int error = n < 0 ? errno : EIO;
                ::close(fd);
                fail(target, "write", error);
            }
            done += static_cast<std::size_t>(n);
        }
        if (::close(fd) != 0) fail(target, "close", errno);
    });
}

bool reading_redacted(Workshop& workshop) { return detail::has_text_filter(workshop.db()); }

RedactedReading::RedactedReading(Workshop& workshop, bool on) : workshop_(workshop), on_(on && !reading_redacted(workshop)) {
    if (!on_) return;
    detail::set_text_filter(workshop_.db(), [](std::string text) { return privacy::redact(text); });
    detail::mark_redacted_revision(workshop_, true);
}

RedactedReading::~RedactedReading() {
    if (!on_) return;
    detail::set_text_filter(workshop_.db(), {});
    detail::mark_redacted_revision(workshop_, false);
}

void run_export(const ExportWrite& write, Workshop& workshop, const ExportOptions& options, const fs::path& out,
                bool folder) {
    RedactedReading redacted(workshop, options.redact_personal_data);
    const auto fill = [&](const fs::path& temporary) { write(workshop, options, temporary); };
    if (folder) write_folder_atomically(out, fill);
    else write_file_atomically(out, fill);
}

ExportWrite guarded_export(ExportWrite write, bool folder) {
    return [write = std::move(write), folder](Workshop& workshop, const ExportOptions& options, const fs::path& out) {
        run_export(write, workshop, options, out, folder);
    };
}

}  // namespace kartla
