#pragma once
// Tables that keep their words at any text size, for plugins and the host.
#include "kartla/api.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace kartla::ui {

// A table whose columns keep their words at any text size: stretching columns
// share the free width but never get less than their least width (a title column
// never collapses to "…"); where the window is narrower than every column's least
// width, the table scrolls sideways instead. Call ImGui::EndTable() when it
// returns true; the columns are set up, the headers are not yet drawn.
struct TableColumn {
    std::string label;  // translated
    ImGuiTableColumnFlags flags = ImGuiTableColumnFlags_WidthFixed;
    float width = 0;  // stretching: its weight (0: 1); fixed: pixels (0: the label's width)
    float least_ems = 6;  // stretching: the least width, in text heights
    ImGuiID user_id = 0;
};
KARTLA_API bool begin_fitted_table(const char* id, const std::vector<TableColumn>& columns, ImGuiTableFlags flags,
                                   ImVec2 outer_size = ImVec2(0, 0));

}  // namespace kartla::ui
