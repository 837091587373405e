#include "board_view.hpp"

#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>

namespace kartla::problem_map::views {

namespace {

constexpr float kClusterHeader = 48.0f;  // world units
constexpr float kResizeHandle = 30.0f;
constexpr float kOpeningZoom = 0.75f;     // the least zoom the board opens at: card text stays readable
constexpr float kTitleScale = 1.1f;       // card titles a little larger than the interface text
constexpr float kMinReadablePixels = 8.0f;  // smaller text is not drawn at all: unreadable text is noise
constexpr ImU32 kBoardBackground = IM_COL32(244, 241, 234, 255);
constexpr ImU32 kInk = IM_COL32(20, 20, 28, 255);
constexpr ImU32 kSelected = IM_COL32(30, 90, 200, 255);
constexpr ImU32 kJoining = IM_COL32(46, 140, 67, 255);
constexpr ImU32 kFaceDown = IM_COL32(70, 76, 88, 255);
constexpr ImU32 kPointer = IM_COL32(235, 110, 0, 255);  // the host's follow-me orange

ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }

}  // namespace

const BoardIndex& BoardView::index_for(const std::shared_ptr<const Snapshot>& snapshot) {
    // Holding the snapshot keeps its address from being reused by a later one.
    if (snapshot != indexed_ || !index_) {
        index_ = std::make_unique<BoardIndex>(*snapshot);
        indexed_ = snapshot;
    }
    return *index_;
}

void BoardView::draw() {
    auto snapshot = c_.snapshot();
    if (!snapshot) return;
    const Snapshot& s = *snapshot;
    index_for(snapshot);
    if (mode_ == BoardMode::Room) {
        draw_for_room(s);
        return;
    }
    draw_toolbar(s);
    bool panel = c_.selection.single() || c_.selection.cluster || c_.selection.cards.size() > 1;
    float panel_width = panel ? ImGui::GetFontSize() * 22 : 0.0f;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float canvas_width = avail.x - panel_width;
    // At 300 % on a projector every line taken from the board counts: one line of chips when space is short.
    legend_lines_ = avail.y < ImGui::GetFontSize() * 14 ? 1 : 2;
    // The legend has a strip of its own under the canvas, so it never covers a card.
    float legend = show_legend_ ? legend_height(s, canvas_width) : 0.0f;
    ImGui::BeginGroup();
    float below = legend > 0 ? legend + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    ImGui::BeginChild("problem_map.board.canvas", ImVec2(canvas_width, avail.y - below), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    draw_canvas(s);
    ImGui::EndChild();
    if (legend > 0) draw_legend_strip(s, canvas_width, legend);
    ImGui::EndGroup();
    if (panel) {
        ImGui::SameLine();
        ImGui::BeginChild("problem_map.board.panel", ImVec2(0, 0), true);
        panel_.draw(s);
        ImGui::EndChild();
    }
}

// The room sees the part of the board the facilitator's board shows (follow me),
// at the room's size and text, selection included; no controls, no gestures.
void BoardView::draw_for_room(const Snapshot& s) {
    canvas_.origin = ImGui::GetCursorScreenPos();
    canvas_.size = ImGui::GetContentRegionAvail();
    canvas_.font_scale = ImGui::GetFontSize() / 20.0f;
    show_legend_ = c_.board_frame.legend;
    float legend = show_legend_ ? legend_height(s, canvas_.size.x) : 0.0f;
    canvas_.size.y -= legend > 0 ? legend + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    if (canvas_.size.x < 10 || canvas_.size.y < 10) return;
    fit_to_facilitator(s);
    ImGui::Dummy(canvas_.size);
    ui::mark_item("problem_map.room.board");
    draw_picture(s, c_.board_frame.pointing);
    if (legend > 0) draw_legend_strip(s, canvas_.size.x, legend);
}

// The board's background, clusters, cards, banner and legend, clipped to the canvas;
// with the facilitator's pointer as a ring when drawn for the room.
void BoardView::draw_picture(const Snapshot& s, bool with_pointer) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max = add(canvas_.origin, canvas_.size);
    dl->PushClipRect(canvas_.origin, max, true);
    dl->AddRectFilled(canvas_.origin, max, kBoardBackground);
    draw_clusters(s, dl);
    draw_cards(s, dl);
    draw_banner(s, dl);
    if (with_pointer) draw_pointer(dl, canvas_.to_screen(c_.board_frame.pointer));
    dl->PopClipRect();
}

