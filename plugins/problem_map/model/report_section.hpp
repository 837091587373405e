#pragma once
// The problem map's part of the workshop report: a picture of the board, the
// prioritised problems in the order of the vote, each with its facts and its
// cause tree, then the other problems raised.
#include "queries.hpp"

#include "kartla/document.hpp"
#include "kartla/plugin_api.hpp"

namespace kartla::problem_map {

// The board picture's card titles are masked when options.redact_personal_data
// is set (the report masks every other text itself).
doc::Section report_section(const Snapshot& s, const ExportOptions& options, const Translate& tr);

}  // namespace kartla::problem_map
