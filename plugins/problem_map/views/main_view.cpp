#include "main_view.hpp"

#include "model/edits.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::problem_map::views {

namespace {

struct TabSpec {
    Tab tab;
    const char* key;    // "<view>/<key>" opens it from an agenda step; "problem_map.tab.<key>" is its probe
    const char* title;  // msgid
};

constexpr TabSpec kTabs[] = {{Tab::Board, "board", "Board"},
                             {Tab::List, "list", "List"},
                             {Tab::Priority, "priority", "Prioritise"},
                             {Tab::Matrix, "matrix", "Matrix"},
                             {Tab::Causes, "causes", "Causes"},
                             {Tab::Lists, "lists", "Categories and areas"}};

}  // namespace

std::vector<ViewTab> MainView::tabs() {
    std::vector<ViewTab> out;
    for (const auto& spec : kTabs) out.push_back({spec.key, spec.title});
    return out;
}

void MainView::show_tab(std::string_view key) {
    for (const auto& spec : kTabs)
        if (key == spec.key) c_.show_tab(spec.tab);
}

MainView::MainView(UiState& context)
    : c_(context), panel_(context), board_(context, panel_), room_board_(context, panel_, BoardMode::Room), list_(context, panel_), vote_(context), matrix_(context),
      causes_(context), lists_(context) {}

void MainView::reveal_all() {
    if (c_.workshop()) edits::reveal_all(c_.host(), c_.room_view());
}

bool MainView::draw_room() {
    if (!c_.workshop()) return false;
    switch (shown_tab_) {
        case Tab::Board: room_board_.draw(); return true;
        case Tab::Matrix: return matrix_.draw_room();
        default: return false;  // the list, the votes, the causes and the categories are mirrored
    }
}

void MainView::draw() {
    if (!c_.workshop()) {
        ui::hint(c_.tr("Open or create a workshop to map its problems."));
        return;
    }
    // Big tabs for a touch screen: the same padding for the bar and each tab, so sizes agree.
    ImVec2 tab_padding(ImGui::GetFontSize() * 0.8f, ImGui::GetStyle().FramePadding.y * 1.4f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tab_padding);
    // Scroll rather than shrink: a cut tab name ("Boa…") cannot be read from the back of the room.
    bool open = ImGui::BeginTabBar("problem_map.tabs", ImGuiTabBarFlags_FittingPolicyScroll);
    ImGui::PopStyleVar();
    if (!open) return;
    for (const auto& spec : kTabs) {
        ImGuiTabItemFlags flags = 0;
        if (c_.open_tab_requested && c_.requested_tab == spec.tab) flags |= ImGuiTabItemFlags_SetSelected;
        const std::string probe = fmt::format("problem_map.tab.{}", spec.key);
        std::string label = fmt::format("{}###{}", c_.tr(spec.title), probe);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tab_padding);
        bool selected = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        ImGui::PopStyleVar();
        ui::mark_item(probe);
        if (!selected) continue;
        shown_tab_ = spec.tab;
        switch (spec.tab) {
            case Tab::Board: board_.draw(); break;
            case Tab::List: list_.draw(); break;
            case Tab::Priority: vote_.draw(); break;
            case Tab::Matrix: matrix_.draw(); break;
            case Tab::Causes: causes_.draw(); break;
            case Tab::Lists: lists_.draw(); break;
        }
        ImGui::EndTabItem();
    }
    c_.open_tab_requested = false;
    ImGui::EndTabBar();
}

}  // namespace kartla::problem_map::views
