#include "kartla/widgets.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

namespace kartla::actor_map::views {

bool MapWindow::draw_room() {
    if (!s_.workshop()) return false;
    switch (shown_) {
        case MapTab::Network: room_network_.draw(); return true;
        case MapTab::Grid: return grid_.draw_room();
        default: return false;  // the matrix and the gaps are mirrored
    }
}

void MapWindow::draw() {
    if (!ImGui::BeginTabBar("##actor_map_tabs")) return;
    // A request made while drawing (from the gap panel) is honoured on the next frame.
    bool requested = s_.tab_requested;
    MapTab wanted = s_.requested_tab;
    s_.tab_requested = false;
    auto flags_for = [&](MapTab tab) {
        return requested && wanted == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    auto tab = [&](MapTab which, const std::string& label, const char* probe, auto&& body) {
        bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags_for(which));
        kartla::ui::mark_item(probe);
        if (open) {
            shown_ = which;
            body();
            ImGui::EndTabItem();
        }
    };
    std::size_t gaps = s_.workshop() ? s_.data().gaps.count() : 0;
    tab(MapTab::Grid, fmt::format("{}###grid", s_.tr("Influence × interest")), "actor_map.tab.grid", [&] { grid_.draw(); });
    tab(MapTab::Network, fmt::format("{}###network", s_.tr("Relationships")), "actor_map.tab.network", [&] { network_.draw(); });
    tab(MapTab::Matrix, fmt::format("{}###matrix", s_.tr("Actors × problems")), "actor_map.tab.matrix", [&] { matrix_.draw(); });
    tab(MapTab::Gaps, fmt::format("{} ({})###gaps", s_.tr("Gaps"), gaps), "actor_map.tab.gaps", [&] { gaps_.draw(); });
    ImGui::EndTabBar();
}

}  // namespace kartla::actor_map::views
