// The board's frame: the toolbar, the canvas and its view (fit, follow me), the
// room's board. Pointer and keys are in board_input.cpp, the picture in board_paint.cpp.
#include "board_view.hpp"

#include "board_style.hpp"
#include "model/edits.hpp"

#include "kartla/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace kartla::problem_map::views {

using namespace board;

void BoardView::draw() {
    auto snapshot = c_.snapshot();
    if (!snapshot) return;
    const Snapshot& s = *snapshot;
    if (mode_ == BoardMode::Room) {
        draw_for_room(s);
        return;
    }
    draw_toolbar(s);
    bool panel = c_.selection.single() || c_.selection.cluster || c_.selection.cards.size() > 1;
    float panel_width = panel ? card_panel_width() : 0.0f;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    stage_size_ = avail;
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
    // Card titles never smaller than the room's text: with many cards the room sees
    // fewer at a time, around the middle of what the facilitator shows.
    if (float least = 1.0f / kTitleScale; canvas_.zoom < least) {
        ImVec2 centre = canvas_.world_center();
        canvas_.zoom = least;
        canvas_.pan = ImVec2(centre.x - canvas_.size.x / 2 / canvas_.scale(), centre.y - canvas_.size.y / 2 / canvas_.scale());
        // No empty board above or left of the cards: the room's screen is for them.
        if (ImVec2 lo, hi; content_bounds(s, lo, hi)) {
            const float margin = 40.0f;
            canvas_.pan.x = std::max(canvas_.pan.x, lo.x - margin);
            canvas_.pan.y = std::max(canvas_.pan.y, lo.y - margin);
        }
    }
    ImGui::Dummy(canvas_.size);
    ui::mark_item("problem_map.room.board");
    ui::mark_item("scrolls.problem_map.room.board");
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

// One row at any text size: what does not fit goes into "More" (ui::toolbar).
void BoardView::draw_toolbar(const Snapshot& s) {
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
        button(c_.tr("Reveal all"), "problem_map.board.reveal", [this] { edits::reveal_all(c_.host(), c_.room_view()); })->colour =
            ImVec4(0.85f, 0.55f, 0.10f, 1);
    }
    button(c_.tr("Show all"), "problem_map.board.fit", [this, &s] {
        fit_all(s, kLeastShowAllZoom);
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
    if (canvas_.zoom >= min_zoom) return;
    // Too much to show readably: fewer cards, not smaller ones. The clusters are what the
    // room made of the cards, so they come first: the first cluster whole, or its top-left.
    canvas_.zoom = min_zoom;
    ImVec2 focus_lo = lo, focus_hi = hi;
    const Cluster* first = nullptr;
    for (const auto& cl : s.clusters)
        if (!first || cl.y < first->y || (cl.y == first->y && cl.x < first->x)) first = &cl;
    if (first) {
        focus_lo = ImVec2(first->x, first->y);
        focus_hi = ImVec2(first->x + first->w, first->y + first->h);
    }
    const float margin = 40.0f, scale = canvas_.scale();
    const ImVec2 view(canvas_.size.x / scale, canvas_.size.y / scale);
    // Centred where the focus fits that way; from its top-left edge where it does not.
    auto start = [margin](float from, float to, float shown) {
        return to - from + margin * 2 <= shown ? (from + to - shown) / 2 : from - margin;
    };
    canvas_.pan = ImVec2(start(focus_lo.x, focus_hi.x, view.x), start(focus_lo.y, focus_hi.y, view.y));
}

void BoardView::draw_canvas(const Snapshot& s) {
    canvas_.origin = ImGui::GetCursorScreenPos();
    canvas_.size = ImGui::GetContentRegionAvail();
    canvas_.font_scale = ImGui::GetFontSize() / 20.0f;
    if (canvas_.size.x < 10 || canvas_.size.y < 10) return;
    // Fit on opening, and again when the window changes size before anyone moved the view
    // (e.g. going full screen on the projector). The card panel opening or closing is
    // no resize: the board keeps every card where it was on screen, so a second click
    // lands on the card the first one selected.
    bool resized = stage_size_.x != fitted_size_.x || stage_size_.y != fitted_size_.y;
    if (fitted_for_ != c_.workshop() || (resized && !view_moved_)) {
        fit_all(s, kOpeningZoom);
        fitted_for_ = c_.workshop();
        fitted_size_ = stage_size_;
        view_moved_ = false;
    }
    ImVec2 pan_before = canvas_.pan;
    float zoom_before = canvas_.zoom;
    ImGui::InvisibleButton("##board", canvas_.size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                               ImGuiButtonFlags_AllowItemOverlap);
    ImGui::SetItemAllowOverlap();
    ui::mark_item("problem_map.board.canvas");
    ui::mark_item("scrolls.problem_map.board");  // it pans: a card at its edge is not cut
    bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemActivated()) handle_press(s);
    // A press becomes a drag once the mouse has moved past ImGui's threshold; the
    // release frame still counts (the button is up by then, so remember it).
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) dragged_ = true;
    if (ImGui::IsItemDeactivated()) finish_gesture(s);
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        Hit hit = hit_test(s, ImGui::GetIO().MousePos);
        // A double-click begun on a card opens it, even if the card moved under the second click.
        Id card = hit.kind == HitKind::Card ? hit.id : hit.kind == HitKind::None ? first_press_card_ : 0;
        if (card) {
            c_.selection.only(card);
            editing_ = card;
            editor_frames_ = 0;
        } else if (hit.kind == HitKind::None) {
            create_card_at(s, canvas_.to_world(ImGui::GetIO().MousePos));
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

}  // namespace kartla::problem_map::views
