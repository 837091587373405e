#pragma once
// One writer per format. Each takes the finished Document and produces the
// bytes of the file; only XLSX writes straight to disk (libxlsxwriter does).
#include "document.hpp"

#include <filesystem>
#include <string>

namespace action_plan::exporting {

std::string to_markdown(const Document& doc);
std::string to_csv(const Document& doc, char separator);
std::string to_html(const Document& doc);
// dtstamp: "20260312T120000Z", the moment of export (RFC 5545 requires it).
std::string to_ics(const Document& doc, const std::string& dtstamp);
void write_xlsx(const Document& doc, const std::filesystem::path& out);

// Writes bytes to `out` whole or not at all (kartla::write_file_atomically),
// throwing with a one-line reason on failure.
void write_file(const std::filesystem::path& out, const std::string& bytes);
std::string utc_timestamp_now();

}  // namespace action_plan::exporting