// What the facilitator's board shows, as large as the room's screen allows: the
// cards and clusters within the facilitator's view, not the empty space around them.
void BoardView::fit_to_facilitator(const Snapshot& s) {
    const BoardFrame& frame = c_.board_frame;
    ImVec2 lo, hi;
    if (!frame.known || !content_bounds(s, lo, hi)) {
        fit_all(s, kOpeningZoom);
        return;
    }
    ImVec2 shown_lo(std::max(lo.x, frame.min.x), std::max(lo.y, frame.min.y));
    ImVec2 shown_hi(std::min(hi.x, frame.max.x), std::min(hi.y, frame.max.y));
    if (shown_lo.x >= shown_hi.x || shown_lo.y >= shown_hi.y) {  // the facilitator looks at empty space
        shown_lo = frame.min;
        shown_hi = frame.max;
    }
    canvas_.fit(shown_lo, shown_hi);
}

// Where the facilitator points, as a ring the back of the room can see.
void BoardView::draw_pointer(ImDrawList* dl, ImVec2 at) {
    float radius = ImGui::GetFontSize() * 0.9f, width = ImGui::GetFontSize() * 0.2f;
    dl->AddCircle(at, radius, IM_COL32(255, 255, 255, 230), 40, width * 1.8f);
    dl->AddCircle(at, radius, kPointer, 40, width);
}

// One row at any text size: what does not fit goes into "More" (ui::toolbar).
void BoardView::draw_toolbar(const Snapshot& s) {
    Workshop* w = c_.workshop();
    using Item = ui::ToolItem;
    std::vector<Item> items;
    auto button = [&](const char* label, const char* probe, std::function<void()> run) {
        Item item;
        item.label = label;
        item.probe = probe;
        item.pressed = std::move(run);
        items.push_back(std::move(item));
        return &items.back();
    };
    auto toggle = [&](const char* label, const char* probe, bool* value, std::function<void()> changed) {
        Item item;
        item.kind = Item::Kind::Toggle;
        item.label = label;
        item.probe = probe;
        item.value = value;
        item.pressed = std::move(changed);
        items.push_back(std::move(item));
    };
    button(c_.tr("New card"), "problem_map.board.new_card", [this] { create_card_in_view(); });
    button(c_.tr("New cluster"), "problem_map.board.new_cluster", [this, &s] { create_cluster(s); });
    button(c_.tr("Delete"), "problem_map.board.delete", [this] { delete_selection(); })->enabled = !c_.selection.cards.empty();
    if (!s.settings.silent_round) {
        button(c_.tr("Start silent round"), "problem_map.board.silent_start", [this] { edits::start_silent_round(c_.host()); });
    } else {
        button(c_.tr("Reveal all"), "problem_map.board.reveal", [this] { edits::reveal_all(c_.host()); })->colour =
            ImVec4(0.85f, 0.55f, 0.10f, 1);
    }
    button(c_.tr("Show all"), "problem_map.board.fit", [this, &s] {
        fit_all(s, Canvas::kMinZoom);
        view_moved_ = true;
    });
    ImVec2 center = add(canvas_.origin, ImVec2(canvas_.size.x / 2, canvas_.size.y / 2));
    button(" \u2212 ##zoom_out", "problem_map.board.zoom_out", [this, center] {
        canvas_.zoom_at(center, 1 / 1.25f);
        view_moved_ = true;
    });
    button(" + ##zoom_in", "problem_map.board.zoom_in", [this, center] {
        canvas_.zoom_at(center, 1.25f);
        view_moved_ = true;
    });
    toggle(c_.tr("Select several"), "problem_map.board.multi_select", &multi_select_, [this] {
        if (!multi_select_ && c_.selection.cards.size() > 1) c_.selection.clear();
    });
    toggle(c_.tr("Legend"), "problem_map.board.legend", &show_legend_, nullptr);
    ui::toolbar("problem_map.board.toolbar", items);
}

