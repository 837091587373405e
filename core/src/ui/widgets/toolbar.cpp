// A toolbar that stays one row high: what does not fit goes into "More" (see widgets.hpp).
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <fmt/format.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <numeric>

namespace kartla::ui {

namespace {

// As big_button at 100 % (1.4 frames); at 300 % a frame is a finger's size already,
// and the rows of toolbars must leave the board its height.
float button_height() {
    float frame = ImGui::GetFrameHeight();
    return std::max(frame * 1.1f, std::min(frame * 1.4f, frame + 18.0f));
}

float item_width(const ToolItem& item) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float text = ImGui::CalcTextSize(item.label.c_str(), nullptr, true).x;
    switch (item.kind) {
        case ToolItem::Kind::Button: return text + style.FramePadding.x * 2;
        case ToolItem::Kind::Toggle: return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + text;
        case ToolItem::Kind::Note: return text;
        case ToolItem::Kind::Custom: return item.custom_width;
    }
    return text;
}

void push_colours(const ToolItem& item) {
    if (item.colour.w > 0) ImGui::PushStyleColor(ImGuiCol_Button, item.colour);
    if (item.text_colour.w > 0) ImGui::PushStyleColor(ImGuiCol_Text, item.text_colour);
}

void pop_colours(const ToolItem& item) { ImGui::PopStyleColor(int(item.colour.w > 0) + int(item.text_colour.w > 0)); }

// A button wider than the whole row (a long title kept in the row at 300 %): as wide as
// the row, its label cut with "…" and whole on hover and hold, not clipped mid-letter.
bool capped_button(const std::string& label, float cap, float height) {
    const bool pressed = ImGui::Button(("##" + label).c_str(), ImVec2(cap, height));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* text = label.c_str();
    const std::string shown(text, ImGui::FindRenderedTextEnd(text));
    const float size = ImGui::GetFontSize();
    draw_clipped_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), size,
                      ImVec2(min.x + style.FramePadding.x, min.y + (height - size) / 2), ImGui::GetColorU32(ImGuiCol_Text),
                      shown.c_str(), cap - style.FramePadding.x * 2, 1);
    whole_text_tip(min, max, shown.c_str());
    return pressed;
}

void draw_inline(const ToolItem& item, float top, float cap) {
    float height = button_height();
    ImGui::BeginDisabled(!item.enabled);
    switch (item.kind) {
        case ToolItem::Kind::Button: {
            track_text_input();  // as big_button: a button that opens a field keeps keys typed right after it
            push_colours(item);
            ImGui::SetCursorPosY(top);
            const bool pressed = item_width(item) > cap ? capped_button(item.label, cap, height)
                                                         : ImGui::Button(item.label.c_str(), ImVec2(0, height));
            if (pressed && item.pressed) item.pressed();
            pop_colours(item);
            break;
        }
        case ToolItem::Kind::Toggle:
            ImGui::SetCursorPosY(top + (height - ImGui::GetFrameHeight()) / 2);
            if (item.value && ImGui::Checkbox(item.label.c_str(), item.value) && item.pressed) item.pressed();
            break;
        case ToolItem::Kind::Note: {
            // Drawn into a box as high as the buttons: a text item would take the line's text offset
            // and stand lower than the row.
            ImGui::SetCursorPosY(top);
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImVec2 size = ImGui::CalcTextSize(item.label.c_str());
            ImGui::Dummy(ImVec2(size.x, height));
            ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (height - size.y) / 2),
                                                ImGui::GetColorU32(ImGuiCol_TextDisabled), item.label.c_str());
            break;
        }
        case ToolItem::Kind::Custom:
            ImGui::SetCursorPosY(top + (height - ImGui::GetFrameHeight()) / 2);
            if (item.custom) item.custom();
            break;
    }
    ImGui::EndDisabled();
    if (!item.probe.empty()) mark_item(item.probe);
}

