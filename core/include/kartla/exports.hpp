#pragma once
// The SDK: the export formats a plugin adds (Host::add_export), for the window and
// `kartla export`.
#include "kartla/workshop.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kartla {

struct ExportOptions {
    char csv_separator = ';';
    bool redact_personal_data = false;
    // What the reader must know about the workshop as a whole, in the user's
    // language, e.g. that a part made with a plugin not installed here is not
    // in the export. Set by the host for every export; a document states each
    // at its top.
    std::vector<std::string> notices;
};

struct ExportSpec {
    std::string format;     // "md", "csv", ... as typed on the command line
    std::string label;      // English msgid for the menu
    std::string extension;  // ".md"; empty: `write` fills the folder `out` with files of its own
    std::function<void(Workshop&, const ExportOptions&, const std::filesystem::path& out)> write;
    // What the suggested file is called: FILE.<file_tag><extension> ("plan" gives
    // sample.plan.html). Empty: the format without its file type ("report-html"
    // gives sample.report.html). See kartla::default_export_path.
    std::string file_tag = {};
};

}  // namespace kartla
