#pragma once
// The same problems as a table: sortable by any column, filtered by category,
// area, severity, trend and free text (titles and descriptions).
#include "card_panel.hpp"
#include "ui_state.hpp"

namespace kartla::problem_map::views {

class ListView {
public:
    ListView(UiState& context, CardPanel& panel) : c_(context), panel_(panel) {}
    void draw();

private:
    void draw_filters(const Snapshot& s);
    void draw_table(const Snapshot& s);
    const std::vector<const Card*>& rows_for(const Snapshot& s);
    struct Rows {
        const Snapshot* snapshot = nullptr;
        std::uint64_t revision = 0;
        Filter filter;
        Column column = Column::Title;
        bool ascending = true;
        std::string language;
        std::vector<const Card*> cards;
    };
    Rows rows_;
    UiState& c_;
    CardPanel& panel_;
    Filter filter_;
    std::string search_;
    Column sort_column_ = Column::Title;
    bool ascending_ = true;
    bool show_details_ = false;  // the side panel takes width the table's columns need
};

}  // namespace kartla::problem_map::views
