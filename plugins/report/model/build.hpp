#pragma once
// Puts the workshop report and the documents the law names together: the
// report plugin's own parts (core data), then the parts the loaded plugins
// contribute through Host::add_report_section.
#include "workshop_section.hpp"

#include "kartla/plugin_api.hpp"

#include <vector>

namespace kartla::report {

// "sv" or "en": the language the translations speak.
std::string report_language(const Translate& tr);

// The title page, document information and page footer of the paged formats;
// `issued` is the date of issue.
void title_page(kartla::Database& db, const Translate& tr, const std::string& issued, kartla::doc::Document& out);

// The document `kind`: its own opening parts, the parts contributed to it, its
// closing parts. `sections` come in the order to print (Host::report_sections),
// those of other documents are left out; each gets the export's options
// (redaction). A section that throws is replaced by a short note saying that
// part failed; the rest is written.
kartla::doc::Document build_document(kartla::DocumentKind kind, kartla::Workshop& workshop,
                                     const kartla::ExportOptions& options, const Translate& tr,
                                     const std::vector<kartla::ReportSectionSpec>& sections);

// The workshop report (build_document of DocumentKind::Report).
kartla::doc::Document build_report(kartla::Workshop& workshop, const kartla::ExportOptions& options,
                                   const Translate& tr, const std::vector<kartla::ReportSectionSpec>& sections);

}  // namespace kartla::report
