#include "storage/file_identity.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kartla::file_identity {

int open_identity(const std::filesystem::path& path) { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); }

Workshop::FileChange check(int fd, const std::filesystem::path& path) {
    using Change = Workshop::FileChange;
    struct stat open_file {}, named {};
    if (fd < 0 || ::fstat(fd, &open_file) != 0) return Change::None;  // cannot tell; a failing write says so itself
    if (::stat(path.c_str(), &named) != 0) return Change::MovedOrDeleted;
    if (named.st_dev != open_file.st_dev || named.st_ino != open_file.st_ino) return Change::Replaced;
    return has_a_name(fd) ? Change::None : Change::MovedOrDeleted;
}

bool has_a_name(int fd) {
    struct stat open_file {};
    return fd >= 0 && ::fstat(fd, &open_file) == 0 && open_file.st_nlink > 0;
}

std::string describe(Workshop::FileChange change, const std::filesystem::path& path) {
    const char* consequence =
        "kartla has stopped saving into it, so what you change now is not in any file. "
        "Use Save a copy… to keep your work.";
    switch (change) {
        case Workshop::FileChange::MovedOrDeleted:
            return fmt::format("The file {} was moved or deleted. {}", path.string(), consequence);
        case Workshop::FileChange::Replaced:
            return fmt::format("The file {} was replaced by another file. {}", path.string(), consequence);
        default: return {};
    }
}

}  // namespace kartla::file_identity