// The world rectangle around every card and cluster; false when the board is empty.
bool BoardView::content_bounds(const Snapshot& s, ImVec2& lo, ImVec2& hi) {
    lo = ImVec2(FLT_MAX, FLT_MAX);
    hi = ImVec2(-FLT_MAX, -FLT_MAX);
    auto grow = [&](float x0, float y0, float x1, float y1) {
        lo = ImVec2(std::min(lo.x, x0), std::min(lo.y, y0));
        hi = ImVec2(std::max(hi.x, x1), std::max(hi.y, y1));
    };
    for (const auto& card : s.cards) grow(card.x, card.y, card.x + kCardWidth, card.y + kCardHeight);
    for (const auto& cl : s.clusters) grow(cl.x, cl.y, cl.x + cl.w, cl.y + cl.h);
    return !s.cards.empty() || !s.clusters.empty();
}

void BoardView::fit_all(const Snapshot& s, float min_zoom) {
    if (s.cards.empty() && s.clusters.empty()) {
        canvas_.zoom = 1.0f;
        canvas_.pan = ImVec2(0, 0);
        return;
    }
    ImVec2 lo, hi;
    content_bounds(s, lo, hi);
    canvas_.fit(lo, hi);
    if (canvas_.zoom < min_zoom) {  // too much to show readably: show the top-left part instead
        canvas_.zoom = min_zoom;
        canvas_.pan = ImVec2(lo.x - 40, lo.y - 40);
    }
}

void BoardView::draw_canvas(const Snapshot& s) {
    canvas_.origin = ImGui::GetCursorScreenPos();
    canvas_.size = ImGui::GetContentRegionAvail();
    canvas_.font_scale = ImGui::GetFontSize() / 20.0f;
    if (canvas_.size.x < 10 || canvas_.size.y < 10) return;
    // Fit on opening, and again when the window changes size before anyone moved the view
    // (e.g. going full screen on the projector).
    bool resized = canvas_.size.x != fitted_size_.x || canvas_.size.y != fitted_size_.y;
    if (fitted_for_ != c_.workshop() || (resized && !view_moved_)) {
        fit_all(s, kOpeningZoom);
        fitted_for_ = c_.workshop();
        fitted_size_ = canvas_.size;
        view_moved_ = false;
    }
    ImVec2 pan_before = canvas_.pan;
    float zoom_before = canvas_.zoom;
    ImGui::InvisibleButton("##board", canvas_.size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                               ImGuiButtonFlags_AllowItemOverlap);
    ImGui::SetItemAllowOverlap();
    ui::mark_item("problem_map.board.canvas");
    bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActivated()) handle_press(s);
    // A press becomes a drag once the mouse has moved past ImGui's threshold; the
    // release frame still counts (the button is up by then, so remember it).
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) dragged_ = true;
    if (ImGui::IsItemDeactivated()) finish_gesture(s);
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        Hit hit = hit_test(s, ImGui::GetIO().MousePos);
        if (hit.kind == HitKind::None) create_card_at(s, canvas_.to_world(ImGui::GetIO().MousePos));
        else if (hit.kind == HitKind::Card) {
            editing_ = hit.id;
            editor_frames_ = 0;
        }
    }
    if (gesture_ == Gesture::Pan && ImGui::IsItemActive()) {
        canvas_.pan_by_screen(ImGui::GetIO().MouseDelta);
    }
    if (hovered) canvas_.handle_wheel();
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput && !editing_)
        handle_keys(s);

    if (canvas_.pan.x != pan_before.x || canvas_.pan.y != pan_before.y || canvas_.zoom != zoom_before) view_moved_ = true;
    c_.board_frame = {canvas_.to_world(canvas_.origin), canvas_.to_world(add(canvas_.origin, canvas_.size)), show_legend_,
                      true, hovered, canvas_.to_world(ImGui::GetIO().MousePos)};
    draw_picture(s, false);
    draw_title_editor(s);
}

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
    title_buffer_.clear();
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
    title_buffer_.clear();
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
    if (id) {
        c_.selection.clear();
        c_.selection.cluster = id;
    }
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

