// The timeline: each measure as a bar from start to due date (a diamond when
// only the due date is known), month lines, and today marked in red.
#include "common.hpp"
#include "views.hpp"

#include "../model/dates.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla::action_plan::views {

namespace {

struct Range {
    long first = 0, last = 0;  // day numbers, first day of a month .. end of a month
};

long month_start(long day) {
    const std::string iso = dates::from_day_number(day);
    return *dates::day_number(iso.substr(0, 8) + "01");
}

long next_month(long first_of_month) { return month_start(first_of_month + 32); }

Range range_of(const Plan& plan, long today) {
    long first = today, last = today;
    for (const auto& m : plan.measures) {
        for (const auto* iso : {&m.start, &m.due}) {
            if (auto day = dates::day_number(*iso)) {
                first = std::min(first, *day);
                last = std::max(last, *day);
            }
        }
    }
    return {month_start(first), next_month(month_start(last))};
}

}  // namespace

// For the room: the timeline has no controls to leave out, only the rows the facilitator selects.
bool TimelineView::draw_room() {
    if (!state_.refresh()) return false;
    draw();
    return true;
}

void TimelineView::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    const Plan& plan = state_.plan();
    const long today = dates::day_number(state_.today()).value_or(0);
    std::vector<const Measure*> dated, undated;
    for (const auto& m : plan.measures) (dates::is_valid(m.due) ? dated : undated).push_back(&m);
    std::stable_sort(dated.begin(), dated.end(), [](const Measure* a, const Measure* b) { return a->due < b->due; });

    const Range range = range_of(plan, today);
    const float day_width = px(3.5f);
    const float label_width = px(300);
    const float row_height = ImGui::GetFrameHeightWithSpacing() * 1.1f;
    // Two lines above the rows: the months, and under them today's date, so the two never overlap.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float header = line * 2.3f;
    const ImVec2 canvas(label_width + float(range.last - range.first) * day_width + px(40),
                        header + row_height * float(dated.size()) + px(10));

    ImGui::BeginChild("timeline", ImVec2(0, -ImGui::GetTextLineHeightWithSpacing() * (undated.empty() ? 0.0f : 2.2f)),
                      false, ImGuiWindowFlags_HorizontalScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(canvas);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    auto x_of = [&](long day) { return origin.x + label_width + float(day - range.first) * day_width; };
    const ImU32 grid = IM_COL32(210, 210, 210, 255), text = ImGui::GetColorU32(ImGuiCol_Text);

    for (long month = range.first; month <= range.last; month = next_month(month)) {
        const float x = x_of(month);
        draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + canvas.y), grid);
        const std::string label = dates::from_day_number(month).substr(0, 7);
        draw->AddText(ImVec2(x + px(3), origin.y), text, label.c_str());
        if (kartla::ui::probes_enabled())
            kartla::ui::mark_rect("action_plan.timeline.month." + label, ImVec2(x + px(3), origin.y),
                                  ImVec2(x + px(3) + ImGui::CalcTextSize(label.c_str()).x, origin.y + ImGui::GetTextLineHeight()));
    }

    for (std::size_t i = 0; i < dated.size(); ++i) {
        const Measure& m = *dated[i];
        const float y = origin.y + header + row_height * float(i);
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(static_cast<int>(m.id));
        if (ImGui::Selectable("##row", state_.selected == m.id, 0, ImVec2(canvas.x, row_height * 0.9f)))
            state_.select(m.id);
        kartla::ui::mark_item(fmt::format("action_plan.timeline.row.{}", m.id));
        ImGui::PopID();
        // A title longer than its column ends in "…" and shows whole on hover and hold, over the label or the bar.
        bool cut = false;
        kartla::ui::draw_clipped_text(draw, ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + px(4), y + px(4)), text,
                                      m.title.c_str(), label_width - px(12), 1, &cut);
        if (cut) kartla::ui::whole_text_tip(ImVec2(origin.x, y), ImVec2(origin.x + canvas.x, y + row_height * 0.9f), m.title.c_str());
        const long due = *dates::day_number(m.due);
        const float mid = y + row_height * 0.45f, half = row_height * 0.28f;
        const ImU32 colour = status_colour(m.status);
        if (auto start = dates::day_number(m.start); start && *start <= due) {
            draw->AddRectFilled(ImVec2(x_of(*start), mid - half), ImVec2(x_of(due + 1), mid + half), colour, px(4));
        } else {
            const float x = x_of(due);
            draw->AddQuadFilled(ImVec2(x, mid - half), ImVec2(x + half, mid), ImVec2(x, mid + half),
                                ImVec2(x - half, mid), colour);
        }
        const ImVec2 dot(x_of(due + 1) + half + px(4), mid);
        if (m.light.empty()) draw->AddCircle(dot, half * 0.8f, light_colour(m.light), 16, px(2));
        else draw->AddCircleFilled(dot, half * 0.8f, light_colour(m.light), 16);
        if (!findings_for_measure(state_.findings(), m).empty())
            draw->AddText(ImVec2(dot.x + half + px(4), y + px(4)), ImGui::ColorConvertFloat4ToU32(kWarningColour), "!");
    }

    // Today, on top of everything.
    const float today_x = x_of(today);
    draw->AddLine(ImVec2(today_x, origin.y), ImVec2(today_x, origin.y + canvas.y), IM_COL32(210, 30, 30, 255), px(3));
    const std::string today_label = fmt::format("{} {}", state_.tr("Today"), state_.today());
    const ImVec2 today_at(today_x + px(4), origin.y + line);
    draw->AddText(today_at, IM_COL32(210, 30, 30, 255), today_label.c_str());
    const ImVec2 today_size = ImGui::CalcTextSize(today_label.c_str());
    kartla::ui::mark_rect("action_plan.timeline.today_label", today_at,
                          ImVec2(today_at.x + today_size.x, today_at.y + today_size.y));
    kartla::ui::mark_rect("action_plan.timeline.today", ImVec2(today_x - px(2), origin.y),
                          ImVec2(today_x + px(2), origin.y + canvas.y));
    ImGui::EndChild();

    if (!undated.empty()) {
        std::string titles;
        for (const Measure* m : undated) titles += (titles.empty() ? "" : ", ") + m->title;
        ImGui::TextWrapped("%s: %s", state_.tr("Without a due date"), titles.c_str());
    }
}

}  // namespace kartla::action_plan::views
