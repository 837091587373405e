#pragma once
// The problem map's part of the workshop report: a picture of the board, the
// prioritised problems in the order of the vote, each with its facts and its
// cause tree, then the other problems raised.
#include "queries.hpp"

#include "kartla/document.hpp"
#include "kartla/plugin_api.hpp"

namespace kartla::problem_map {

// Redacted reports need nothing here: the snapshot is read with personal data
// masked then (kartla/export_file.hpp), the board picture's titles included.
doc::Section report_section(const Snapshot& s, const Translate& tr);

}  // namespace kartla::problem_map
