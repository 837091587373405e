#pragma once
// How an exporter writes its file: whole or not at all. The host runs every
// export a plugin registers in a redacted reading when asked and writes a folder
// export whole too (core/src/exports/export_run.hpp), so no exporter has to
// remember either.
#include "kartla/api.hpp"
#include "kartla/exports.hpp"

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kartla {

// Why a file or folder could not be written: the target, the system's error
// number, and the step that failed ("rename"). The host turns it into a
// sentence in the UI's language; what() stays English for the command line
// and the log.
class KARTLA_API WriteError : public std::runtime_error {
public:
    WriteError(std::filesystem::path target, const std::string& step, int error);
    const std::filesystem::path& target() const { return target_; }
    const std::string& step() const { return step_; }
    int error() const { return error_; }

private:
    std::filesystem::path target_;
    std::string step_;
    int error_;
};

// Writes `bytes` to `target` whole or not at all: into a temporary file in the
// same folder, fsync, rename over the target, fsync of the folder. On any
// failure the temporary file is removed, an existing target is left as it
// was, and std::runtime_error says why in one line.
KARTLA_API void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

// The same for a writer that needs a path of its own (libxlsxwriter, cairo):
// `write` fills the temporary file it is given; an exception from it leaves
// nothing behind and comes back as std::runtime_error with its message, the
// temporary's name in it replaced by the target's.
KARTLA_API void write_file_atomically(const std::filesystem::path& target,
                                      const std::function<void(const std::filesystem::path& temporary)>& write);

}  // namespace kartla