void BoardView::draw_clusters(const Snapshot& s, ImDrawList* dl) {
    float scale = canvas_.scale();
    const std::set<Id> joining = joining_clusters(s);
    ImFont* font = ImGui::GetFont();
    const bool probes = ui::probes_enabled();
    for (const Cluster* original : placement::stacking_order(s.clusters)) {
        Cluster cl = cluster_frame(*original);
        ImVec2 min = canvas_.to_screen(ImVec2(cl.x, cl.y)), max = canvas_.to_screen(ImVec2(cl.x + cl.w, cl.y + cl.h));
        if (!ImGui::IsRectVisible(min, max)) continue;
        bool selected = c_.selection.cluster == cl.id || joining.count(cl.id);
        float rounding = 10 * scale;
        float header = std::max(kClusterHeader * scale, ImGui::GetFontSize() * 1.2f);
        dl->AddRectFilled(min, max, IM_COL32(226, 232, 240, 255), rounding);
        dl->AddRectFilled(min, ImVec2(max.x, min.y + header), IM_COL32(196, 207, 222, 255), rounding,
                          ImDrawFlags_RoundCornersTop);
        dl->AddRect(min, max, selected ? kSelected : IM_COL32(110, 122, 140, 255), rounding, 0, selected ? 4.0f : 2.0f);
        float size = std::max(ImGui::GetFontSize() * 1.15f * canvas_.zoom, ImGui::GetFontSize() * 0.9f);
        size = std::min(size, header * 0.8f);
        ImVec4 clip(min.x, min.y, max.x - header, min.y + header);
        dl->AddText(font, size, ImVec2(min.x + 12 * scale, min.y + (header - size) / 2), kInk, cl.name.c_str(), nullptr,
                    0.0f, &clip);
        if (probes) ui::mark_rect(fmt::format("problem_map.cluster.{}", cl.id), min, ImVec2(max.x, min.y + header));
        if (joining.count(cl.id)) {  // the frame a dragged card will join, before it is dropped
            dl->AddRect(min, max, kJoining, rounding, 0, 6.0f);
            if (probes) ui::mark_rect(fmt::format("problem_map.cluster.{}.joining", cl.id), min, max);
        }
        float handle = std::max(kResizeHandle * scale, ImGui::GetFontSize());
        dl->AddTriangleFilled(ImVec2(max.x, max.y - handle), max, ImVec2(max.x - handle, max.y), IM_COL32(110, 122, 140, 255));
        if (probes)
            ui::mark_rect(fmt::format("problem_map.cluster.{}.resize", cl.id), ImVec2(max.x - handle, max.y - handle), max);
    }
}

// The cards that may be on screen, in board order: from the grid, unless cards are
// being dragged (then they are not where the grid filed them, and every card is asked).
std::vector<std::size_t> BoardView::cards_to_draw(const Snapshot& s) {
    std::vector<std::size_t> out;
    if (gesture_ == Gesture::MoveCards || gesture_ == Gesture::MoveCluster) {
        out.resize(s.cards.size());
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
        return out;
    }
    ImVec2 lo = canvas_.to_world(canvas_.origin), hi = canvas_.to_world(add(canvas_.origin, canvas_.size));
    index_->grid.query(lo.x, lo.y, hi.x, hi.y, out);
    return out;
}

void BoardView::draw_cards(const Snapshot& s, ImDrawList* dl) {
    float scale = canvas_.scale();
    ImVec2 size(kCardWidth * scale, kCardHeight * scale);
    const Card* moving_last = nullptr;
    for (std::size_t position : cards_to_draw(s)) {
        const Card& card = s.cards[position];
        ImVec2 min = canvas_.to_screen(card_position(card));
        ImVec2 max = add(min, size);
        if (!ImGui::IsRectVisible(min, max)) continue;  // culling: off-screen cards cost one test
        if (c_.selection.has(card.id) && gesture_ == Gesture::MoveCards) {
            moving_last = &card;  // drawn on top below; one is enough to see while dragging a group
            continue;
        }
        draw_card(s, dl, card, min, max);
    }
    // Dragged cards go on top of the others.
    if (moving_last)
        for (Id id : c_.selection.cards)
            if (const Card* card = s.card(id)) {
                ImVec2 min = canvas_.to_screen(card_position(*card));
                if (ImGui::IsRectVisible(min, add(min, size))) draw_card(s, dl, *card, min, add(min, size));
            }
}

