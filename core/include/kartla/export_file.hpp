#pragma once
// How an export reaches the disk: whole or not at all, and, when asked,
// without personal data. Every export a plugin (or the core) registers runs
// through run_export, so no exporter has to remember either.
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
// sentence in the UI's language (write_failure_msgid); what() stays English
// for the command line and the log.
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

// An English msgid for the reason a WriteError names ("The folder does not
// exist."), for the host to translate; nullptr when only the system's words fit.
KARTLA_API const char* write_failure_msgid(int error);

// Where an export of `workshop` goes when no one says: beside it, named by the
// export (FILE.plan.html, FILE.report.html, FILE.report.pdf, FILE.meeting.md),
// so two exports of one workshop never take each other's file. The command
// line and the window's Export dialog both ask this.
KARTLA_API std::filesystem::path default_export_path(const std::filesystem::path& workshop, const ExportSpec& spec);

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

// While one lives with `on`, every text read from the workshop, through any
// statement of its connection, comes with personal data masked
// (privacy::redact), whatever table or column it is from; edits, undo and redo
// are refused. The revision carries a mark meanwhile, so state a view or a
// plugin cached per revision is rebuilt masked, and the state cached before is
// valid again afterwards.
class KARTLA_API RedactedReading {
public:
    RedactedReading(Workshop& workshop, bool on);
    ~RedactedReading();
    RedactedReading(const RedactedReading&) = delete;
    RedactedReading& operator=(const RedactedReading&) = delete;

private:
    Workshop& workshop_;
    bool on_;
};

KARTLA_API bool reading_redacted(Workshop& workshop);

// The same for an export of several files: `write` fills a new temporary folder
// beside `target`, which then takes the target's name (an earlier folder of
// that name is replaced, a file of that name is refused). On any failure the
// temporary folder is removed and the target is left as it was.
KARTLA_API void write_folder_atomically(const std::filesystem::path& target,
                                        const std::function<void(const std::filesystem::path& temporary)>& write);

using ExportWrite = std::function<void(Workshop&, const ExportOptions&, const std::filesystem::path& out)>;

// Runs one export: `write` fills a temporary file that replaces `out` only
// when it returned; with options.redact_personal_data every text read from the
// workshop meanwhile is masked (RedactedReading), so every field of every
// table - titles, chart labels, image labels, calendar UIDs, meta - is covered,
// including ones added later. The host wraps every registered ExportSpec::write
// in this.
// With `folder`, `out` is a folder of files, written by write_folder_atomically.
KARTLA_API void run_export(const ExportWrite& write, Workshop& workshop, const ExportOptions& options,
                           const std::filesystem::path& out, bool folder = false);

// `write` wrapped in run_export.
KARTLA_API ExportWrite guarded_export(ExportWrite write, bool folder = false);

}  // namespace kartla
