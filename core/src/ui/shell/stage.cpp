#include "ui/shell/stage.hpp"

#include "ui/widgets/fonts.hpp"

#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <fmt/format.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace kartla::ui {

namespace {
// The side column: a third of the stage, and never less than this many text
// heights (a form needs room for its words at any text size).
constexpr float kSideShare = 0.34f;
constexpr float kSideEms = 24.0f;
// A main view narrower than this many text heights beside the column could not be
// used (letters stack, tables lose their titles): the column becomes a drawer
// over the stage instead, opened from the view bar.
constexpr float kLeastStageEms = 36.0f;
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;
}  // namespace

bool ViewStage::side_open(const ViewSpec& view) {
    auto [it, inserted] = settings_.open_views.try_emplace(view.key, view.open_by_default);
    return it->second;
}

// A copy, because a plugin that fails while drawing has its views removed mid-frame.
std::vector<Tagged<ViewSpec>> ViewStage::usable_views() {
    std::vector<Tagged<ViewSpec>> out;
    for (const auto& v : runtime_.registry().views())
        if (runtime_.plugins().usable(v.plugin_id)) out.push_back(v);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.spec.order < b.spec.order; });
    return out;
}

std::string ViewStage::current() {
    auto views = usable_views();
    for (const auto& v : views)
        if (v.spec.placement == ViewPlacement::Main && v.spec.key == settings_.current_view) return v.spec.key;
    for (const auto& v : views)
        if (v.spec.placement == ViewPlacement::Main) return v.spec.key;
    return {};
}

void ViewStage::show(std::string_view key) {
    if (text_unsaved() && ImGui::GetCurrentContext()) {
        waiting_ = key;
        waiting_since_ = ImGui::GetFrameCount();
        save_typed_text_now();
        return;
    }
    switch_to(key);
}

void ViewStage::switch_to(std::string_view key) {
    waiting_.clear();
    // "<view>/<tab>": the view, then its tab.
    const auto slash = key.find('/');
    const std::string_view tab = slash == std::string_view::npos ? std::string_view() : key.substr(slash + 1);
    key = key.substr(0, slash);
    for (const auto& v : runtime_.registry().views()) {
        if (v.spec.key != key) continue;
        if (!tab.empty() && v.spec.show_tab) draw_guarded(v.plugin_id, "drawing", [&] { v.spec.show_tab(tab); });
        if (v.spec.placement == ViewPlacement::Main) {
            settings_.current_view = v.spec.key;
        } else {
            settings_.open_views[v.spec.key] = true;
            drawer_open_ = true;  // where the column is a drawer, a view asked for is a view shown
            // Bring its plugin's main view on stage too, unless one is there already.
            // The core's side views (the agenda) go beside any main view.
            bool same_plugin_on_stage = v.plugin_id == "core";
            std::string on_stage = current();
            for (const auto& w : runtime_.registry().views())
                if (w.spec.key == on_stage && w.plugin_id == v.plugin_id) same_plugin_on_stage = true;
            if (!same_plugin_on_stage)
                for (const auto& w : usable_views())
                    if (w.plugin_id == v.plugin_id && w.spec.placement == ViewPlacement::Main) {
                        settings_.current_view = w.spec.key;
                        break;
                    }
        }
    }
}

void ViewStage::draw_menu_items() {
    std::string on_stage = current();
    for (const auto& v : usable_views()) {
        const char* title = runtime_.frontend().translate_in(v.plugin_id, v.spec.title.c_str());
        if (v.spec.placement == ViewPlacement::Main) {
            if (ImGui::MenuItem(title, nullptr, v.spec.key == on_stage)) show(v.spec.key);
        } else {
            bool open = side_open(v.spec);
            if (ImGui::MenuItem(title, nullptr, &open)) settings_.open_views[v.spec.key] = open;
        }
    }
}

// One row however large the text: the views that do not fit go into "More", the one
// on stage always shows (a wrapped bar took a third of a projector's height at 300 %).
float ViewStage::draw_view_bar(ImVec2 origin, float width, bool drawer) {
    ChromeText chrome;
    const ImGuiStyle& style = ImGui::GetStyle();
    // Compact: a thin margin, not the window's padding, around the one row of buttons.
    const float pad = compact_chrome() ? style.ItemSpacing.y / 2 : style.WindowPadding.y;
    float height = toolbar_height() + pad * 2;
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, pad));
    ImGui::Begin("###core.view_bar", nullptr, kFixed | ImGuiWindowFlags_NoDecoration);
    ImGui::PopStyleVar();
    std::string on_stage = current();
    std::vector<ToolItem> items;
    for (const auto& v : usable_views()) {
        if (v.spec.placement != ViewPlacement::Main) continue;  // side views come with their main view
        ToolItem item;
        item.label = fmt::format("{}##bar.{}", runtime_.frontend().translate_in(v.plugin_id, v.spec.title.c_str()), v.spec.key);
        std::string key = v.spec.key;
        item.pressed = [this, key] { show(key); };
        item.probe = "core.view_bar." + v.spec.key;
        if (key == on_stage) {
            // Amber for what is showing: readable with black text on any projector, also in the dark theme.
            item.pinned = true;
            item.colour = ImVec4(0.99f, 0.78f, 0.28f, 1);
            item.text_colour = ImVec4(0, 0, 0, 1);
        }
        items.push_back(std::move(item));
    }
    if (drawer && !drawer_open_ && drawer_summary_)
        for (auto& item : drawer_summary_()) items.push_back(std::move(item));
    if (drawer) {
        ToolItem panels;
        panels.label = fmt::format("{}##bar.drawer", runtime_.translate("Side panels"));
        panels.pressed = [this] { drawer_open_ = !drawer_open_; };
        panels.pinned = true;
        if (drawer_open_) {
            panels.colour = ImVec4(0.99f, 0.78f, 0.28f, 1);
            panels.text_colour = ImVec4(0, 0, 0, 1);
        }
        panels.probe = "core.view_bar.drawer";
        items.push_back(std::move(panels));
    }
    toolbar("core.view_bar", items);
    ImGui::End();
    return height;
}

