#pragma once
// The problem map's part of the workshop report: a picture of the board, the
// prioritised problems in the order of the vote, each with its facts and its
// cause tree, then the other problems raised.
#include "queries.hpp"

#include "kartla/document.hpp"

namespace kartla::problem_map {

doc::Section report_section(const Snapshot& s, const Translate& tr);

}  // namespace kartla::problem_map
