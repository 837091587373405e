// The board's input: the pointer (hit test, select, drag cards and frames,
// resize), the keys, new cards and frames, and editing a title on the board.
#include "board_view.hpp"

#include "board_style.hpp"
#include "fields.hpp"
#include "model/edits.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui_internal.h>

#include <algorithm>
#include <set>

#include <utility>

namespace kartla::problem_map::views {

using namespace board;

void BoardView::handle_keys(const Snapshot& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt) return;
    if (pressed(keys::N) || pressed(keys::Insert)) create_card_in_view();
    else if (pressed(keys::Delete) || pressed(keys::Backspace)) delete_selection();
    else if ((pressed(keys::F2) || pressed(keys::Enter)) && s.card(c_.selection.single())) {
        editing_ = c_.selection.single();
        editor_frames_ = 0;
    } else if (pressed(keys::Escape)) c_.selection.clear();
    else if (pressed(keys::Home)) fit_all(s, Canvas::kMinZoom);
    else canvas_.handle_keys();
}

BoardView::Hit BoardView::hit_test(const Snapshot& s, ImVec2 p) const {
    float scale = canvas_.scale();
    for (auto it = s.cards.rbegin(); it != s.cards.rend(); ++it) {
        ImVec2 min = canvas_.to_screen(card_position(*it));
        if (p.x >= min.x && p.y >= min.y && p.x <= min.x + kCardWidth * scale && p.y <= min.y + kCardHeight * scale)
            return {HitKind::Card, it->id};
    }
    // The topmost frame under the pointer takes the press, as the board draws them;
    // its body (not header or handle) takes none, so a frame below never moves instead.
    const ImVec2 world = canvas_.to_world(p);
    const auto top = placement::cluster_at(s.clusters, world.x, world.y);
    const Cluster* cl = top ? s.cluster(*top) : nullptr;
    if (!cl) return {};
    ImVec2 min = canvas_.to_screen(ImVec2(cl->x, cl->y)), max = canvas_.to_screen(ImVec2(cl->x + cl->w, cl->y + cl->h));
    float handle = std::max(kResizeHandle * scale, ImGui::GetFontSize());
    if (p.x >= max.x - handle && p.y >= max.y - handle) return {HitKind::ClusterResize, cl->id};
    if (p.y <= min.y + std::max(kClusterHeader * scale, ImGui::GetFontSize() * 1.2f)) return {HitKind::ClusterHeader, cl->id};
    return {};
}

void BoardView::handle_press(const Snapshot& s) {
    const ImGuiIO& io = ImGui::GetIO();
    press_mouse_ = io.MousePos;
    dragged_ = false;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Middle)) {
        gesture_ = Gesture::Pan;
        return;
    }
    Hit hit = hit_test(s, io.MousePos);
    first_press_card_ = std::exchange(press_card_, hit.kind == HitKind::Card ? hit.id : 0);
    bool additive = multi_select_ || io.KeyCtrl || io.KeyShift;
    switch (hit.kind) {
        case HitKind::Card:
            // A selected card pressed while adding to the selection may start a group
            // drag; it is taken out of the selection only if the press ends without one.
            if (additive && c_.selection.has(hit.id)) unselect_on_release_ = hit.id;
            else if (additive) c_.selection.toggle(hit.id);
            else if (!c_.selection.has(hit.id)) c_.selection.only(hit.id);
            gesture_ = Gesture::MoveCards;
            break;
        case HitKind::ClusterHeader:
        case HitKind::ClusterResize:
            c_.selection.clear();
            c_.selection.cluster = hit.id;
            gesture_cluster_ = hit.id;
            cluster_cards_ = cluster_members(s, hit.id);
            gesture_ = hit.kind == HitKind::ClusterHeader ? Gesture::MoveCluster : Gesture::ResizeCluster;
            break;
        case HitKind::None:
            if (!additive) c_.selection.clear();
            gesture_ = Gesture::Pan;
            break;
    }
}

ImVec2 BoardView::drag_delta_world() const {
    if (gesture_ == Gesture::None || gesture_ == Gesture::Pan || !dragged_) return ImVec2(0, 0);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    return ImVec2((mouse.x - press_mouse_.x) / canvas_.scale(), (mouse.y - press_mouse_.y) / canvas_.scale());
}

