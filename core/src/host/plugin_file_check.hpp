#pragma once
// What the ELF header of a plugin file says, read before dlopen: a plugin built
// for another processor is named as such instead of with the loader's message.
#include <filesystem>
#include <string>

namespace kartla {

// Empty when the file is a shared library this kartla can load; otherwise why not,
// e.g. "it was built for aarch64, this kartla is x86-64".
std::string foreign_library(const std::filesystem::path& file);

}  // namespace kartla