// In the "More" menu: rows as tall as the toolbar's buttons, for a finger.
void draw_in_menu(const ToolItem& item) {
    ImVec2 row(0, button_height());
    switch (item.kind) {
        case ToolItem::Kind::Button:
            if (ImGui::Selectable(item.label.c_str(), false, item.enabled ? 0 : ImGuiSelectableFlags_Disabled, row) &&
                item.pressed)
                item.pressed();
            break;
        case ToolItem::Kind::Toggle:
            if (!item.value) break;
            if (ImGui::Selectable(fmt::format("{} {}", *item.value ? "\u25A0" : "\u25A1", item.label).c_str(), false,
                                  item.enabled ? ImGuiSelectableFlags_DontClosePopups : ImGuiSelectableFlags_Disabled, row)) {
                *item.value = !*item.value;
                if (item.pressed) item.pressed();
            }
            break;
        case ToolItem::Kind::Note:
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextDisabled("%s", item.label.c_str());
            ImGui::PopTextWrapPos();
            break;
        case ToolItem::Kind::Custom:
            if (item.custom) item.custom();
            break;
    }
    if (!item.probe.empty()) mark_item(item.probe + ".more");
}

}  // namespace

float toolbar_height() { return button_height(); }

void toolbar(const char* id, const std::vector<ToolItem>& items, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    std::string more_label = fmt::format("{} \u25BE##{}.more", widget_text("More"), id);
    float more = ImGui::CalcTextSize(more_label.c_str(), nullptr, true).x + style.FramePadding.x * 2;
    std::vector<float> widths;
    for (const auto& item : items) widths.push_back(item_width(item));
    float all = std::accumulate(widths.begin(), widths.end(), 0.0f) + style.ItemSpacing.x * float(items.size());
    // Everything fits: no "More". Otherwise the pinned items first, then the others in order while room is left.
    std::vector<bool> shown(items.size(), all - style.ItemSpacing.x <= width);
    if (!shown.empty() && !shown[0]) {
        float left = width - more;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].pinned) shown[i] = true, left -= widths[i] + style.ItemSpacing.x;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!items[i].pinned && widths[i] + style.ItemSpacing.x <= left) shown[i] = true, left -= widths[i] + style.ItemSpacing.x;
    }
    const bool any_hidden = std::find(shown.begin(), shown.end(), false) != shown.end();
    const float cap = std::max(ImGui::GetFontSize() * 3, width - (any_hidden ? more + style.ItemSpacing.x : 0.0f));
    ImGui::PushID(id);
    float top = ImGui::GetCursorPosY(), top_on_screen = ImGui::GetCursorScreenPos().y;
    bool first = true, hidden_any = false;
    ImGui::BeginGroup();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!shown[i]) {
            hidden_any = true;
            continue;
        }
        if (!first) ImGui::SameLine();
        first = false;
        draw_inline(items[i], top, cap);
    }
    if (hidden_any) {
        if (!first) ImGui::SameLine();
        ImGui::SetCursorPosY(top);
        if (ImGui::Button(more_label.c_str(), ImVec2(0, button_height()))) ImGui::OpenPopup("more");
        mark_item(fmt::format("{}.more", id));
        // Under its button, right-aligned, scrolling when long: a menu taller than the space
        // left (300 % on 1080 lines) was placed over the button that opened it.
        ImVec2 below(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y);
        const ImGuiViewport* screen = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(below, ImGuiCond_Always, ImVec2(1, 0));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, screen->Pos.y + screen->Size.y - below.y));
        if (ImGui::BeginPopup("more")) {
            for (std::size_t i = 0; i < items.size(); ++i)
                if (!shown[i]) draw_in_menu(items[i]);
            ImGui::EndPopup();
        }
    }
    // A checkbox centred in the row still counts the row's whole height below its own top:
    // the row is as high as its buttons.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->DC.CursorMaxPos.y = std::min(window->DC.CursorMaxPos.y, top_on_screen + button_height());
    ImGui::EndGroup();
    mark_item(fmt::format("{}.row", id));
    ImGui::SetCursorPosY(top + button_height() + style.ItemSpacing.y);
    ImGui::PopID();
}

}  // namespace kartla::ui