ImVec2 BoardView::card_position(const Card& card) const {
    ImVec2 d = drag_delta_world();
    bool moving = (gesture_ == Gesture::MoveCards && c_.selection.has(card.id)) ||
                  (gesture_ == Gesture::MoveCluster && card.cluster_id == gesture_cluster_);
    return moving ? ImVec2(card.x + d.x, card.y + d.y) : ImVec2(card.x, card.y);
}

Cluster BoardView::cluster_frame(const Cluster& cluster) const {
    Cluster out = cluster;
    if (cluster.id != gesture_cluster_) return out;
    ImVec2 d = drag_delta_world();
    if (gesture_ == Gesture::MoveCluster) {
        out.x += d.x;
        out.y += d.y;
    } else if (gesture_ == Gesture::ResizeCluster) {
        out.w = std::max(kCardWidth * 0.75f, out.w + d.x);
        out.h = std::max(kClusterHeader * 2, out.h + d.y);
    }
    return out;
}

void BoardView::finish_gesture(const Snapshot& s) {
    Workshop* w = c_.workshop();
    ImVec2 d = drag_delta_world();
    bool moved = d.x != 0 || d.y != 0;
    if (w && moved) {
        if (gesture_ == Gesture::MoveCards) {
            std::vector<edits::CardPosition> positions;
            for (Id id : c_.selection.cards)
                if (const Card* card = s.card(id)) positions.push_back({id, card->x + d.x, card->y + d.y});
            edits::move_cards(c_.host(), positions);
        } else if (gesture_ == Gesture::MoveCluster) {
            edits::move_cluster(c_.host(), gesture_cluster_, d.x, d.y);
        } else if (gesture_ == Gesture::ResizeCluster) {
            if (const Cluster* cl = s.cluster(gesture_cluster_)) {
                Cluster f = cluster_frame(*cl);
                edits::resize_cluster(c_.host(), f.id, f.x, f.y, f.w, f.h);
            }
        }
    }
    if (unselect_on_release_ && !dragged_) c_.selection.toggle(unselect_on_release_);
    unselect_on_release_ = 0;
    gesture_ = Gesture::None;
    dragged_ = false;
    gesture_cluster_ = 0;
    cluster_cards_.clear();
}

void BoardView::create_card_at(const Snapshot& s, ImVec2 center) {
    (void)s;
    Workshop* w = c_.workshop();
    if (!w) return;
    EditResult result;
    Id id = edits::create_card(c_.host(), center.x - kCardWidth / 2, center.y - kCardHeight / 2, {}, &result);
    if (!result) return;
    c_.selection.only(id);
    editing_ = id;
    editor_frames_ = 0;
}

void BoardView::create_card_in_view() {
    Workshop* w = c_.workshop();
    if (!w) return;
    EditResult result;
    Id id = edits::create_card_in_view(c_.host(), visible_world(), &result);
    if (!result) return;
    c_.selection.only(id);
    editing_ = id;
    editor_frames_ = 0;
    // A full view puts the card below it: the view follows, so it is typed into where it is seen.
    auto fresh = c_.snapshot();
    if (const Card* card = fresh ? fresh->card(id) : nullptr) {
        const ImVec2 at = card_position(*card);
        bring_into_view(at, ImVec2(at.x + kCardWidth, at.y + kCardHeight));
    }
}

placement::Rect BoardView::visible_world() const {
    ImVec2 lo = canvas_.to_world(canvas_.origin), hi = canvas_.to_world(add(canvas_.origin, canvas_.size));
    // The legend has its own strip under the canvas, so the whole canvas is free for cards.
    return {lo.x, lo.y, std::max(hi.x - lo.x, kCardWidth), std::max(hi.y - lo.y, kCardHeight)};
}

