#pragma once
// The actor map's views. Each draws into a window the host has begun.
#include "model/edits.hpp"
#include "model/grid_spread.hpp"
#include "views/canvas.hpp"
#include "views/ui_state.hpp"

#include "kartla/widgets.hpp"

#include <functional>
#include <optional>

namespace kartla::actor_map::views {

// The list of actors and the form for the selected one (name, type, mandate,
// resources, contact role, notes, who represents it), and the editable type list.
class ActorsView {
public:
    explicit ActorsView(UiState& state) : s_(state) {}
    void draw();
    bool draw_room();

private:
    void draw_list(const Data& d);
    void draw_details(const Data& d, const Actor& actor);
    void draw_types(const Data& d);
    void draw_participants(const Data& d, const Actor& actor);
    // A "new ..." field saves as it is typed, like every text field: the actor (or
    // type) exists from the first pause and is renamed as typing goes on, all in
    // one undo step; Enter adds it and leaves the cursor in the field for the next one.
    struct Creating {
        std::string text;
        std::int64_t id = 0;  // what this visit created, 0 until the first save
    };
    using Create = std::function<std::int64_t(kartla::Database&, const std::string&)>;
    using Rename = std::function<void(kartla::Database&, std::int64_t, const std::string&)>;
    using Remove = std::function<void(kartla::Database&, std::int64_t)>;
    using Done = std::function<void(std::int64_t)>;  // the visit ended with this one created
    void save_new(Creating& field, std::string text, bool still_typing, const char* label, Create create, Rename rename,
                  Remove remove, Done done = {});
    void save_new_actor(const std::string& text, bool still_typing);
    void save_new_type(const std::string& text, bool still_typing);
    // The shared add field (ui::add_field) for one of the two, saved as typed by `save`.
    void add_new(Creating& field, const char* id, const char* hint, void (ActorsView::*save)(const std::string&, bool));

    void sync_form(const Actor& actor);
    // The actor's text fields: the SDK's ui::text_field, saved as typed, one value each.
    void text_field(const char* label_msgid, const char* key, std::int64_t actor, ActorText field,
                    const std::string& stored, bool multiline);
    bool long_text_field(const std::string& id, const char* key, const std::string& stored,
                         const kartla::ui::TextWrite& write);
    void save_form();

    UiState& s_;
    Creating new_actor_;
    Creating new_type_;
    // A copy of the selected actor for its type (its texts are the fields' own), reloaded
    // when the selection or the data changes.
    Actor form_;
    std::uint64_t form_revision_ = 0;
    std::int64_t form_actor_ = 0;
    std::map<std::int64_t, std::string> type_labels_;  // edit buffers of the type list
    std::string editing_;  // the long-text field being edited; the others show their text wrapped
    int focus_frames_ = 0;
    std::uint64_t types_revision_ = 0;
    std::vector<std::function<void()>> pending_;
};

// Influence x interest: drag actors from the tray into the four quadrants.
class GridView {
public:
    explicit GridView(UiState& state) : s_(state) {}
    void draw();
    bool draw_room();

private:
    void draw_badge(ImDrawList* list, const GridSpread::Badge& badge);
    void draw_cell_list(const Data& d);

    UiState& s_;
    bool room_ = false;  // drawing for the room: no hint
    int pressed_badge_ = -1;  // the quadrant whose "+N" is held
    int listed_cell_ = 0;     // the quadrant whose list is open
    std::int64_t dragging_ = 0;
    ImVec2 grab_offset_;
    float moved_ = 0;
};

// The relationship network on a pan/zoom canvas. For the room (the room view on
// a second screen): the whole network fitted, the selection shown, no controls.
class NetworkView {
public:
    explicit NetworkView(UiState& state, bool for_room = false) : s_(state), for_room_(for_room) {}
    void draw();

private:
    void draw_for_room(const Data& d);
    void draw_picture(const Data& d, ImVec2 size);
    enum class Mode { Move, Link };
    enum class Drag { None, Node, Link, Pan };

    void draw_toolbar(const Data& d);
    void handle_input(const Data& d, bool hovered);
    void draw_relations(const Data& d, ImDrawList* list);
    void draw_actors(const Data& d, ImDrawList* list);
    void draw_notes(const Data& d);
    float legend(ImVec2 at, float width, bool draw);  // returns its height
    void draw_selection_bar(const Data& d);
    // The whole network in the canvas; never zoomed out below `least_zoom` (then its middle).
    void fit(const Data& d, float least_zoom = 0.15f);
    std::int64_t actor_at(const Data& d, ImVec2 screen) const;
    std::int64_t relation_at(const Data& d, ImVec2 screen) const;
    void tap_to_link(const Data& d, std::int64_t actor);
    void connect(std::int64_t from, std::int64_t to);
    ImVec2 actor_screen(const Actor& actor) const;

    UiState& s_;
    bool for_room_;
    PanZoom view_;
    Mode mode_ = Mode::Move;
    std::string new_link_type_ = "cooperates";
    Drag drag_ = Drag::None;
    std::int64_t drag_actor_ = 0;
    std::int64_t link_from_ = 0;  // Link mode: the actor a first tap picked
    ImVec2 drag_start_;
    ImVec2 drag_now_;
    float drag_distance_ = 0;
    bool fit_pending_ = true;
    const void* fitted_for_ = nullptr;
    std::function<void()> pending_;
};

// Actors x problems: who owns, contributes to or is affected by each problem.
class MatrixView {
public:
    explicit MatrixView(UiState& state) : s_(state) {}
    void draw();

private:
    UiState& s_;
};

// Where nobody acts: unowned prioritised problems and unconnected actors.
class GapsView {
public:
    explicit GapsView(UiState& state) : s_(state) {}
    void draw();

private:
    void draw_problem_gap(const Data& d, const kartla::coverage::ProblemCoverage& p, std::function<void()>& pending);

    UiState& s_;
};

// One window with the four pictures as tabs, so the projector shows one at a time.
class MapWindow {
public:
    explicit MapWindow(UiState& state)
        : s_(state), grid_(state), network_(state), room_network_(state, true), matrix_(state), gaps_(state) {}
    void draw();
    // The room view: the network drawn for the room while the facilitator shows it;
    // false on the other tabs, which the room sees mirrored.
    bool draw_room();

private:
    UiState& s_;
    MapTab shown_ = MapTab::Grid;  // the tab the facilitator has open
    GridView grid_;
    NetworkView network_;
    NetworkView room_network_;
    MatrixView matrix_;
    GapsView gaps_;
};

// The role cycle of a matrix cell: none -> owns -> contributes -> affected -> none.
std::string_view next_role(std::string_view role);
const char* role_msgid(std::string_view role);
ImVec4 role_colour(std::string_view role);

}  // namespace kartla::actor_map::views
