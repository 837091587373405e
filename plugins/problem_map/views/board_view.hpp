#pragma once
// The board: problem cards placed freely on a pan/zoom canvas, grouped by named
// cluster frames, coloured by category, with a side panel for all fields.
// Its code is split by concern: board_view.cpp (the frame), board_input.cpp
// (pointer and keys), board_paint.cpp (the picture); board_style.hpp is what they share.
#include "canvas.hpp"
#include "card_panel.hpp"
#include "ui_state.hpp"
#include "model/placement.hpp"

#include <memory>
#include <set>

#include <string>
#include <vector>

namespace kartla::problem_map::views {

// Console: the facilitator's board with its toolbar, gestures and keys.
// Room: the same cards for the room view on a second screen, read-only.
enum class BoardMode { Console, Room };

class BoardView {
public:
    BoardView(UiState& context, CardPanel& panel, BoardMode mode = BoardMode::Console)
        : c_(context), panel_(panel), mode_(mode) {}
    void draw();

private:
    enum class HitKind { None, Card, ClusterHeader, ClusterResize };
    struct Hit {
        HitKind kind = HitKind::None;
        Id id = 0;
    };
    enum class Gesture { None, Pan, MoveCards, MoveCluster, ResizeCluster };

    void draw_for_room(const Snapshot& s);
    void draw_picture(const Snapshot& s, bool with_pointer);
    static void draw_pointer(ImDrawList* dl, ImVec2 at);
    void draw_toolbar(const Snapshot& s);
    void draw_canvas(const Snapshot& s);
    void handle_keys(const Snapshot& s);
    void handle_press(const Snapshot& s);
    void finish_gesture(const Snapshot& s);
    void draw_clusters(const Snapshot& s, ImDrawList* dl);
    void draw_cards(const Snapshot& s, ImDrawList* dl);
    void draw_card(const Snapshot& s, ImDrawList* dl, const Card& card, ImVec2 min, ImVec2 max);
    std::vector<std::pair<std::string, std::uint32_t>> legend_chips(const Snapshot& s) const;
    float layout_legend(const Snapshot& s, float width, std::vector<ImVec2>* offsets, std::size_t* left_out) const;
    float legend_height(const Snapshot& s, float width) const;
    void draw_legend_strip(const Snapshot& s, float width, float height);
    void draw_banner(const Snapshot& s, ImDrawList* dl);
    void draw_title_editor(const Snapshot& s);
    void create_card_at(const Snapshot& s, ImVec2 world_center);
    // New cards and frames go to the next free place in view (model/placement).
    void create_card_in_view();
    void create_cluster(const Snapshot& s);
    placement::Rect visible_world() const;
    // Pans (or zooms out, when it is larger than the view) so the world rectangle is seen
    // whole beside the card panel, which opens for what was just made.
    void bring_into_view(ImVec2 min, ImVec2 max);
    static float card_panel_width() { return ImGui::GetFontSize() * 22; }
    std::set<Id> joining_clusters(const Snapshot& s) const;
    void delete_selection();
    void fit_all(const Snapshot& s, float min_zoom);
    void fit_to_facilitator(const Snapshot& s);
    static bool content_bounds(const Snapshot& s, ImVec2& lo, ImVec2& hi);
    Hit hit_test(const Snapshot& s, ImVec2 screen) const;
    // Where a card or cluster is drawn this frame, with a drag in progress applied.
    ImVec2 card_position(const Card& card) const;
    Cluster cluster_frame(const Cluster& cluster) const;
    ImVec2 drag_delta_world() const;

    // The cards' positions to draw, found in the snapshot's grid (Snapshot::board).
    std::vector<std::size_t> cards_to_draw(const Snapshot& s);

    UiState& c_;
    CardPanel& panel_;
    BoardMode mode_;
    Canvas canvas_;
    Workshop* fitted_for_ = nullptr;
    ImVec2 fitted_size_{0, 0};
    bool view_moved_ = false;
    bool multi_select_ = false;
    bool show_legend_ = true;
    int legend_lines_ = 2;  // the most lines of chips under the board

    Gesture gesture_ = Gesture::None;
    ImVec2 press_mouse_{0, 0};
    // The card under this press and under the one before: a double-click whose
    // first press was on a card opens that card, wherever the second one lands.
    Id press_card_ = 0, first_press_card_ = 0;
    ImVec2 stage_size_{0, 0};  // the board and its panel together: what a refit follows
    bool dragged_ = false;
    Id unselect_on_release_ = 0;
    Id gesture_cluster_ = 0;
    std::vector<Id> cluster_cards_;  // members moving with the cluster being dragged

    Id editing_ = 0;  // card whose title is edited on the board
    int editor_frames_ = 0;
};

}  // namespace kartla::problem_map::views
