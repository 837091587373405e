// The on-screen chart: the report's chart geometry drawn with ImGui, so the
// follow-up view and the printed report show an indicator the same way.
#include "ui/widgets/fonts.hpp"
#include "kartla/chart_geometry.hpp"
#include "kartla/widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace kartla::ui {

namespace {

constexpr ImU32 kLine = IM_COL32(30, 70, 120, 255);
constexpr ImU32 kBaseline = IM_COL32(200, 110, 0, 255);

void dashed_line(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float dash, float thickness) {
    for (float x = from.x; x < to.x; x += dash * 2)
        dl->AddLine(ImVec2(x, from.y), ImVec2(std::min(x + dash, to.x), to.y), colour, thickness);
}

}  // namespace

void chart(const doc::Chart& data, ImVec2 size) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (data.points.empty() || size.x < 40 || size.y < 40) return;
    // The geometry is laid out in points at 100 % text; scaling keeps the proportions at any text size.
    const float scale = ImGui::GetFontSize() / kBaseFontPixels;
    // The geometry leaves room for labels 16 points high; ours are a text height (20), so the
    // plot starts lower and the top value's label stays inside the chart's own space.
    constexpr float kTallerLabels = 6;
    const doc::ChartGeometry g = doc::chart_geometry(data, size.x / scale, size.y / scale - kTallerLabels);
    origin.y += kTallerLabels * scale;
    auto at = [&](double x, double y) { return ImVec2(origin.x + float(x) * scale, origin.y + float(y) * scale); };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    // Labels at the full text size: in the room view they are read from the back (at least 28 px there).
    const float small = ImGui::GetFontSize();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator);

    for (const auto& tick : g.ticks) {
        dl->AddLine(at(g.left, tick.y), at(g.right, tick.y), grid, 1.0f);
        ImVec2 text = font->CalcTextSizeA(small, FLT_MAX, 0, tick.text.c_str());
        ImVec2 left = at(g.left, tick.y);
        dl->AddText(font, small, ImVec2(left.x - text.x - 6 * scale, left.y - text.y / 2), ink, tick.text.c_str());
    }
    if (g.baseline_y) dashed_line(dl, at(g.left, *g.baseline_y), at(g.right, *g.baseline_y), kBaseline, 6 * scale, 2 * scale);
    for (std::size_t i = 1; i < g.marks.size(); ++i)
        dl->AddLine(at(g.marks[i - 1].x, g.marks[i - 1].y), at(g.marks[i].x, g.marks[i].y), kLine, 2.5f * scale);
    for (std::size_t i = 0; i < g.marks.size(); ++i) {
        const auto& mark = g.marks[i];
        ImVec2 p = at(mark.x, mark.y);
        dl->AddCircleFilled(p, 4 * scale, kLine);
        ImVec2 value = font->CalcTextSizeA(small, FLT_MAX, 0, mark.value.c_str());
        dl->AddText(font, small, ImVec2(p.x - value.x / 2, p.y - value.y - 4 * scale), ink, mark.value.c_str());
        // Dates under the first and the last point; between them they would overlap on a narrow panel.
        if (i != 0 && i + 1 != g.marks.size()) continue;
        ImVec2 date = font->CalcTextSizeA(small, FLT_MAX, 0, mark.date.c_str());
        ImVec2 under = at(mark.x, g.bottom);
        dl->AddText(font, small, ImVec2(under.x - date.x / 2, under.y + 4 * scale), ink, mark.date.c_str());
    }
}

}  // namespace kartla::ui
