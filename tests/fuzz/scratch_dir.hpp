#pragma once
// Where fuzz bodies write their files: one folder per process, in memory when
// the system has a writable /dev/shm (fsync is free there, so more inputs a second).
#include <filesystem>

namespace kartla::fuzz {

const std::filesystem::path& scratch_dir();

}  // namespace kartla::fuzz
