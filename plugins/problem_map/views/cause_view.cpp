#include "cause_view.hpp"

#include "fields.hpp"
#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <map>

namespace kartla::problem_map::views {

namespace {
constexpr float kNodeW = 290.0f, kNodeH = 130.0f, kColumn = 350.0f, kRow = 150.0f;
constexpr ImU32 kCauseInk = IM_COL32(20, 20, 28, 255);
constexpr ImU32 kSituational = IM_COL32(41, 98, 255, 255);
constexpr ImU32 kSocial = IM_COL32(0, 140, 70, 255);
}  // namespace

ImVec2 CauseView::node_min(const TreeNode& node) const { return ImVec2(float(node.depth) * kColumn, node.row * kRow); }

const TreeNode* CauseView::node_at(ImVec2 p) const {
    float scale = canvas_.scale();
    for (const auto& node : layout_) {
        ImVec2 min = canvas_.to_screen(node_min(node));
        if (p.x >= min.x && p.y >= min.y && p.x <= min.x + kNodeW * scale && p.y <= min.y + kNodeH * scale) return &node;
    }
    return nullptr;
}

void CauseView::draw() {
    auto snapshot = c_.snapshot();
    if (!snapshot) return;
    const Snapshot& s = *snapshot;
    if (!s.card(c_.cause_problem))  // start with the top-ranked prioritised problem
        for (const auto& row : ranking(s))
            if (const Card* card = s.card(row.card_id); card && card->prioritised && !card->hidden) {
                c_.cause_problem = card->id;
                break;
            }
    draw_problem_picker(s);
    const Card* problem = s.card(c_.cause_problem);
    if (!problem) {
        ui::hint(c_.tr("Choose a problem to analyse its causes. Prioritised problems are listed first."));
        return;
    }
    if (!problem->prioritised) ui::hint(c_.tr("This problem is not marked as prioritised."));
    draw_toolbar(s, *problem);
    // The panel beside the tree while the tree keeps 20 text heights of width; otherwise
    // below it, and the view scrolls (at 300 % the tree had shrunk to nothing).
    float fs = ImGui::GetFontSize(), panel = fs * 22;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    bool beside = avail.x >= panel + fs * 20;
    float tree_height = beside ? 0.0f : std::max(avail.y * 0.6f, fs * 10);
    ImGui::BeginChild("problem_map.causes.tree", ImVec2(beside ? avail.x - panel : avail.x, tree_height), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    draw_tree(s, *problem);
    ImGui::EndChild();
    if (beside) ImGui::SameLine();
    float panel_height = beside ? 0.0f : std::max(avail.y - tree_height - ImGui::GetStyle().ItemSpacing.y, fs * 16);
    ImGui::BeginChild("problem_map.causes.panel", ImVec2(0, panel_height), true);
    draw_cause_panel(s, *problem);
    draw_triangle(s, *problem);
    ImGui::EndChild();
}

namespace {

// `text` as it fits in `width`, cut after a whole character with "…" where it does not.
std::string fit_with_ellipsis(std::string text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    while (!text.empty() && ImGui::CalcTextSize((text + "\u2026").c_str()).x > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // a whole å
        if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0xC0) text.pop_back();
    }
    return text + "\u2026";
}

}  // namespace

void CauseView::draw_problem_picker(const Snapshot& s) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c_.tr("Problem:"));
    ImGui::SameLine();
    const Card* current = s.card(c_.cause_problem);
    const std::string whole = current ? current->title : c_.tr("Choose a problem");
    const float width = std::min(ImGui::GetFontSize() * 26, ImGui::GetContentRegionAvail().x);
    // The combo clips its preview mid-letter: a long title is cut with "…", whole on hover.
    const std::string preview = fit_with_ellipsis(
        whole, width - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2);
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo("##problem", preview.c_str(), ImGuiComboFlags_HeightLarge);
    if (!open && preview != whole) ui::whole_text_tip(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), whole.c_str());
    if (open) {
        for (int pass = 0; pass < 2; ++pass)
            for (const auto& card : s.cards) {
                if (card.hidden || card.prioritised != (pass == 0)) continue;
                ImGui::PushID(int(card.id));
                std::string label = (card.prioritised ? "\u2605 " : "   ") + card.title;
                if (ImGui::Selectable(label.c_str(), card.id == c_.cause_problem)) {
                    c_.cause_problem = card.id;
                    c_.selected_cause = 0;
                }
                ui::mark_item(fmt::format("problem_map.causes.pick.{}", card.id));
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.causes.picker");
}

void CauseView::add_cause(Id problem, Id parent) {
    Workshop* w = c_.workshop();
    if (!w) return;
    EditResult result;
    Id id = edits::add_cause(c_.host(), problem, parent, {}, &result);
    if (result) {
        c_.selected_cause = id;
        focus_text_ = true;
    }
}

// One row at any text size: what does not fit goes into "More" (ui::toolbar).
void CauseView::draw_toolbar(const Snapshot& s, const Card& problem) {
    const Cause* selected = s.cause(c_.selected_cause);
    if (selected && selected->card_id != problem.id) selected = nullptr;
    Id problem_id = problem.id, cause_id = selected ? selected->id : 0;
    std::vector<ui::ToolItem> items(4);
    items[0].label = c_.tr("Add direct cause");
    items[0].pressed = [this, problem_id] { add_cause(problem_id, 0); };
    items[0].probe = "problem_map.causes.add_direct";
    items[1].label = c_.tr("Add underlying cause");
    items[1].pressed = [this, problem_id, cause_id] { add_cause(problem_id, cause_id); };
    items[1].enabled = cause_id != 0;
    items[1].probe = "problem_map.causes.add_under";
    items[2].label = c_.tr("Delete cause");
    items[2].pressed = [this, cause_id] {
        if (edits::delete_cause(c_.host(), cause_id)) c_.selected_cause = 0;
    };
    items[2].enabled = cause_id != 0;
    items[2].probe = "problem_map.causes.delete";
    items[3].label = c_.tr("Show whole tree");
    items[3].pressed = [this] { fitted_for_ = -1; };
    items[3].probe = "problem_map.causes.show_all";
    ui::toolbar("problem_map.causes.toolbar", items);
}

void CauseView::draw_tree(const Snapshot& s, const Card& problem) {
    layout_ = layout_cause_tree(s, problem.id);
    canvas_.origin = ImGui::GetCursorScreenPos();
    canvas_.size = ImGui::GetContentRegionAvail();
    canvas_.font_scale = ImGui::GetFontSize() / 20.0f;
    if (canvas_.size.x < 10 || canvas_.size.y < 10) return;
    // Fit again when the tree grows or shrinks, so a new cause is always in view.
    if (fitted_for_ != problem.id || fitted_nodes_ != layout_.size()) {
        fitted_nodes_ = layout_.size();
        float rows = 1;
        int depth = 0;
        for (const auto& n : layout_) {
            rows = std::max(rows, n.row + 1);
            depth = std::max(depth, n.depth);
        }
        canvas_.fit(ImVec2(0, 0), ImVec2(float(depth) * kColumn + kNodeW, (rows - 1) * kRow + kNodeH));
        canvas_.zoom = std::max(canvas_.zoom, 0.45f);
        if (canvas_.zoom == 0.45f) canvas_.pan = ImVec2(-20, -20);
        fitted_for_ = problem.id;
    }
    ImGui::InvisibleButton("##tree", canvas_.size);
    ui::mark_item("problem_map.causes.canvas");
    ui::mark_item("scrolls.problem_map.causes");  // it pans
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
        const TreeNode* hit = node_at(io.MousePos);
        panning_ = !hit;
        if (hit) c_.selected_cause = hit->cause_id;
        dragging_ = hit ? hit->cause_id : 0;
    }
    if (ImGui::IsItemActive() && panning_) canvas_.pan_by_screen(io.MouseDelta);
    if (ImGui::IsItemDeactivated()) {
        const TreeNode* target = node_at(io.MousePos);
        bool moved = std::abs(io.MousePos.x - io.MouseClickedPos[0].x) + std::abs(io.MousePos.y - io.MouseClickedPos[0].y) > 6;
        if (dragging_ && moved && target && target->cause_id != dragging_) {
            if (s.cause(dragging_) && s.cause(dragging_)->parent_id != target->cause_id)
                edits::reparent_cause(c_.host(), dragging_, target->cause_id);
        }
        dragging_ = 0;
        panning_ = false;
    }
    if (ImGui::IsItemHovered()) canvas_.handle_wheel();
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !io.WantTextInput) {
        canvas_.handle_keys();
        if (ImGui::IsKeyPressed(keys::Insert, false)) add_cause(problem.id, c_.selected_cause);
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 cmax(canvas_.origin.x + canvas_.size.x, canvas_.origin.y + canvas_.size.y);
    dl->PushClipRect(canvas_.origin, cmax, true);
    dl->AddRectFilled(canvas_.origin, cmax, IM_COL32(246, 246, 242, 255));
    float scale = canvas_.scale();
    std::map<Id, const TreeNode*> by_cause;
    for (const auto& n : layout_) by_cause[n.cause_id] = &n;
    // Lines first: from the parent's right edge to the child's left edge.
    for (const auto& n : layout_) {
        if (n.depth == 0) continue;
        const TreeNode* parent = by_cause[n.parent_id];
        if (!parent) continue;
        ImVec2 from = canvas_.to_screen(ImVec2(node_min(*parent).x + kNodeW, node_min(*parent).y + kNodeH / 2));
        ImVec2 to = canvas_.to_screen(ImVec2(node_min(n).x, node_min(n).y + kNodeH / 2));
        float mid = (from.x + to.x) / 2;
        dl->AddBezierCubic(from, ImVec2(mid, from.y), ImVec2(mid, to.y), to, IM_COL32(90, 90, 100, 255), 2.5f);
    }
    ImFont* font = ImGui::GetFont();
    // Larger than the interface text: nodes are read from the back of the room.
    float fs = ImGui::GetFontSize() * canvas_.zoom * 1.3f;
    for (const auto& n : layout_) {
        ImVec2 min = canvas_.to_screen(node_min(n));
        ImVec2 max(min.x + kNodeW * scale, min.y + kNodeH * scale);
        if (dragging_ == n.cause_id && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
            min = ImVec2(min.x + d.x, min.y + d.y);
            max = ImVec2(max.x + d.x, max.y + d.y);
        }
        if (!ImGui::IsRectVisible(min, max)) continue;
        const Cause* cause = s.cause(n.cause_id);
        bool selected = cause && c_.selected_cause == cause->id;
        ImU32 border = !cause ? IM_COL32(40, 40, 50, 255) : cause->nature == "social" ? kSocial : kSituational;
        dl->AddRectFilled(min, max, cause ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 226, 180, 255), 8 * scale);
        dl->AddRect(min, max, selected ? IM_COL32(200, 40, 40, 255) : border, 8 * scale, 0, selected ? 4.5f : 3.0f);
        ui::mark_rect(cause ? fmt::format("problem_map.cause.{}", cause->id) : std::string("problem_map.cause.root"), min, max);
        if (fs < 8) continue;
        float pad = 10 * scale;
        ImVec4 clip(min.x + pad, min.y + pad * 0.5f, max.x - pad, max.y - pad * 0.5f);
        std::string text = cause ? (cause->text.empty() ? c_.tr("(describe the cause)") : cause->text) : problem.title;
        float small = fs * 0.72f;
        float text_bottom = cause ? max.y - small - pad : max.y;
        ImVec4 text_clip(clip.x, clip.y, clip.z, text_bottom);
        dl->AddText(font, fs, ImVec2(min.x + pad, min.y + pad * 0.7f), kCauseInk, text.c_str(), nullptr, max.x - min.x - pad * 2, &text_clip);
        if (cause) {
            int factor = std::max(0, index_of(kFactors, cause->factor));
            std::string tags = nature_labels(c_)[std::size_t(std::max(0, index_of(kNatures, cause->nature)))];
            if (factor > 0) tags += std::string(" \u00b7 ") + factor_labels(c_)[std::size_t(factor)];
            dl->AddText(font, small, ImVec2(min.x + pad, max.y - small - pad * 0.6f), border, tags.c_str(), nullptr, 0, &clip);
        }
    }
    dl->PopClipRect();
}

