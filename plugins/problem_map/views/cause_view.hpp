#pragma once
// Cause analysis for one problem: a tree of direct and underlying causes drawn
// on a pan/zoom canvas (drag a cause onto another to move it there), each cause
// marked situational or social and risk factor or missing protective factor;
// plus the problem analysis triangle as fields.
#include "canvas.hpp"
#include "ui_state.hpp"
#include "model/tree_layout.hpp"

namespace kartla::problem_map::views {

class CauseView {
public:
    explicit CauseView(UiState& context) : c_(context) {}
    void draw();

private:
    void draw_problem_picker(const Snapshot& s);
    void draw_toolbar(const Snapshot& s, const Card& problem);
    void draw_tree(const Snapshot& s, const Card& problem);
    void draw_cause_panel(const Snapshot& s, const Card& problem);
    void draw_triangle(const Snapshot& s, const Card& problem);
    ImVec2 node_min(const TreeNode& node) const;  // world units
    const TreeNode* node_at(ImVec2 screen) const;
    void add_cause(Id problem, Id parent);
    UiState& c_;
    Canvas canvas_;
    std::vector<TreeNode> layout_;
    Id fitted_for_ = -1;
    std::size_t fitted_nodes_ = 0;
    Id dragging_ = 0;  // cause being dragged onto a new parent
    bool panning_ = false;
    bool focus_text_ = false;
};

}  // namespace kartla::problem_map::views
