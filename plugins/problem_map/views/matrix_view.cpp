#include "matrix_view.hpp"

#include "fields.hpp"
#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <map>

namespace kartla::problem_map::views {

namespace {
constexpr ImU32 kMatrixInk = IM_COL32(20, 20, 28, 255);
constexpr ImU32 kGridLine = IM_COL32(120, 128, 140, 255);

// Cells further up and right are more urgent: tint them warmer.
ImU32 cell_tint(int column, int row, int columns) {
    float urgency = (float(column) / float(std::max(1, columns - 1)) + float(kMatrixRows - 1 - row) / float(kMatrixRows - 1)) / 2;
    return IM_COL32(255, int(250 - 60 * urgency), int(240 - 110 * urgency), 255);
}
}  // namespace

bool MatrixView::Grid::cell_at(ImVec2 p, int& column, int& row) const {
    float x = (p.x - origin.x) / cell.x, y = (p.y - origin.y) / cell.y;
    if (x < 0 || x >= float(columns) || y < 0) return false;
    column = int(x);
    if (y < float(kMatrixRows)) row = int(y);
    else if (p.y <= origin.y + cell.y * float(kMatrixRows) + strip) row = kMatrixRows;
    else return false;
    return true;
}

ImVec2 MatrixView::Grid::cell_min(int column, int row) const {
    return ImVec2(origin.x + cell.x * float(column), origin.y + cell.y * float(row));
}

// For the room: the grid and its cards as the facilitator filtered them, without the choices above.
bool MatrixView::draw_room() {
    if (!c_.snapshot()) return false;
    room_ = true;
    draw();
    room_ = false;
    return true;
}

void MatrixView::draw() {
    auto snapshot = c_.snapshot();
    Workshop* w = c_.workshop();
    if (!snapshot || !w) return;
    const Snapshot& s = *snapshot;
    MatrixMode mode = s.settings.matrix;
    int choice = mode == MatrixMode::ImpactInfluence ? 1 : 0;
    if (!room_) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(c_.tr("Axes:"));
        ImGui::SameLine();
        if (choice_row("matrix_mode", choice, {c_.tr("Severity \u00d7 trend"), c_.tr("Impact \u00d7 ability to influence")},
                       "problem_map.matrix.mode"))
            edits::set_matrix_mode(c_.host(), choice ? MatrixMode::ImpactInfluence : MatrixMode::SeverityTrend);
        const char* only = c_.tr("Only prioritised");
        ui::same_line_if_fits(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(only).x);
        ImGui::Checkbox(only, &only_prioritised_);
    }

    float fs = ImGui::GetFontSize();
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    // The row labels' column as wide as its longest label (never wrapped mid-word), up to a third of the width.
    float label_w = 0;
    for (int row = 0; row <= kMatrixRows; ++row) label_w = std::max(label_w, ImGui::CalcTextSize(row_label(mode, row).c_str()).x);
    label_w = std::min(label_w + fs * 0.8f, avail.x / 3);
    float label_h = ImGui::GetFrameHeight() * 1.2f;
    Grid grid;
    grid.columns = matrix_columns(mode);
    grid.strip = std::max(fs * 3.5f, avail.y * 0.12f);
    grid.origin = ImVec2(start.x + label_w, start.y + label_h);
    grid.labels = label_w;
    // Never smaller than a chip with its text: on a small screen the view scrolls instead of losing the grid.
    grid.cell = ImVec2(std::max((avail.x - label_w - 8) / float(grid.columns), fs * 4.5f),
                       std::max((avail.y - label_h - grid.strip - fs * 1.6f) / float(kMatrixRows), fs * 2.2f));
    draw_grid(s, grid, mode);
    draw_cards(s, grid, mode);
    ImGui::SetCursorScreenPos(ImVec2(start.x, grid.origin.y + grid.cell.y * kMatrixRows + grid.strip + 4));
    ImGui::Dummy(ImVec2(1, 1));
}

