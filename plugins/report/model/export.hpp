#pragma once
// The report's and the law documents' exports, as registered with the host.
#include "kartla/plugin_api.hpp"

#include <filesystem>

namespace kartla::report {

enum class ReportFormat { Html, Pdf, Docx, Odt };

// Builds the document `kind` through `host` (translations, the sections the
// loaded plugins contribute) and writes it to `out` in `format`.
void write_report(kartla::Host& host, kartla::Workshop& workshop, kartla::DocumentKind kind, ReportFormat format,
                  const kartla::ExportOptions& options, const std::filesystem::path& out);

}  // namespace kartla::report
