#include "list_view.hpp"

#include "labels.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui_stdlib.h>

namespace kartla::problem_map::views {

namespace {

template <typename Items, typename Name>
void id_filter(const char* id, const char* any, const char* none, Id& value, const Items& items, Name name, float width) {
    std::string current = value == -1 ? any : value == 0 ? none : std::string();
    for (const auto& item : items)
        if (item.id == value) current = name(item);
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(id, current.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(any, value == -1)) value = -1;
        if (ImGui::Selectable(none, value == 0)) value = 0;
        for (const auto& item : items) {
            ImGui::PushID(int(item.id));
            if (ImGui::Selectable(name(item).c_str(), value == item.id)) value = item.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

}  // namespace

// Filtering and sorting 50,000 cards every frame would cost more than drawing the
// visible rows: they are redone only when the snapshot, filter, order or language change.
const std::vector<const Card*>& ListView::rows_for(const Snapshot& s) {
    const Filter& f = filter_;
    const std::string language = c_.tr("Category");
    const bool same = rows_.snapshot == &s && rows_.revision == c_.revision() && rows_.filter.category == f.category &&
                      rows_.filter.area == f.area && rows_.filter.severity == f.severity &&
                      rows_.filter.trend == f.trend && rows_.filter.text == f.text && rows_.column == sort_column_ &&
                      rows_.ascending == ascending_ && rows_.language == language;
    if (!same) {
        rows_ = {&s, c_.revision(), f, sort_column_, ascending_, language, filtered(s, f)};
        sort_cards(s, rows_.cards, sort_column_, ascending_, c_.translator());
    }
    return rows_.cards;
}

void ListView::draw() {
    auto snapshot = c_.snapshot();
    if (!snapshot) return;
    const Snapshot& s = *snapshot;
    draw_filters(s);
    bool panel = show_details_ && c_.selection.single() != 0;
    float panel_width = panel ? ImGui::GetFontSize() * 18 : 0.0f;
    ImGui::BeginChild("problem_map.list.table", ImVec2(ImGui::GetContentRegionAvail().x - panel_width, 0), false);
    draw_table(s);
    ImGui::EndChild();
    if (panel) {
        ImGui::SameLine();
        ImGui::BeginChild("problem_map.list.panel", ImVec2(0, 0), true);
        panel_.draw(s);
        ImGui::EndChild();
    }
}

void ListView::draw_filters(const Snapshot& s) {
    float field = ImGui::GetFontSize() * 11;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::InputTextWithHint("##search", c_.tr("Search titles and descriptions"), &search_)) filter_.text = search_;
    ui::mark_item("problem_map.list.search");
    ImGui::SameLine();
    id_filter("##category", c_.tr("All categories"), c_.tr("No category"), filter_.category, s.categories,
              [&](const Category& cat) { return category_name(cat, c_.translator()); }, field);
    ui::mark_item("problem_map.list.category");
    ImGui::SameLine();
    id_filter("##area", c_.tr("All areas"), c_.tr("No area"), filter_.area, s.areas,
              [&](const Area& a) { return area_label(c_, a); }, field);
    ui::mark_item("problem_map.list.area");
    ImGui::SameLine();
    std::string severity = filter_.severity ? fmt::format("{} {}", c_.tr("Severity"), filter_.severity) : c_.tr("Any severity");
    ImGui::SetNextItemWidth(field * 0.8f);
    if (ImGui::BeginCombo("##severity", severity.c_str())) {
        if (ImGui::Selectable(c_.tr("Any severity"), filter_.severity == 0)) filter_.severity = 0;
        for (int i = 1; i <= 5; ++i)
            if (ImGui::Selectable(fmt::format("{} {}", c_.tr("Severity"), i).c_str(), filter_.severity == i)) filter_.severity = i;
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.list.severity");
    ImGui::SameLine();
    auto trends = trend_labels(c_);
    int trend = index_of(kTrends, filter_.trend);
    ImGui::SetNextItemWidth(field * 0.8f);
    if (ImGui::BeginCombo("##trend", trend < 0 ? c_.tr("Any trend") : trends[std::size_t(trend)])) {
        if (ImGui::Selectable(c_.tr("Any trend"), trend < 0)) filter_.trend.clear();
        for (std::size_t i = 0; i < kTrends.size(); ++i)
            if (ImGui::Selectable(trends[i], int(i) == trend)) filter_.trend = std::string(kTrends[i]);
        ImGui::EndCombo();
    }
    ui::mark_item("problem_map.list.trend");
    ImGui::SameLine();
    ImGui::Checkbox(c_.tr("Details"), &show_details_);
    ui::mark_item("problem_map.list.details");
    if (filter_.active()) {
        ImGui::SameLine();
        if (ImGui::Button(c_.tr("Clear filters"))) {
            filter_ = Filter{};
            search_.clear();
        }
    }
}

void ListView::draw_table(const Snapshot& s) {
    ImGui::TextUnformatted(
        fmt::format(fmt::runtime(c_.tr("{} of {} problems")), rows_for(s).size(), s.cards.size()).c_str());
    struct ColumnSpec {
        const char* title;
        Column column;
        ImGuiTableColumnFlags flags;
        float weight = 0.0f;  // share of the free width for stretching columns
    };
    const ColumnSpec columns[] = {
        {"Title", Column::Title, ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 3.0f},
        {"Category", Column::Category, ImGuiTableColumnFlags_WidthStretch, 1.5f},
        {"Area", Column::Area, ImGuiTableColumnFlags_WidthStretch, 1.2f},
        {"Severity", Column::Severity, ImGuiTableColumnFlags_WidthFixed},
        {"Trend", Column::Trend, ImGuiTableColumnFlags_WidthFixed},
        {"Signal", Column::Signal, ImGuiTableColumnFlags_WidthFixed},
        {"Dots", Column::Dots, ImGuiTableColumnFlags_WidthFixed},
        {"Rank", Column::Rank, ImGuiTableColumnFlags_WidthFixed},
        {"Prioritised", Column::Prioritised, ImGuiTableColumnFlags_WidthFixed},
        {"Confidence", Column::Confidence, ImGuiTableColumnFlags_WidthFixed}};
    ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("problem_map.list", int(std::size(columns)), flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    float fs = ImGui::GetFontSize();
    for (const auto& col : columns) {
        // Fixed columns fit their header; the free width goes to title, category and area.
        float width = col.weight > 0 ? col.weight : ImGui::CalcTextSize(c_.tr(col.title)).x + fs * 1.6f;
        ImGui::TableSetupColumn(c_.tr(col.title), col.flags, width, ImGuiID(col.column));
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < int(std::size(columns)); ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TableHeader(ImGui::TableGetColumnName(i));
        ui::mark_item(fmt::format("problem_map.list.header.{}", i));
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        sort_column_ = Column(specs->Specs[0].ColumnUserID);
        ascending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
        specs->SpecsDirty = false;
    }
    const auto& rows = rows_for(s);
    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Card& card = *rows[std::size_t(i)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(int(card.id));
            std::string title = card.hidden ? c_.tr("(face down)") : card.title.empty() ? c_.tr("(no title)") : card.title;
            // One line, so the clipper's rows stay one height; a cut title shows whole on hover and hold.
            if (ui::clipped_selectable("##row", title.c_str(), c_.selection.has(card.id), 1,
                                       ImGuiSelectableFlags_SpanAllColumns))
                c_.selection.only(card.id);
            ui::mark_item(fmt::format("problem_map.list.row.{}", i));
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            if (const Category* cat = s.category(card.category_id)) {
                float sw = ImGui::GetFontSize() * 0.8f;
                ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + sw, p.y + 3 + sw),
                                                          packed_color(cat->color), 3);
                ImGui::Dummy(ImVec2(sw, sw));
                ImGui::SameLine();
                ImGui::TextUnformatted(category_name(*cat, c_.translator()).c_str());
            }
            ImGui::TableSetColumnIndex(2);
            if (const Area* a = s.area(card.area_id)) ImGui::TextUnformatted(a->name.c_str());
            ImGui::TableSetColumnIndex(3);
            if (card.severity) ImGui::Text("%d", card.severity);
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(trend_label(c_, card.trend));
            ImGui::TableSetColumnIndex(5);
            if (card.signal_crime) ImGui::TextUnformatted(c_.tr("Yes"));
            ImGui::TableSetColumnIndex(6);
            if (int dots = s.dots(card.id)) ImGui::Text("%d", dots);
            ImGui::TableSetColumnIndex(7);
            if (int rank = rank_of(s, card.id)) ImGui::Text("%d", rank);
            ImGui::TableSetColumnIndex(8);
            if (card.prioritised) ImGui::TextUnformatted("\u2605");
            ImGui::TableSetColumnIndex(9);
            int conf = index_of(kConfidences, card.confidence);
            if (conf > 0) ImGui::TextUnformatted(confidence_labels(c_)[std::size_t(conf)]);
        }
    }
    ImGui::EndTable();
}

}  // namespace kartla::problem_map::views