// A new frame goes beside the others; it holds the selected cards, or none.
void BoardView::create_cluster(const Snapshot& s) {
    Workshop* w = c_.workshop();
    if (!w) return;
    float width = kCardWidth * 2 + 72, height = kCardHeight * 2 + kClusterHeader + 48;
    std::string name = fmt::format(fmt::runtime(c_.tr("Cluster {}")), s.clusters.size() + 1);
    Id id = edits::create_cluster_in_view(c_.host(), name, visible_world(), kClusterHeader, c_.selection.cards, width, height);
    if (!id) return;
    c_.selection.clear();
    c_.selection.cluster = id;
    // Beside the other frames may be off screen: the view follows, so its cards never vanish.
    auto fresh = c_.snapshot();
    for (const auto& cluster : fresh ? fresh->clusters : s.clusters)
        if (cluster.id == id) bring_into_view(ImVec2(cluster.x, cluster.y), ImVec2(cluster.x + cluster.w, cluster.y + cluster.h));
}

void BoardView::bring_into_view(ImVec2 min, ImVec2 max) {
    placement::Rect view = visible_world();
    // The panel takes the board's right side once the new thing is selected.
    view.w = std::min(view.w, std::max(stage_size_.x - card_panel_width(), kCardWidth * canvas_.scale()) / canvas_.scale());
    if (min.x >= view.x && min.y >= view.y && max.x <= view.x + view.w && max.y <= view.y + view.h) return;
    constexpr float margin = 24;  // world units: the rectangle does not touch the edge
    if (max.x - min.x + 2 * margin > view.w || max.y - min.y + 2 * margin > view.h) {
        canvas_.fit(min, max);  // larger than the view: all of it, smaller
    } else {
        // The same zoom, moved no further than it takes: the rest of the board stays where the eye left it.
        const auto shift = [](float lo, float hi, float from, float size) {
            return lo - margin < from ? lo - margin - from : hi + margin > from + size ? hi + margin - from - size : 0.0f;
        };
        canvas_.pan.x += shift(min.x, max.x, view.x, view.w);
        canvas_.pan.y += shift(min.y, max.y, view.y, view.h);
    }
    view_moved_ = true;
}

// The frames the cards being dragged would join if dropped now: the same rule as the drop.
std::set<Id> BoardView::joining_clusters(const Snapshot& s) const {
    std::set<Id> out;
    if (gesture_ != Gesture::MoveCards || !dragged_) return out;
    for (Id id : c_.selection.cards)
        if (const Card* card = s.card(id)) {
            ImVec2 p = card_position(*card);
            if (auto cl = placement::cluster_at(s.clusters, p.x + kCardWidth / 2, p.y + kCardHeight / 2)) out.insert(*cl);
        }
    return out;
}

void BoardView::delete_selection() {
    Workshop* w = c_.workshop();
    if (!w || c_.selection.cards.empty()) return;
    if (edits::delete_cards(c_.host(), c_.selection.cards)) c_.selection.clear();
}

void BoardView::draw_title_editor(const Snapshot& frame) {
    // A card created earlier in this frame is not in the frame's snapshot yet.
    auto fresh = c_.snapshot();
    const Snapshot& s = fresh ? *fresh : frame;
    const Card* card = s.card(editing_);
    if (!card) {
        editing_ = 0;
        return;
    }
    float scale = canvas_.scale();
    ImVec2 min = canvas_.to_screen(card_position(*card));
    float pad = 8 * scale;
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + 12 * scale));
    ImGui::SetNextItemWidth(std::max(kCardWidth * scale - pad * 2, ImGui::GetFontSize() * 8));
    if (editor_frames_ == 0) ImGui::SetKeyboardFocusHere();
    ++editor_frames_;
    Id id = card->id;
    ImGui::PushID(int(id));
    // The SDK's field keeps what the file could not take, also once the editor is closed.
    ui::text_field("##title_editor", card->title, c_.host(),
                   [this, id](Editor& editor, const std::string& title) {
                       return c_.workshop() && bool(edits::set_text(editor, id, edits::TextField::Title, title));
                   },
                   {.probe = "problem_map.board.title_editor", .key = card_title_key(id)});
    bool active = ImGui::GetActiveID() == ImGui::GetID("##title_editor");
    ImGui::PopID();
    // Closed when the user leaves it, not when something else (a banner) draws meanwhile.
    if (!active && editor_frames_ > 2) editing_ = 0;
}

}  // namespace kartla::problem_map::views
