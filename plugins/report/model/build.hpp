#pragma once
// Puts the workshop report together: the workshop part (core data), then the
// parts the loaded plugins contribute through Host::add_report_section.
#include "workshop_section.hpp"

#include "kartla/plugin_api.hpp"

#include <vector>

namespace kartla::report {

// `sections` come in the order to print (Host::report_sections); each gets the
// export's options (redaction). A section that throws is replaced by a short
// note saying that part failed; the rest is written.
kartla::doc::Document build_report(kartla::Workshop& workshop, const kartla::ExportOptions& options,
                                   const Translate& tr, const std::vector<kartla::ReportSectionSpec>& sections);

}  // namespace kartla::report
