#pragma once
// The action plan's windows. Each draws into a window the host opened
// ("Title###action_plan.<key>"); all share one UiState.
#include "ui_state.hpp"

#include "../model/edits.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kartla::action_plan::views {

// Creates a measure (optionally addressing a problem and a cause) and selects it.
std::int64_t add_measure(UiState& state, std::int64_t problem_id = 0, std::int64_t cause_id = 0);

class TableView {
public:
    explicit TableView(UiState& state) : state_(state) {}
    void draw();
    bool draw_room();  // for the room view on a second screen (ViewSpec::draw_room)

private:
    std::vector<std::size_t> visible_order();  // filtered and sorted as the facilitator chose
    bool row_visible(std::size_t index) const;
    void sort_order(std::vector<std::size_t>& order);
    UiState& state_;
    std::array<std::string, 17> filters_;
    int sort_column_ = -1;
    bool sort_descending_ = false;
};

class BoardView {
public:
    explicit BoardView(UiState& state) : state_(state) {}
    void draw();
    bool draw_room();

private:
    void columns(bool controls);
    void page_bar(std::size_t shown, bool controls);
    void column(std::string_view status, float width, float height);
    void card(const Measure& m);
    UiState& state_;
    std::size_t first_column_ = 0;  // where the columns do not all fit: the first one shown
};

class TimelineView {
public:
    explicit TimelineView(UiState& state) : state_(state) {}
    void draw();
    bool draw_room();

private:
    UiState& state_;
};

class ByProblemView {
public:
    explicit ByProblemView(UiState& state) : state_(state) {}
    void draw();
    bool draw_room();

private:
    bool room_ = false;  // drawing for the room: no buttons
    void problem(const Entity& problem);
    void measure_line(const Measure& m);
    UiState& state_;
};

class MeasureEditor {
public:
    explicit MeasureEditor(UiState& state) : state_(state) {}
    void draw();

private:
    void text_field(const char* msgid, Field field, bool multiline = false);
    void date_field(const char* msgid, Field field);
    template <std::size_t N>
    void choice(const char* msgid, Field field, const std::array<std::string_view, N>& keys,
                const char* (*msgid_of)(std::string_view));
    void links();
    void actors();
    void status_and_light();
    void status_log();
    bool released_on_row(std::int64_t row, bool clicked);
    UiState& state_;
    std::int64_t pressed_row_ = 0;
    int focus_title_ = 0;  // frames until the new measure's title takes the focus
    Measure draft_;
    std::int64_t draft_id_ = -1;
    std::uint64_t draft_revision_ = 0;
    bool confirm_delete_ = false;
};

class ChecksView {
public:
    explicit ChecksView(UiState& state) : state_(state) {}
    void draw();

private:
    UiState& state_;
};

class ExportPreview {
public:
    explicit ExportPreview(UiState& state) : state_(state) {}
    void draw();

private:
    UiState& state_;
    std::uint64_t revision_ = 0;
    std::vector<std::string> lines_;
    std::string markdown_;
};

}  // namespace kartla::action_plan::views
