#pragma once
// kartla merge A B -o OUT [--choices FILE] [--all mine|theirs]: writes OUT, a
// copy of A with what B changed since the two parted (storage/merge.hpp).
// Conflicts without a choice are printed as JSON and nothing is written.
#include "host/runtime.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace kartla::cli {

inline constexpr int kMergeConflictsExit = 3;  // conflicts left to choose: JSON on stdout, OUT not written

// args[0] is "merge". Returns the exit code.
int merge_copies(Runtime& runtime, const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kartla::cli
