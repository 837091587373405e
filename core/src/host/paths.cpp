#include "host/paths.hpp"

#include <cstdlib>

namespace kartla::paths {

namespace fs = std::filesystem;

namespace {
fs::path xdg(const char* variable, const char* fallback_under_home) {
    if (const char* value = std::getenv(variable); value && *value && fs::path(value).is_absolute()) return value;
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallback_under_home;
}
}  // namespace

fs::path program_dir() {
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path("/usr/bin") : exe.parent_path();
}

fs::path asset_dir() {
    if (const char* override_dir = std::getenv("KARTLA_ASSET_DIR"); override_dir && fs::path(override_dir).is_absolute())
        return override_dir;
    return (program_dir() / KARTLA_ASSET_REL_DIR).lexically_normal();
}

fs::path user_data_dir() { return xdg("XDG_DATA_HOME", ".local/share") / "kartla"; }
fs::path user_config_dir() { return xdg("XDG_CONFIG_HOME", ".config") / "kartla"; }
fs::path safe_start_dir() { return user_config_dir() / "safe-start"; }

}  // namespace kartla::paths
