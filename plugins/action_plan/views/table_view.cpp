// The table: every measure, sortable by clicking a header and filterable by a
// field under each header.
#include "common.hpp"
#include "views.hpp"

#include "kartla/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <fmt/format.h>

namespace kartla::action_plan::views {

namespace {

using namespace exporting;

// The last column is the live-check count, which is not an export column.
constexpr int kChecksColumn = -1;
constexpr int kColumns[] = {ColId,      ColTitle,    ColProblems, ColCauses, ColPrevention, ColWorkForm,
                            ColGoalType, ColGoal,    ColOwner,    ColPartners, ColStart,    ColDue,
                            ColPriority, ColStatus,  ColLight,    ColIndicator, kChecksColumn};
constexpr std::size_t kColumnCount = std::size(kColumns);

std::string checks_text(UiState& state, std::size_t index) {
    const auto count = findings_for_measure(state.findings(), state.plan().measures[index]).size();
    return count ? std::to_string(count) : std::string();
}

// On screen the first column is the measure's number in the plan (its order in every
// document), not its key: keys are drawn from a 53-bit range so copies can merge, and
// sixteen digits say nothing to the room. The exports keep the keys for joining tables.
std::string cell_text(UiState& state, std::size_t index, int column) {
    if (column == kChecksColumn) return checks_text(state, index);
    if (column == ColId) return std::to_string(index + 1);
    return state.rows()[index].cells[static_cast<std::size_t>(column)];
}

// Numbers and priorities sort by value, everything else by folded text.
long sort_key_number(UiState& state, std::size_t index, int column) {
    const Measure& m = state.plan().measures[index];
    if (column == ColId) return static_cast<long>(index);
    if (column == ColPriority) return m.priority == 0 ? 9 : m.priority;
    if (column == ColStatus) {
        for (std::size_t i = 0; i < kStatuses.size(); ++i)
            if (kStatuses[i] == m.status) return static_cast<long>(i);
    }
    if (column == kChecksColumn) return static_cast<long>(findings_for_measure(state.findings(), m).size());
    return -1;
}

}  // namespace

bool TableView::row_visible(std::size_t index) const {
    for (std::size_t c = 0; c < kColumnCount; ++c)
        if (!filters_[c].empty() && !contains_folded(cell_text(state_, index, kColumns[c]), filters_[c])) return false;
    return true;
}

void TableView::sort_order(std::vector<std::size_t>& order) {
    if (sort_column_ < 0) return;
    const int column = kColumns[sort_column_];
    auto less = [&](std::size_t a, std::size_t b) {
        const long na = sort_key_number(state_, a, column), nb = sort_key_number(state_, b, column);
        if (na >= 0 || nb >= 0) return na < nb;
        return folded(cell_text(state_, a, column)) < folded(cell_text(state_, b, column));
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sort_descending_ ? less(b, a) : less(a, b); });
}

std::vector<std::size_t> TableView::visible_order() {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < state_.plan().measures.size(); ++i)
        if (row_visible(i)) order.push_back(i);
    sort_order(order);
    return order;
}

// For the room view on a second screen: the measures in the facilitator's filter
// and order, in the columns one reads from the back of the room, the selected
// measure highlighted and kept in view; nothing to edit.
bool TableView::draw_room() {
    if (!state_.refresh()) return false;
    constexpr int kRoomColumns[] = {ColTitle, ColOwner, ColDue, ColStatus, ColLight};
    constexpr float kShares[] = {3.0f, 2.0f, 1.0f, 1.2f, 1.0f};
    constexpr float kLeastEms[] = {10.0f, 7.0f, 6.0f, 6.0f, 5.0f};  // narrower, a column's words stack
    // As many columns as keep their least width, from the left: fewer columns rather than stacked letters.
    std::size_t shown = 1;
    float used = kLeastEms[0];
    while (shown < std::size(kRoomColumns) &&
           (used + kLeastEms[shown]) * ImGui::GetFontSize() <= ImGui::GetContentRegionAvail().x)
        used += kLeastEms[shown++];
    // Padded outside too: a first column's letter at the very edge ("F") lost a sliver to the clip.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##room_measures", static_cast<int>(shown), flags)) return true;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (std::size_t c = 0; c < shown; ++c)
        ImGui::TableSetupColumn(state_.tr(column_msgid(static_cast<Column>(kRoomColumns[c]))), ImGuiTableColumnFlags_WidthStretch,
                                kShares[c]);
    ImGui::TableHeadersRow();
    for (std::size_t index : visible_order()) {
        const Measure& m = state_.plan().measures[index];
        ImGui::TableNextRow();
        const bool selected = state_.selected == m.id;
        if (selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_Header));
        for (std::size_t c = 0; c < shown; ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c));
            if (kRoomColumns[c] == ColLight) {
                light_dot(m.light);
                ImGui::SameLine();
            }
            // Wrapped a little inside the cell: wrapped to its very edge, a line's last letter
            // touched the column's clip and lost a sliver (the audit saw it cut at 200 and 300 %).
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 0.3f);
            ImGui::TextUnformatted(cell_text(state_, index, kRoomColumns[c]).c_str());
            ImGui::PopTextWrapPos();
        }
        if (selected) {
            ImGui::SetScrollHereY(0.5f);  // the room follows the facilitator down a long plan
            kartla::ui::mark_item("action_plan.room.selected");
        }
    }
    ImGui::EndTable();
    kartla::ui::mark_item("action_plan.room.table");
    return true;
}

