#pragma once
// The host's side of an export (kartla/export_file.hpp has what an exporter
// calls): the path an export takes by default, the sentence for a failed write,
// whole folders, the redacted reading, and run_export, which every registered
// ExportSpec::write runs through. No plugin calls these, so they stay out of the SDK.
#include "kartla/export_file.hpp"
#include "kartla/exports.hpp"

#include <filesystem>
#include <functional>

namespace kartla {

// An English msgid for the reason a WriteError names ("The folder does not
// exist."), for the host to translate; nullptr when only the system's words fit.
const char* write_failure_msgid(int error);

// Where an export of `workshop` goes when no one says: beside it, named by the
// export (FILE.plan.html, FILE.report.html, FILE.report.pdf, FILE.meeting.md),
// so two exports of one workshop never take each other's file. The command
// line and the window's Export dialog both ask this.
std::filesystem::path default_export_path(const std::filesystem::path& workshop, const ExportSpec& spec);

// Writes an export of several files whole (as write_file_atomically a file): `write` fills a new temporary folder
// beside `target`, which then takes the target's name (an earlier folder of
// that name is replaced, a file of that name is refused). On any failure the
// temporary folder is removed and the target is left as it was.
void write_folder_atomically(const std::filesystem::path& target,
                             const std::function<void(const std::filesystem::path& temporary)>& write);

// While one lives with `on`, every text read from the workshop, through any
// statement of its connection, comes with personal data masked
// (privacy::redact), whatever table or column it is from; edits, undo and redo
// are refused. The revision carries a mark meanwhile, so state a view or a
// plugin cached per revision is rebuilt masked, and the state cached before is
// valid again afterwards.
class RedactedReading {
public:
    RedactedReading(Workshop& workshop, bool on);
    ~RedactedReading();
    RedactedReading(const RedactedReading&) = delete;
    RedactedReading& operator=(const RedactedReading&) = delete;

private:
    Workshop& workshop_;
    bool on_;
};

bool reading_redacted(Workshop& workshop);

using ExportWrite = std::function<void(Workshop&, const ExportOptions&, const std::filesystem::path& out)>;

// Runs one export: `write` fills a temporary file that replaces `out` only
// when it returned; with options.redact_personal_data every text read from the
// workshop meanwhile is masked (RedactedReading), so every field of every
// table - titles, chart labels, image labels, calendar UIDs, meta - is covered,
// including ones added later. The host wraps every registered ExportSpec::write
// in this.
// With `folder`, `out` is a folder of files, written by write_folder_atomically.
void run_export(const ExportWrite& write, Workshop& workshop, const ExportOptions& options,
                const std::filesystem::path& out, bool folder = false);

// `write` wrapped in run_export.
ExportWrite guarded_export(ExportWrite write, bool folder = false);

}  // namespace kartla
