#include "scratch_dir.hpp"

#include <unistd.h>

#include <string>

namespace kartla::fuzz {

namespace fs = std::filesystem;

const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        std::error_code ec;
        fs::path base = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                                           : fs::temp_directory_path();
        fs::path made = base / ("kartla-fuzz-" + std::to_string(::getpid()));
        fs::create_directories(made);
        return made;
    }();
    return dir;
}

}  // namespace kartla::fuzz
