#pragma once
// Where each node of a cause tree goes: the problem at depth 0 on the left,
// its causes one column further right per level, leaves one row each and a
// parent centred on its children. Units are columns and rows; views scale them.
#include "snapshot.hpp"

#include <vector>

namespace kartla::problem_map {

struct TreeNode {
    Id cause_id = 0;   // 0: the problem itself (the root)
    Id parent_id = 0;  // the parent node's cause id (0: the root); meaningless for the root
    int depth = 0;
    float row = 0;
};

// The root first, then causes depth-first in their stored order.
std::vector<TreeNode> layout_cause_tree(const Snapshot& s, Id card);

}  // namespace kartla::problem_map