void CauseView::draw_cause_panel(const Snapshot& s, const Card& problem) {
    const Cause* cause = s.cause(c_.selected_cause);
    if (!cause || cause->card_id != problem.id) {
        ui::hint(c_.tr("Select a cause in the tree to edit it, or add one."));
        return;
    }
    Id id = cause->id;
    ImGui::PushID(int(id));
    if (focus_text_) {
        ImGui::SetKeyboardFocusHere();  // the next focusable item: the text field below its caption
        focus_text_ = false;
    }
    text_field(c_.tr("Cause"), "problem_map.causes.text", cause->text, c_.host(), [this, id](Editor& editor, const std::string& v) {
        return c_.workshop() && bool(edits::set_cause_text(editor, id, v));
    });
    caption(c_.tr("Kind of cause"));
    int nature = std::max(0, index_of(kNatures, cause->nature));
    if (choice_row("nature", nature, nature_labels(c_), "problem_map.causes.nature"))
        edits::set_cause_nature(c_.host(), id, kNatures[std::size_t(nature)]);
    int factor = std::max(0, index_of(kFactors, cause->factor));
    if (choice_row("factor", factor, factor_labels(c_), "problem_map.causes.factor"))
        edits::set_cause_factor(c_.host(), id, kFactors[std::size_t(factor)]);
    caption(c_.tr("Cause of"));
    const Cause* parent = s.cause(cause->parent_id);
    std::string preview = parent ? parent->text : fmt::format("{} ({})", problem.title, c_.tr("the problem"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##parent", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(fmt::format("{} ({})", problem.title, c_.tr("the problem")).c_str(), cause->parent_id == 0))
            edits::reparent_cause(c_.host(), id, 0);
        ui::mark_item("problem_map.causes.parent.0");
        for (const Cause* other : causes_of(s, problem.id)) {
            if (in_branch(s, id, other->id)) continue;  // not under itself
            ImGui::PushID(int(other->id));
            if (ImGui::Selectable(other->text.empty() ? c_.tr("(describe the cause)") : other->text.c_str(),
                                  other->id == cause->parent_id))
                edits::reparent_cause(c_.host(), id, other->id);
            ui::mark_item(fmt::format("problem_map.causes.parent.{}", other->id));
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.causes.parent");
    ImGui::PopID();
}

void CauseView::draw_triangle(const Snapshot& s, const Card& problem) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(c_.tr("Problem analysis triangle"));
    const Triangle* t = s.triangle(problem.id);
    Triangle empty;
    if (!t) t = &empty;
    using F = edits::TriangleField;
    Id card = problem.id;
    auto field = [&](const char* label, const char* probe, const std::string& value, F f) {
        text_field(label, probe, value, c_.host(), [this, card, f](Editor& editor, const std::string& v) {
            return c_.workshop() && bool(edits::set_triangle(editor, card, f, v));
        });
    };
    ImGui::PushID("triangle");
    ImGui::PushID(int(card));
    field(c_.tr("Offender"), "problem_map.triangle.offender", t->offender, F::Offender);
    field(c_.tr("Target / victim"), "problem_map.triangle.target", t->target, F::Target);
    field(c_.tr("Place"), "problem_map.triangle.place", t->place, F::Place);
    ui::hint(c_.tr("Who could act:"));
    field(c_.tr("Handler (of the offender)"), "problem_map.triangle.handler", t->handler, F::Handler);
    field(c_.tr("Guardian (of the target)"), "problem_map.triangle.guardian", t->guardian, F::Guardian);
    field(c_.tr("Place manager"), "problem_map.triangle.manager", t->manager, F::Manager);
    ImGui::PopID();
    ImGui::PopID();
}

}  // namespace kartla::problem_map::views