ViewStage::Column ViewStage::side_column(float width, bool any_side) const {
    float font = ImGui::GetFontSize();
    float side = std::min(width, std::max(width * kSideShare, font * kSideEms));
    if (!any_side) return {0, false};
    return {side, width - side < font * kLeastStageEms};
}

void ViewStage::draw(ImVec2 origin, ImVec2 size) {
    auto views = usable_views();
    std::string on_stage = current();
    // A plugin's side views (an editor, its checks) show beside that plugin's main views only;
    // the core's (the facilitator's agenda) beside every main view.
    std::string stage_plugin;
    for (const auto& v : views)
        if (v.spec.key == on_stage) stage_plugin = v.plugin_id;
    std::vector<const Tagged<ViewSpec>*> sides;
    for (const auto& v : views)
        if (v.spec.placement == ViewPlacement::Side && (v.plugin_id == stage_plugin || v.plugin_id == "core") &&
            side_open(v.spec))
            sides.push_back(&v);
    Column column = side_column(size.x, !sides.empty());
    float bar = draw_view_bar(origin, size.x, column.drawer);
    origin.y += bar;
    size.y -= bar;
    float main_width = column.drawer ? size.x : size.x - column.width;
    for (const auto& v : views)
        // No title bar: the view bar above names the view, and at 300 % a title costs a line of the board.
        if (v.spec.key == on_stage) draw_window(v, origin, ImVec2(main_width, size.y), nullptr, ImGuiWindowFlags_NoTitleBar);
    if (column.drawer && !drawer_open_) sides.clear();
    float side_height = sides.empty() ? 0 : size.y / float(sides.size());
    for (std::size_t i = 0; i < sides.size(); ++i) {
        bool open = true;
        draw_window(*sides[i], ImVec2(origin.x + size.x - column.width, origin.y + side_height * float(i)),
                    ImVec2(column.width, side_height), &open, 0, column.drawer);
        if (!open) settings_.open_views[sides[i]->spec.key] = false;
    }
    show_waiting();
}

// The field saves in the frame of the request or the next; a save that failed
// (a full disk) does not hold the switch up beyond that.
void ViewStage::show_waiting() {
    if (waiting_.empty()) return;
    if (!text_unsaved() || ImGui::GetFrameCount() > waiting_since_ + 1) switch_to(std::string(waiting_));
}

void ViewStage::draw_main_only(ImVec2 origin, ImVec2 size) {
    std::string on_stage = current();
    for (const auto& v : usable_views())
        if (v.spec.key == on_stage) draw_window(v, origin, size, nullptr, ImGuiWindowFlags_NoTitleBar);
    show_waiting();
}

bool ViewStage::draw_for_room(ImVec2 origin, ImVec2 size, bool over_mirror) {
    std::string on_stage = current();
    for (const auto& v : usable_views()) {
        if (v.spec.key != on_stage || !v.spec.draw_room) continue;
        ImGui::SetNextWindowPos(origin);
        ImGui::SetNextWindowSize(size);
        // No background: when the view declines, this empty window must not hide the mirror under it.
        ImGui::Begin(("###room." + v.spec.key).c_str(), nullptr,
                     kFixed | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        bool drawn = false;
        draw_guarded(v.plugin_id, "drawing for the room", [&] { drawn = v.spec.draw_room(); });
        // Presenting on the console's own screen: a background of its own, behind every window.
        if (drawn && !over_mirror)
            ImGui::GetBackgroundDrawList()->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                                                          ImGui::GetColorU32(ImGuiCol_WindowBg));
        ImGui::End();
        return drawn;
    }
    return false;
}

void ViewStage::draw_window(const Tagged<ViewSpec>& view, ImVec2 position, ImVec2 size, bool* open,
                            ImGuiWindowFlags extra_flags, bool on_top) {
    ImGui::SetNextWindowPos(position);
    ImGui::SetNextWindowSize(size);
    std::string title = fmt::format("{}###{}", runtime_.frontend().translate_in(view.plugin_id, view.spec.title.c_str()), view.spec.key);
    bool visible = ImGui::Begin(title.c_str(), open, kFixed | extra_flags);
    // A drawer lies over the stage, but never over a dialog (the export's file dialog was half hidden).
    if (on_top && !ImGui::GetTopMostPopupModal()) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (visible) draw_guarded(view.plugin_id, "drawing", view.spec.draw);
    ImGui::End();
}

void ViewStage::draw_guarded(const std::string& plugin_id, const char* what, const std::function<void()>& draw) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    int windows_before = g.CurrentWindowStack.Size;
    if (runtime_.guarded(plugin_id, what, draw)) return;
    // The plugin threw mid-window: close what it left open (tables, IDs, child windows) down to our window.
    // A child window must be closed with EndChild(): End() on it is an ImGui assertion (an abort).
    while (g.CurrentWindowStack.Size > windows_before) {
        ImGui::ErrorCheckEndWindowRecover(nullptr);
        if (g.CurrentWindow->Flags & ImGuiWindowFlags_ChildWindow) ImGui::EndChild();
        else ImGui::End();
    }
    ImGui::ErrorCheckEndWindowRecover(nullptr);
}

}  // namespace kartla::ui