std::string MatrixView::row_label(MatrixMode mode, int row) {
    if (row == kMatrixRows) return c_.tr("Not assessed");
    return fmt::format("{} {}", mode == MatrixMode::SeverityTrend ? c_.tr("Severity") : c_.tr("Impact"), kMatrixRows - row);
}

void MatrixView::draw_grid(const Snapshot&, const Grid& g, MatrixMode mode) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    auto trends = trend_labels(c_);
    for (int col = 0; col < g.columns; ++col) {
        std::string label = mode == MatrixMode::SeverityTrend
                                ? trends[std::size_t(index_of(kTrends, kTrendColumns[std::size_t(col)]))]
                                : fmt::format("{} {}", c_.tr("Influence"), col + 1);
        // Centred over its column, cut with "…" (whole on hover and hold) where the column is narrower.
        float width = std::min(ImGui::CalcTextSize(label.c_str()).x, g.cell.x - 8);
        ImVec2 at(g.origin.x + g.cell.x * (float(col) + 0.5f) - width / 2, g.origin.y - fs - 6);
        bool cut = false;
        ui::draw_clipped_text(dl, font, fs, at, kMatrixInk, label.c_str(), width + 1, 1, &cut);
        if (cut) ui::whole_text_tip(at, ImVec2(at.x + width, at.y + fs), label.c_str());
        for (int row = 0; row < kMatrixRows; ++row) {
            ImVec2 min = g.cell_min(col, row);
            dl->AddRectFilled(min, ImVec2(min.x + g.cell.x, min.y + g.cell.y), cell_tint(col, row, g.columns));
            dl->AddRect(min, ImVec2(min.x + g.cell.x, min.y + g.cell.y), kGridLine);
            ui::mark_rect(fmt::format("problem_map.matrix.cell.{}.{}", col, row), min, ImVec2(min.x + g.cell.x, min.y + g.cell.y));
        }
    }
    float label_x = g.origin.x - g.labels;
    auto row_text = [&](int row, float y) {
        std::string label = row_label(mode, row);
        bool cut = false;
        ImVec2 at(label_x, y);
        ui::draw_clipped_text(dl, font, fs, at, kMatrixInk, label.c_str(), g.origin.x - 4 - label_x, 1, &cut);
        if (cut) ui::whole_text_tip(at, ImVec2(g.origin.x - 4, y + fs), label.c_str());
    };
    for (int row = 0; row < kMatrixRows; ++row) row_text(row, g.origin.y + g.cell.y * (float(row) + 0.5f) - fs / 2);
    ImVec2 strip_min(g.origin.x, g.origin.y + g.cell.y * kMatrixRows + 6);
    ImVec2 strip_max(g.origin.x + g.cell.x * float(g.columns), strip_min.y + g.strip - 6);
    dl->AddRectFilled(strip_min, strip_max, IM_COL32(232, 232, 236, 255));
    dl->AddRect(strip_min, strip_max, kGridLine);
    ui::mark_rect("problem_map.matrix.strip", strip_min, strip_max);
    row_text(kMatrixRows, strip_min.y + 4);
    std::string axis = mode == MatrixMode::SeverityTrend ? c_.tr("Trend \u2192") : c_.tr("Ability to influence \u2192");
    dl->AddText(ImVec2(g.origin.x, strip_max.y + 4), IM_COL32(70, 70, 80, 255), axis.c_str());
    ui::mark_rect("problem_map.matrix.grid", g.origin, ImVec2(strip_max.x, strip_max.y));
}

