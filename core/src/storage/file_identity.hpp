#pragma once
// Whether the path of an open workshop still names the file kartla has open:
// a file moved, deleted or replaced while open must not be written into
// silently, since what goes into an unlinked file is lost when it closes.
#include "kartla/workshop.hpp"

#include <filesystem>
#include <string>

namespace kartla::file_identity {

// A descriptor on the file as it is now (kept open for as long as the workshop,
// and closed only after SQLite has closed it: closing any descriptor of a file
// drops the process's POSIX locks on it). -1 when it cannot be opened.
int open_identity(const std::filesystem::path& path);

// Compares the file `path` names now with the one `fd` has open (device and
// inode), and whether that one still has a name at all (link count).
Workshop::FileChange check(int fd, const std::filesystem::path& path);
// Whether the file `fd` has open still has a name somewhere (moved, not deleted).
bool has_a_name(int fd);
// A sentence for the user; empty for FileChange::None.
std::string describe(Workshop::FileChange change, const std::filesystem::path& path);

}  // namespace kartla::file_identity