void BoardView::draw_card(const Snapshot& s, ImDrawList* dl, const Card& card, ImVec2 min, ImVec2 max) {
    float scale = canvas_.scale();
    const Category* category = s.category(card.category_id);
    std::uint32_t rgb = category ? category->color : 0x9AA0A6;
    bool selected = c_.selection.has(card.id);
    if (ui::probes_enabled()) ui::mark_rect(fmt::format("problem_map.card.{}", card.id), min, max);
    // Level of detail: too small for text to be read, a card is a filled rectangle
    // in its colour (the selection outlined), nothing else.
    if (max.x - min.x < 6 || ImGui::GetFontSize() * canvas_.zoom * kTitleScale < kMinReadablePixels) {
        dl->AddRectFilled(min, max, card.hidden ? kFaceDown : packed_color(rgb));
        if (selected) dl->AddRect(min, max, kSelected, 0, 0, 3.0f);
        return;
    }
    float rounding = 6 * scale;
    float strip = 10 * scale;
    if (card.hidden) {
        dl->AddRectFilled(min, max, kFaceDown, rounding);
    } else {
        dl->AddRectFilled(min, max, packed_color(rgb, 0.80f), rounding);
        dl->AddRectFilled(min, ImVec2(max.x, min.y + strip), packed_color(rgb), rounding, ImDrawFlags_RoundCornersTop);
    }
    dl->AddRect(min, max, selected ? kSelected : IM_COL32(60, 60, 70, 255), rounding, 0, selected ? 4.0f : 1.5f);
    float font_size = ImGui::GetFontSize() * canvas_.zoom * kTitleScale;
    if (font_size < kMinReadablePixels) return;
    ImFont* font = ImGui::GetFont();
    float pad = 10 * scale;
    ImVec4 clip(min.x + pad, min.y + strip, max.x - pad, max.y - pad);
    if (card.hidden) {
        const char* text = c_.tr("Face down");
        ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, 0, text);
        dl->AddText(font, font_size, ImVec2((min.x + max.x - ts.x) / 2, (min.y + max.y - ts.y) / 2),
                    IM_COL32(255, 255, 255, 255), text, nullptr, 0, &clip);
        return;
    }
    float small = font_size * 0.8f;
    float footer = small + pad;
    // Whole lines only: a line cut through the middle cannot be read and looks broken.
    float title_top = min.y + strip + pad * 0.5f;
    float whole_lines = std::floor((max.y - footer - title_top) / font_size);
    const char* title = card.title.empty() ? c_.tr("(no title)") : card.title.c_str();
    // A title longer than the card ends in "…"; the whole of it shows on hover and on touch-and-hold.
    if (editing_ != card.id) {
        bool cut = false;
        ui::draw_clipped_text(dl, font, font_size, ImVec2(min.x + pad, title_top),
                              card.title.empty() ? IM_COL32(100, 100, 110, 255) : kInk, title, max.x - min.x - pad * 2,
                              std::max(int(whole_lines), 1), &cut);
        if (cut && mode_ == BoardMode::Console && !dragged_) ui::whole_text_tip(min, max, title);
    }
    // Footer: severity as filled dots, the trend arrow, signal crime, dots given, the priority star.
    std::string footer_text;
    for (int i = 1; i <= 5; ++i) footer_text += i <= card.severity ? "\u25CF" : "\u25CB";
    footer_text += "  ";
    footer_text += trend_arrow(card.trend);
    if (card.signal_crime) footer_text += "  \u25B2";
    dl->AddText(font, small, ImVec2(min.x + pad, max.y - footer), kInk, footer_text.c_str(), nullptr, 0, &clip);
    std::string right;
    if (int dots = s.dots(card.id)) right = fmt::format("{} \u25CF", dots);
    if (card.prioritised) right += right.empty() ? "\u2605" : "  \u2605";
    if (!right.empty()) {
        ImVec2 ts = font->CalcTextSizeA(small, FLT_MAX, 0, right.c_str());
        dl->AddText(font, small, ImVec2(max.x - pad - ts.x, max.y - footer), IM_COL32(150, 30, 30, 255), right.c_str(),
                    nullptr, 0, &clip);
    }
}

void BoardView::draw_banner(const Snapshot& s, ImDrawList* dl) {
    if (!s.settings.silent_round) return;
    int hidden = index_->face_down;
    std::string text = fmt::format(fmt::runtime(c_.tr("Silent round: new cards stay face down until \"Reveal all\" ({} face down)")),
                                   hidden);
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    ImVec2 pos(canvas_.origin.x + (canvas_.size.x - ts.x) / 2, canvas_.origin.y + 8);
    dl->AddRectFilled(ImVec2(pos.x - 12, pos.y - 4), ImVec2(pos.x + ts.x + 12, pos.y + ts.y + 4), IM_COL32(255, 236, 179, 245), 6);
    dl->AddText(pos, kInk, text.c_str());
}

