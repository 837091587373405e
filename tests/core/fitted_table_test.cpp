// ui::begin_fitted_table: a fixed column is as wide as its header in the language and
// text size on screen now, not in the ones it was first drawn in (issue 23: after the
// audit's Swedish screens, the English problem list cut "Confidence" and its values).
#include "headless.hpp"
#include "kartla/fitted_table.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>

using namespace kartla;

namespace {

// Draws the table with these labels for a few frames; the width of its last column.
float last_column_width(test::Headless& ui, const std::vector<std::string>& labels) {
    float width = 0;
    ui.set_ui([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1200, 600));
        ImGui::Begin("table window");
        std::vector<ui::TableColumn> columns;
        columns.push_back({labels[0], ImGuiTableColumnFlags_WidthStretch, 3.0f, 12.0f});
        for (std::size_t i = 1; i < labels.size(); ++i) columns.push_back({labels[i]});
        if (ui::begin_fitted_table("list", columns, ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable)) {
            ImGui::TableNextRow();
            for (int i = 0; i < int(columns.size()); ++i) {
                ImGui::TableSetColumnIndex(i);
                ImGui::TextUnformatted("x");
            }
            width = ImGui::GetCurrentTable()->Columns[int(columns.size()) - 1].WidthGiven;
            ImGui::EndTable();
        }
        ImGui::End();
    });
    ui.frame(3);
    ui.set_ui({});
    return width;
}

}  // namespace

TEST_CASE("a fitted table's fixed column follows its header into another language and text size") {
    test::Headless ui;
    ui.rebuild_fonts(1.0f);
    last_column_width(ui, {"Rubrik", "Trend", "Säkerhet"});
    const std::string english = "Confidence of the assessment";
    float width = last_column_width(ui, {"Title", "Trend", english});
    ImGui::NewFrame();
    const float header = ImGui::CalcTextSize(english.c_str()).x;
    ImGui::EndFrame();
    CHECK(width >= header);

    ui.rebuild_fonts(2.0f);
    width = last_column_width(ui, {"Title", "Trend", english});
    ImGui::NewFrame();
    const float larger = ImGui::CalcTextSize(english.c_str()).x;
    ImGui::EndFrame();
    CHECK(width >= larger);
}