void TableView::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    // One row at any text size; what does not fit goes into "More".
    std::vector<kartla::ui::ToolItem> items(3);
    items[0].label = state_.tr("New measure");
    items[0].pressed = [this] { add_measure(state_); };
    items[0].probe = "action_plan.table.new";
    items[1].label = state_.tr("Clear filters");
    items[1].pressed = [this] { filters_.fill({}); };
    items[1].probe = "action_plan.table.clear_filters";
    items[2].kind = kartla::ui::ToolItem::Kind::Note;
    items[2].label = fmt::format("{} {}", state_.plan().measures.size(), state_.tr("measures"));
    kartla::ui::toolbar("action_plan.table.toolbar", items);

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##measures", static_cast<int>(kColumnCount), flags)) return;
    ImGui::TableSetupScrollFreeze(2, 2);
    for (int column : kColumns) {
        const std::string name = state_.tr(column == kChecksColumn ? "Checks"
                                           : column == ColId       ? "No."
                                                                   : column_msgid(static_cast<Column>(column)));
        const float width = column == ColTitle || column == ColGoal ? px(340)
                            : column == ColProblems || column == ColCauses ? px(220)
                            : column == ColId ? px(40) : px(150);
        ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed, width);
    }
    ImGui::TableHeadersRow();

    // A filter field under every header.
    ImGui::TableNextRow();
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c));
        ImGui::PushID(static_cast<int>(c));
        ImGui::SetNextItemWidth(-1);
        // The hint only where it fits whole: a narrow column's field says nothing rather than "Filte".
        const char* hint = state_.tr("Filter");
        bool fits = ImGui::CalcTextSize(hint).x + ImGui::GetStyle().FramePadding.x * 2 <= ImGui::GetContentRegionAvail().x;
        ImGui::InputTextWithHint("##filter", fits ? hint : "", &filters_[c]);
        kartla::ui::mark_item(fmt::format("action_plan.table.filter.{}", c));
        ImGui::PopID();
    }

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            sort_column_ = specs->Specs[0].ColumnIndex;
            sort_descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false;
    }
    const std::vector<std::size_t> order = visible_order();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::size_t index = order[static_cast<std::size_t>(r)];
            const Measure& m = state_.plan().measures[index];
            ImGui::TableNextRow(0, ImGui::GetFrameHeight());
            ImGui::PushID(static_cast<int>(m.id));
            for (std::size_t c = 0; c < kColumnCount; ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                const int column = kColumns[c];
                if (c == 0) {
                    // The first cell spans the row, so a tap anywhere selects the measure.
                    if (ImGui::Selectable(cell_text(state_, index, column).c_str(), state_.selected == m.id,
                                          ImGuiSelectableFlags_SpanAllColumns))
                        state_.select(m.id);
                    kartla::ui::mark_item(fmt::format("action_plan.table.row.{}", m.id));
                } else if (column == ColLight) {
                    light_dot(m.light);
                    ImGui::SameLine();
                    kartla::ui::clipped_text(cell_text(state_, index, column).c_str());
                } else if (column == kChecksColumn) {
                    finding_count(state_, m);
                } else {
                    // Cut with "…" at the column's edge, whole on hover and on touch-and-hold.
                    kartla::ui::clipped_text(cell_text(state_, index, column).c_str());
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace kartla::action_plan::views