void MatrixView::draw_cards(const Snapshot& s, const Grid& g, MatrixMode mode) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize();
    auto shown = [&](const Card& card) { return !card.hidden && (!only_prioritised_ || card.prioritised); };
    auto key_of = [&](const MatrixCell& cell) { return std::pair{cell.row == kMatrixRows ? 0 : cell.column, cell.row}; };
    std::map<std::pair<int, int>, int> count, filled;  // cards in each cell; placed so far
    for (const auto& card : s.cards)
        if (shown(card)) ++count[key_of(matrix_cell(card, mode))];
    for (const auto& card : s.cards) {
        if (!shown(card)) continue;
        MatrixCell cell = matrix_cell(card, mode);
        int k = filled[key_of(cell)]++;
        // A crowded cell gets thinner chips rather than chips spilling into the next cell.
        float chip_h = fs * 1.6f;
        if (cell.row < kMatrixRows)
            chip_h = std::max(fs * 0.9f, std::min(chip_h, (g.cell.y - 8) / float(count[key_of(cell)]) - 4));
        ImVec2 min;
        float chip_w;
        if (cell.row == kMatrixRows) {  // the strip: one row across all columns
            chip_w = std::min(fs * 12, g.cell.x * float(g.columns) / 4 - 6);
            int per_row = std::max(1, int((g.cell.x * float(g.columns) - 6) / (chip_w + 6)));
            min = ImVec2(g.origin.x + 6 + float(k % per_row) * (chip_w + 6),
                         g.origin.y + g.cell.y * kMatrixRows + 12 + float(k / per_row) * (chip_h + 4));
        } else {
            chip_w = g.cell.x - 12;
            min = g.cell_min(cell.column, cell.row);
            min = ImVec2(min.x + 6, min.y + 6 + float(k) * (chip_h + 4));
        }
        ImVec2 max(min.x + chip_w, min.y + chip_h);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(int(card.id));
        ImGui::InvisibleButton("##chip", ImVec2(chip_w, chip_h));
        ImGui::PopID();
        ui::mark_item(fmt::format("problem_map.matrix.card.{}", card.id));
        if (ImGui::IsItemActivated()) c_.selection.only(card.id);
        bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left);
        if (ImGui::IsItemDeactivated() && ImGui::GetIO().MouseDownDurationPrev[0] >= 0) {
            int column = 0, row = 0;
            ImVec2 drop = ImGui::GetIO().MousePos;
            bool moved = std::abs(drop.x - ImGui::GetIO().MouseClickedPos[0].x) + std::abs(drop.y - ImGui::GetIO().MouseClickedPos[0].y) > 4;
            if (moved && g.cell_at(drop, column, row)) {
                MatrixCell now = matrix_cell(card, mode);
                if (now.column != column || now.row != row || row == kMatrixRows)
                    edits::set_matrix_cell(c_.host(), card.id, mode, column, row);
            }
        }
        if (dragging) {
            ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
            min = ImVec2(min.x + d.x, min.y + d.y);
            max = ImVec2(max.x + d.x, max.y + d.y);
        }
        if (!ImGui::IsRectVisible(min, max)) continue;
        const Category* cat = s.category(card.category_id);
        ImDrawList* target = dragging ? ImGui::GetForegroundDrawList() : dl;
        target->AddRectFilled(min, max, packed_color(cat ? cat->color : 0x9AA0A6, 0.72f), 5);
        target->AddRectFilled(min, ImVec2(min.x + 8, max.y), packed_color(cat ? cat->color : 0x9AA0A6), 5,
                              ImDrawFlags_RoundCornersLeft);
        bool selected = c_.selection.has(card.id);
        target->AddRect(min, max, selected ? IM_COL32(30, 90, 200, 255) : IM_COL32(60, 60, 70, 255), 5, 0, selected ? 3.0f : 1.0f);
        std::string text = (card.prioritised ? "\u2605 " : "") + (card.title.empty() ? std::string(c_.tr("(no title)")) : card.title);
        // One line, cut with "…"; the whole title on hover and on touch-and-hold.
        float text_size = std::min(fs, chip_h * 0.9f);
        bool cut = false;
        ui::draw_clipped_text(target, font, text_size, ImVec2(min.x + 14, min.y + (chip_h - text_size) / 2), kMatrixInk,
                              text.c_str(), max.x - 4 - (min.x + 14), 1, &cut);
        if (cut && !dragging) ui::whole_text_tip(min, max, text.c_str());
    }
}

}  // namespace kartla::problem_map::views