std::vector<std::pair<std::string, std::uint32_t>> BoardView::legend_chips(const Snapshot& s) const {
    std::vector<std::pair<std::string, std::uint32_t>> chips;
    for (Id id : index_->used_categories)  // found once per snapshot, not per frame and card
        if (const Category* category = s.category(id)) chips.emplace_back(category_name(*category, c_.translator()), category->color);
    return chips;
}

namespace {
constexpr float kLegendText = 0.85f;  // of the interface text
}  // namespace

// Lays the chips out in at most two lines of `width`; returns the strip's height (0
// without chips). Chips that do not fit are counted in `left_out` ("+3"); the
// whole list then shows on hover and hold.
float BoardView::layout_legend(const Snapshot& s, float width, std::vector<ImVec2>* offsets, std::size_t* left_out) const {
    auto chips = legend_chips(s);
    if (chips.empty()) return 0.0f;
    float fs = ImGui::GetFontSize() * kLegendText;
    float swatch = fs * 0.9f, gap = fs * 0.9f, line = fs + ImGui::GetStyle().ItemSpacing.y * 0.6f;
    float right = width - 16;
    auto text_width = [&](const std::string& t) { return ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, t.c_str()).x; };
    std::vector<ImVec2> placed;
    float x = 0;
    int row = 0;
    for (const auto& chip : chips) {
        float w = swatch + 6 + text_width(chip.first);
        if (x > 0 && x + w > right) {
            if (row + 1 == legend_lines_) break;
            x = 0;
            ++row;
        }
        placed.emplace_back(x, float(row) * line);
        x += w + gap;
    }
    std::size_t hidden = chips.size() - placed.size();
    // Room for "+N" at the end of the last line.
    while (hidden > 0 && !placed.empty()) {
        const ImVec2& last = placed.back();
        float end = last.x + swatch + 6 + text_width(chips[placed.size() - 1].first) + gap;
        if (end + text_width(fmt::format("+{}", hidden + 1)) <= right) break;
        placed.pop_back();
        ++hidden;
    }
    if (offsets) *offsets = placed;
    if (left_out) *left_out = hidden;
    return float(row + 1) * line + 8;
}

float BoardView::legend_height(const Snapshot& s, float width) const { return layout_legend(s, width, nullptr, nullptr); }

// The colour chips in a strip of their own under the canvas: drawn over the board
// they would hide cards.
void BoardView::draw_legend_strip(const Snapshot& s, float width, float height) {
    auto chips = legend_chips(s);
    std::vector<ImVec2> offsets;
    std::size_t hidden = 0;
    layout_legend(s, width, &offsets, &hidden);
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ui::mark_item("problem_map.board.legend_strip");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + width, min.y + height), IM_COL32(255, 255, 255, 235));
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize() * kLegendText, swatch = fs * 0.9f;
    float end_x = min.x, end_y = min.y + 4;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        ImVec2 p(min.x + 8 + offsets[i].x, min.y + 4 + offsets[i].y);
        float top = p.y + (fs - swatch) / 2;
        dl->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + swatch, top + swatch), packed_color(chips[i].second), 3);
        dl->AddText(font, fs, ImVec2(p.x + swatch + 6, p.y), kInk, chips[i].first.c_str());
        end_x = p.x + swatch + 6 + font->CalcTextSizeA(fs, FLT_MAX, 0, chips[i].first.c_str()).x + fs * 0.9f;
        end_y = p.y;
    }
    if (hidden == 0) return;
    std::string more = fmt::format("+{}", hidden);
    dl->AddText(font, fs, ImVec2(end_x, end_y), IM_COL32(60, 60, 70, 255), more.c_str());
    std::string all;
    for (const auto& chip : chips) all += (all.empty() ? "" : "\n") + chip.first;
    ui::whole_text_tip(min, ImVec2(min.x + width, min.y + height), all.c_str());
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
    if (editor_frames_ == 0) {
        title_buffer_ = card->title;
        ImGui::SetKeyboardFocusHere();
    }
    ++editor_frames_;
    Id id = card->id;
    if (ui::input_text("##title_editor", title_buffer_) && title_buffer_ != card->title)
        if (c_.workshop()) edits::set_text(c_.host(), id, edits::TextField::Title, title_buffer_);
    ui::mark_item("problem_map.board.title_editor");
    bool active = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivated() || (!active && editor_frames_ > 2)) editing_ = 0;
}

}  // namespace kartla::problem_map::views
