#pragma once
// Where views appear. ImGui 1.86 has no docking, and a meeting room needs a
// calm screen, not a pile of windows: a bar of big buttons picks the main view
// that fills the stage; side views open in a column beside it.
#include "host/runtime.hpp"
#include "ui/shell/settings.hpp"
#include "kartla/widgets.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API ViewStage {
public:
    ViewStage(Runtime& runtime, Settings& settings) : runtime_(runtime), settings_(settings) {}

    void draw(ImVec2 origin, ImVec2 size);
    void draw_main_only(ImVec2 origin, ImVec2 size);  // presentation mode: no bar, no side views
    // In the room's context: the main view's own room drawing, if it has one and
    // wants to draw now. False: nothing was drawn (the room mirrors the console).
    // The view on stage drawn by its room drawing, if it has one and wants to now.
    // `over_mirror`: on the room's screen, where the mirrored view lies underneath.
    bool draw_for_room(ImVec2 origin, ImVec2 size, bool over_mirror = true);
    // Shows a view. While a field holds typed text not yet saved, the switch waits
    // for the frame in which that field saves it (its view is still drawn then).
    void show(std::string_view key);
    std::string current();  // the key of the main view on the stage
    void draw_menu_items();  // for the View menu
    // Where the side column is too wide for the stage, it is a drawer over the
    // stage, opened and closed from the view bar.
    bool drawer_open() const { return drawer_open_; }
    void set_drawer_open(bool open) { drawer_open_ = open; }
    // Items kept visible in the view bar while the drawer is closed (the agenda's clock).
    void set_drawer_summary(std::function<std::vector<ToolItem>()> items) { drawer_summary_ = std::move(items); }

private:
    struct Column {
        float width;  // of the side column (or the drawer)
        bool drawer;  // over the stage instead of beside it
    };
    Column side_column(float width, bool any_side) const;
    float draw_view_bar(ImVec2 origin, float width, bool drawer);  // returns its height
    void draw_window(const Tagged<ViewSpec>& view, ImVec2 position, ImVec2 size, bool* open,
                     ImGuiWindowFlags extra_flags = 0, bool on_top = false);
    // Runs a plugin's drawing inside our window; if it throws, closes what it left open.
    void draw_guarded(const std::string& plugin_id, const char* what, const std::function<void()>& draw);
    bool side_open(const ViewSpec& view);
    void show_waiting();
    void switch_to(std::string_view key);
    std::vector<Tagged<ViewSpec>> usable_views();  // in bar order

    Runtime& runtime_;
    Settings& settings_;
    bool drawer_open_ = false;
    std::function<std::vector<ToolItem>()> drawer_summary_;
    std::string waiting_;  // a view to show once typed text is saved
    int waiting_since_ = 0;
};

}  // namespace kartla::ui
