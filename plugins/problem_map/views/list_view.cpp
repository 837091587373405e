#include "list_view.hpp"

#include "labels.hpp"

#include "kartla/fitted_table.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <imgui_stdlib.h>

namespace kartla::problem_map::views {

namespace {

template <typename Items, typename Name>
std::string id_filter_label(const char* any, const char* none, Id value, const Items& items, Name name) {
    std::string current = value == -1 ? any : value == 0 ? none : std::string();
    for (const auto& item : items)
        if (item.id == value) current = name(item);
    return current;
}

template <typename Items, typename Name>
void id_filter(const char* id, const char* any, const char* none, Id& value, const Items& items, Name name, float width) {
    std::string current = id_filter_label(any, none, value, items, name);
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

// A field or combo as wide as its text, so its words are never cut.
float fitting_width(const std::string& text, float least) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return std::max(least, ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFrameHeight() + style.FramePadding.x * 3);
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

// One row at any text size: what does not fit goes into "More" (ui::toolbar).
void ListView::draw_filters(const Snapshot& s) {
    float field = ImGui::GetFontSize() * 6;
    std::vector<ui::ToolItem> items;
    auto custom = [&](const std::string& text, const char* probe, std::function<void(float)> draw) {
        ui::ToolItem item;
        item.kind = ui::ToolItem::Kind::Custom;
        item.custom_width = fitting_width(text, field);
        item.custom = [draw, width = item.custom_width] { draw(width); };
        item.probe = probe;
        items.push_back(std::move(item));
    };
    std::string search_hint = c_.tr("Search titles and descriptions");
    custom(search_hint, "problem_map.list.search", [this, search_hint](float width) {
        ImGui::SetNextItemWidth(width);
        if (ImGui::InputTextWithHint("##search", search_hint.c_str(), &search_)) filter_.text = search_;
    });
    auto category = [this](const Category& cat) { return category_name(cat, c_.translator()); };
    custom(id_filter_label(c_.tr("All categories"), c_.tr("No category"), filter_.category, s.categories, category),
           "problem_map.list.category", [this, &s, category](float width) {
               id_filter("##category", c_.tr("All categories"), c_.tr("No category"), filter_.category, s.categories,
                         category, width);
           });
    auto area = [this](const Area& a) { return area_label(c_, a); };
    custom(id_filter_label(c_.tr("All areas"), c_.tr("No area"), filter_.area, s.areas, area), "problem_map.list.area",
           [this, &s, area](float width) {
               id_filter("##area", c_.tr("All areas"), c_.tr("No area"), filter_.area, s.areas, area, width);
           });
    std::string severity = filter_.severity ? fmt::format("{} {}", c_.tr("Severity"), filter_.severity) : c_.tr("Any severity");
    custom(severity, "problem_map.list.severity", [this, severity](float width) {
        ImGui::SetNextItemWidth(width);
        if (ImGui::BeginCombo("##severity", severity.c_str())) {
            if (ImGui::Selectable(c_.tr("Any severity"), filter_.severity == 0)) filter_.severity = 0;
            for (int i = 1; i <= 5; ++i)
                if (ImGui::Selectable(fmt::format("{} {}", c_.tr("Severity"), i).c_str(), filter_.severity == i))
                    filter_.severity = i;
            ImGui::EndCombo();
        }
    });
    auto trends = trend_labels(c_);
    int trend = index_of(kTrends, filter_.trend);
    std::string trend_text = trend < 0 ? c_.tr("Any trend") : trends[std::size_t(trend)];
    custom(trend_text, "problem_map.list.trend", [this, trends, trend, trend_text](float width) {
        ImGui::SetNextItemWidth(width);
        if (ImGui::BeginCombo("##trend", trend_text.c_str())) {
            if (ImGui::Selectable(c_.tr("Any trend"), trend < 0)) filter_.trend.clear();
            for (std::size_t i = 0; i < kTrends.size(); ++i)
                if (ImGui::Selectable(trends[i], int(i) == trend)) filter_.trend = std::string(kTrends[i]);
            ImGui::EndCombo();
        }
    });
    ui::ToolItem details;
    details.kind = ui::ToolItem::Kind::Toggle;
    details.label = c_.tr("Details");
    details.value = &show_details_;
    details.probe = "problem_map.list.details";
    items.push_back(std::move(details));
    if (filter_.active()) {
        ui::ToolItem clear;
        clear.label = c_.tr("Clear filters");
        clear.pressed = [this] {
            filter_ = Filter{};
            search_.clear();
        };
        items.push_back(std::move(clear));
    }
    ui::toolbar("problem_map.list.filters", items);
}

void ListView::draw_table(const Snapshot& s) {
    ImGui::TextUnformatted(
        fmt::format(fmt::runtime(c_.tr("{} of {} problems")), rows_for(s).size(), s.cards.size()).c_str());
    struct ColumnSpec {
        const char* title;
        Column column;
        ImGuiTableColumnFlags flags;
        float weight = 0.0f;  // share of the free width for stretching columns
        float least_ems = 0.0f;  // and the least width they keep (the table scrolls sideways below it)
    };
    const ColumnSpec columns[] = {
        {"Title", Column::Title, ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 3.0f, 12.0f},
        {"Category", Column::Category, ImGuiTableColumnFlags_WidthStretch, 1.5f, 6.0f},
        {"Area", Column::Area, ImGuiTableColumnFlags_WidthStretch, 1.2f, 6.0f},
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
    // Fixed columns fit their header; the free width goes to title, category and area.
    std::vector<ui::TableColumn> setup;
    for (const auto& col : columns) setup.push_back({c_.tr(col.title), col.flags, col.weight, col.least_ems, ImGuiID(col.column)});
    if (!ui::begin_fitted_table("problem_map.list", setup, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
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
                ui::clipped_text(category_name(*cat, c_.translator()).c_str());
            }
            ImGui::TableSetColumnIndex(2);
            if (const Area* a = s.area(card.area_id)) ui::clipped_text(a->name.c_str());
            ImGui::TableSetColumnIndex(3);
            if (card.severity) ImGui::Text("%d", card.severity);
            ImGui::TableSetColumnIndex(4);
            ui::clipped_text(trend_label(c_, card.trend));
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
            if (conf > 0) ui::clipped_text(confidence_labels(c_)[std::size_t(conf)]);
        }
    }
    ImGui::EndTable();
}

}  // namespace kartla::problem_map::views
