#pragma once
// The report's two exports, as registered with the host.
#include "kartla/plugin_api.hpp"

#include <filesystem>

namespace report {

enum class ReportFormat { Html, Pdf };

// Builds the report through `host` (entities, translations, other plugins'
// image exports) and writes it to `out`.
void write_report(kartla::Host& host, kartla::Workshop& workshop, ReportFormat format,
                  const kartla::ExportOptions& options, const std::filesystem::path& out);

}  // namespace report
