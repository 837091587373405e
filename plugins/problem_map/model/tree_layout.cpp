#include "tree_layout.hpp"

#include "queries.hpp"

#include <map>

namespace kartla::problem_map {

namespace {

struct Builder {
    std::map<Id, std::vector<const Cause*>> children;  // parent cause id (0: the problem) -> causes
    std::vector<TreeNode> nodes;
    float next_leaf_row = 0;

    // Returns the row of the node placed; children first, so a parent can centre on them.
    float place(Id cause, Id parent, int depth) {
        std::size_t index = nodes.size();
        nodes.push_back({cause, parent, depth, 0});
        auto found = children.find(cause);
        if (found == children.end() || found->second.empty() || depth > 1000) {
            nodes[index].row = next_leaf_row++;
            return nodes[index].row;
        }
        float first = 0, last = 0;
        for (std::size_t i = 0; i < found->second.size(); ++i) {
            float row = place(found->second[i]->id, cause, depth + 1);
            if (i == 0) first = row;
            last = row;
        }
        nodes[index].row = (first + last) / 2;
        return nodes[index].row;
    }
};

}  // namespace

std::vector<TreeNode> layout_cause_tree(const Snapshot& s, Id card) {
    Builder builder;
    for (const Cause* cause : causes_of(s, card)) builder.children[cause->parent_id].push_back(cause);
    builder.place(0, 0, 0);
    return builder.nodes;
}

}  // namespace kartla::problem_map
