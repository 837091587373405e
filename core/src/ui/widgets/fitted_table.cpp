// Tables that keep their words at any text size (see widgets.hpp).
#include "kartla/fitted_table.hpp"

#include <imgui_internal.h>

#include <cstdio>
#include <string>

namespace kartla::ui {

namespace {

bool stretches(const TableColumn& c) { return (c.flags & ImGuiTableColumnFlags_WidthStretch) != 0; }

// A fixed column as wide as given, or as its header with room for the sort arrow.
float fixed_width(const TableColumn& c) {
    return c.width > 0 ? c.width : ImGui::CalcTextSize(c.label.c_str(), nullptr, true).x + ImGui::GetFontSize() * 1.6f;
}

float least_width(const TableColumn& c) {
    return stretches(c) ? c.least_ems * ImGui::GetFontSize() : fixed_width(c);
}

float weight(const TableColumn& c) { return c.width > 0 ? c.width : 1.0f; }

// Whether every stretching column gets at least its least width from its share of what the fixed ones leave.
bool fits(const std::vector<TableColumn>& columns, float width) {
    float cell = ImGui::GetStyle().CellPadding.x * 2 + 1;
    float fixed = 0, weights = 0;
    for (const auto& c : columns) {
        fixed += cell;
        if (stretches(c)) weights += weight(c);
        else fixed += fixed_width(c);
    }
    float free = width - fixed;
    if (free < 0) return false;
    for (const auto& c : columns)
        if (stretches(c) && free * weight(c) / weights < least_width(c)) return false;
    return true;
}

}  // namespace

bool begin_fitted_table(const char* id, const std::vector<TableColumn>& columns, ImGuiTableFlags flags,
                        ImVec2 outer_size) {
    float least = 0;
    for (const auto& c : columns) least += least_width(c) + ImGui::GetStyle().CellPadding.x * 2 + 1;
    // A table that scrolls down may show its scrollbar, which takes its width from the columns
    // (the last column of the English problem list was cut by it at 100 %).
    float available = ImGui::GetContentRegionAvail().x;
    if (flags & ImGuiTableFlags_ScrollY) available -= ImGui::GetStyle().ScrollbarSize;
    bool scroll = !fits(columns, available);
    if (scroll) flags |= ImGuiTableFlags_ScrollX;
    // ImGui sets a fixed column's width once per table: after a change of language or text
    // size the old widths stayed ("Confidence" in the Swedish "Säkerhet"'s width, cut). The
    // table's identity includes its labels and widths, so a new set-up starts afresh.
    std::string key = id;
    for (const auto& c : columns) key += "|" + c.label + "|" + std::to_string(int(least_width(c)));
    if (scroll) key += "|scroll";
    char unique[64];
    std::snprintf(unique, sizeof unique, "%s##%08x", id, ImHashStr(key.c_str()));
    if (!ImGui::BeginTable(unique, int(columns.size()), flags, outer_size, scroll ? least : 0.0f)) return false;
    for (const auto& c : columns) {
        if (scroll && stretches(c))  // no free width to share: each at its least
            ImGui::TableSetupColumn(c.label.c_str(), (c.flags & ~ImGuiTableColumnFlags_WidthStretch) |
                                                         ImGuiTableColumnFlags_WidthFixed, least_width(c), c.user_id);
        else
            ImGui::TableSetupColumn(c.label.c_str(), c.flags, stretches(c) ? weight(c) : fixed_width(c), c.user_id);
    }
    return true;
}

}  // namespace kartla::ui
