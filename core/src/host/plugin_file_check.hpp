#pragma once
// What is checked of a plugin file before dlopen: who could have planted or
// replaced it (its and its folder's owner and permissions), and what its ELF
// header says (a plugin built for another processor is named as such instead
// of with the loader's message).
#include <filesystem>
#include <string>

namespace kartla {

// Empty when the file is a shared library this kartla can load; otherwise why not,
// e.g. "it was built for aarch64, this kartla is x86-64".
std::string foreign_library(const std::filesystem::path& file);

// Empty when only its owner (the user running kartla, or root) can change
// `file` (canonical) and its folder; otherwise why not, e.g. "/opt/p is
// writable by its group (users), not only by its owner". Writable by everyone
// is always refused; writable by its group too, unless root owns it in a
// system folder (under /usr, where only the package manager and administrators
// write) or the group is the owner's own private group (a umask of 002 with
// user private groups gives every new folder group write).
std::string unsafe_location(const std::filesystem::path& file);

}  // namespace kartla
