#pragma once
// The report's two exports, as registered with the host.
#include "kartla/plugin_api.hpp"

#include <filesystem>

namespace kartla::report {

enum class ReportFormat { Html, Pdf };

// Builds the report through `host` (translations, the sections the loaded
// plugins contribute) and writes it to `out`.
void write_report(kartla::Host& host, kartla::Workshop& workshop, ReportFormat format,
                  const kartla::ExportOptions& options, const std::filesystem::path& out);

}  // namespace kartla::report
