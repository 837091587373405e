// The board: one column per status; dragging a card to another column changes
// the measure's status and writes a dated entry in its status log.
#include "common.hpp"
#include "views.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cfloat>
#include <cstring>

namespace kartla::action_plan::views {

namespace {

constexpr const char* kPayload = "ACTION_PLAN_MEASURE";

}  // namespace

void BoardView::card(const Measure& m) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float pad = px(8);
    const float radius = line * 0.3f;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float wrap = width - 3 * pad - 2 * radius;
    // The title wraps; the card grows to fit it, so nothing is drawn over it.
    const float title_height = font->CalcTextSizeA(size, FLT_MAX, wrap, m.title.c_str()).y;
    const auto findings = findings_for_measure(state_.findings(), m);
    const float height = pad + title_height + line * (2.0f + float(findings.size())) + pad * 0.5f;
    ImGui::PushID(static_cast<int>(m.id));
    const bool clicked = ImGui::InvisibleButton("card", ImVec2(width, height));
    kartla::ui::mark_item(fmt::format("action_plan.board.card.{}", m.id));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    if (clicked) state_.select(m.id);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, &m.id, sizeof m.id);
        ImGui::TextUnformatted(m.title.c_str());
        ImGui::EndDragDropSource();
    }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool selected = state_.selected == m.id;
    draw->AddRectFilled(min, max, selected ? IM_COL32(215, 230, 245, 255) : IM_COL32(250, 250, 250, 255), px(6));
    draw->AddRect(min, max, selected ? IM_COL32(44, 93, 138, 255) : IM_COL32(190, 190, 190, 255), px(6), 0,
                  selected ? px(3) : px(1));
    const ImVec2 dot(max.x - pad - radius, min.y + pad + radius);
    if (m.light.empty()) {
        draw->AddCircle(dot, radius, light_colour(m.light), 16, px(2));
    } else {  // the light's own shape (● ▲ ■), not only its colour
        const char* symbol = light_symbol(m.light);
        const float glyph = radius * 2.6f;
        const ImVec2 extent = font->CalcTextSizeA(glyph, FLT_MAX, 0, symbol);
        draw->AddText(font, glyph, ImVec2(dot.x - extent.x * 0.5f, dot.y - extent.y * 0.5f), light_colour(m.light), symbol);
    }

    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->PushClipRect(min, max, true);
    float y = min.y + pad * 0.5f;
    draw->AddText(font, size, ImVec2(min.x + pad, y), text, m.title.c_str(), nullptr, wrap);
    y += title_height + line * 0.15f;
    // One line each, cut with "…" where the column is narrow ("Due 2024-06" without its day
    // would mislead); the whole line on hover and on touch-and-hold.
    const float text_width = max.x - pad - (min.x + pad);
    auto line_of = [&](const std::string& s, ImU32 colour) {
        bool cut = false;
        kartla::ui::draw_clipped_text(draw, font, size, ImVec2(min.x + pad, y), colour, s.c_str(), text_width, 1, &cut);
        if (cut) kartla::ui::whole_text_tip(ImVec2(min.x, y), ImVec2(max.x, y + line), s.c_str());
    };
    const std::string owner = m.owner_id ? actor_label(state_.plan(), m.owner_id, state_.translator())
                                         : state_.tr("No responsible owner");
    line_of(owner, muted);
    y += line;
    const std::string due = m.due.empty() ? state_.tr("No due date") : fmt::format("{} {}", state_.tr("Due"), m.due);
    line_of(due, muted);
    for (const Finding* f : findings) {
        y += line;
        line_of(fmt::format("! {}", state_.tr(finding_short_msgid(f->kind))), ImGui::ColorConvertFloat4ToU32(kWarningColour));
    }
    draw->PopClipRect();
    ImGui::PopID();
}

void BoardView::column(std::string_view status, float width, float height) {
    ImGui::PushID(status.data());
    ImGui::BeginGroup();
    int count = 0;
    for (const auto& m : state_.plan().measures) count += m.status == status;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + width, top.y + px(6)), status_colour(status));
    ImGui::Dummy(ImVec2(width, px(8)));
    ImGui::Text("%s (%d)", state_.tr(status_msgid(status)), count);
    ImGui::BeginChild("cards", ImVec2(width, height - ImGui::GetFrameHeightWithSpacing() - px(8)), true);
    for (const auto& m : state_.plan().measures)
        if (m.status == status) card(m);
    ImGui::EndChild();
    kartla::ui::mark_rect(fmt::format("action_plan.board.column.{}", status), ImGui::GetItemRectMin(),
                          ImGui::GetItemRectMax());
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPayload)) {
            std::int64_t id = 0;
            std::memcpy(&id, payload->Data, sizeof id);
            const std::string today = state_.today();
            state_.host().edit("Change status", [&](kartla::Database& db) { set_status(db, id, status, today); });
            state_.select(id);
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::EndGroup();
    ImGui::PopID();
}

void BoardView::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    // One row at any text size: the hint goes into "More" when the button needs the room.
    std::vector<kartla::ui::ToolItem> items(2);
    items[0].label = state_.tr("New measure");
    items[0].pressed = [this] { add_measure(state_); };
    items[0].probe = "action_plan.board.new";
    items[1].kind = kartla::ui::ToolItem::Kind::Note;
    items[1].label = state_.tr("Drag a card to another column to change its status.");
    kartla::ui::toolbar("action_plan.board.toolbar", items);
    columns(true);
}

// For the room: the columns and their cards, without the button and the hint.
bool BoardView::draw_room() {
    if (!state_.refresh()) return false;
    columns(false);
    return true;
}

// Whole columns of a readable width, as many as fit; where not all fit, a page of them with
// arrows to the others (a column cut by the window's edge broke its cards' words, and the
// room cannot scroll).
void BoardView::columns(bool controls) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const std::size_t count = kStatuses.size();
    const float least = px(210);
    const float avail = ImGui::GetContentRegionAvail().x;
    std::size_t shown = std::size_t(std::max(1.0f, std::floor((avail + spacing) / (least + spacing))));
    shown = std::min(shown, count);
    first_column_ = std::min(first_column_, count - shown);
    if (shown < count) page_bar(shown, controls);
    const float width = (ImGui::GetContentRegionAvail().x - spacing * float(shown - 1)) / float(shown);
    ImGui::BeginChild("columns", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float height = ImGui::GetContentRegionAvail().y;
    for (std::size_t i = first_column_; i < first_column_ + shown; ++i) {
        if (i > first_column_) ImGui::SameLine();
        column(kStatuses[i], width, height);
    }
    ImGui::EndChild();
}

// "◀  Decided – Done (2–4 of 6)  ▶": which columns show, and the way to the others.
void BoardView::page_bar(std::size_t shown, bool controls) {
    const std::size_t count = kStatuses.size(), last = first_column_ + shown - 1;
    if (controls) {
        ImGui::BeginDisabled(first_column_ == 0);
        if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) --first_column_;
        ImGui::EndDisabled();
        kartla::ui::mark_item("action_plan.board.previous");
        ImGui::SameLine();
    }
    const std::string label =
        fmt::format("{} – {} ({}–{} / {})", state_.tr(status_msgid(kStatuses[first_column_])),
                    state_.tr(status_msgid(kStatuses[last])), first_column_ + 1, last + 1, count);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    if (controls) {
        ImGui::SameLine();
        ImGui::BeginDisabled(last + 1 >= count);
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++first_column_;
        ImGui::EndDisabled();
        kartla::ui::mark_item("action_plan.board.next");
    }
}

}  // namespace kartla::action_plan::views
