#pragma once
// One writer per format. Each takes the finished Document and produces the
// bytes of the file; only XLSX writes straight to disk (libxlsxwriter does).
#include "document.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::action_plan::exporting {

std::string to_markdown(const Document& doc);
// One table of tables.hpp ("measures", ...); throws std::invalid_argument for another key.
std::string to_csv(const Document& doc, char separator, std::string_view table_key = "measures");
// The CSV export: `tables` is "" (the measures), one key, a comma-separated
// list or "all". One table goes to `out`; several to files <key>.csv in the
// folder `out` (without a .csv extension), created when missing.
// Returns the files written.
std::vector<std::filesystem::path> write_csv(const Document& doc, char separator, const std::string& tables,
                                             const std::filesystem::path& out);
std::string to_html(const Document& doc);
// What the calendar holds, for the person who exported it.
struct IcsCounts {
    std::size_t tasks = 0, with_due = 0, undated = 0, due_events = 0, meetings = 0;
    std::string summary(const Translate& tr) const;  // one line, in the UI's language
};
// dtstamp: "20260312T120000Z", the moment of export (RFC 5545 requires it).
// due_events: each due date also as an all-day event beside its task, for
// calendars that import no tasks (Outlook, Microsoft 365).
std::string to_ics(const Document& doc, const std::string& dtstamp, bool due_events, IcsCounts* counts = nullptr);
void write_xlsx(const Document& doc, const std::filesystem::path& out);
// The plan as the neutral document the core writes as DOCX and ODT (kartla/document_files.hpp).
kartla::doc::Document to_neutral(const Document& doc);

// Writes bytes to `out` whole or not at all (kartla::write_file_atomically),
// throwing with a one-line reason on failure.
void write_file(const std::filesystem::path& out, const std::string& bytes);
std::string utc_timestamp_now();

}  // namespace kartla::action_plan::exporting
