// Text that is wrapped or cut with "…", and shows whole on hover and on
// touch-and-hold (see widgets.hpp).
#include "kartla/widgets.hpp"

#include <imgui_internal.h>

#include <cstring>
#include <string>

namespace kartla::ui {

namespace {

constexpr const char* kEllipsis = "\u2026";
constexpr float kHoldSeconds = 0.45f;  // a finger held this long asks for the whole text

// The start of the UTF-8 character before `end` (never inside one).
const char* previous_character(const char* begin, const char* end) {
    if (end <= begin) return begin;
    --end;
    while (end > begin && (static_cast<unsigned char>(*end) & 0xC0) == 0x80) --end;
    return end;
}

// The longest start of [begin, end) that fits in `width` together with "…".
std::string cut_to_width(ImFont* font, float size, const char* begin, const char* end, float width) {
    float ellipsis = font->CalcTextSizeA(size, FLT_MAX, 0, kEllipsis).x;
    while (end > begin && font->CalcTextSizeA(size, FLT_MAX, 0, begin, end).x + ellipsis > width)
        end = previous_character(begin, end);
    while (end > begin && (end[-1] == ' ')) --end;  // "word …" reads worse than "word…"
    return std::string(begin, end) + kEllipsis;
}

bool word_boundary(char c) { return std::strchr(" \n.,;:!?\"-/", c) != nullptr; }

// Whether a line wrapped at `next` was broken inside a word (a word wider than the line).
bool broken_inside_word(const char* line, const char* next, const char* end) {
    if (next >= end || next <= line) return false;
    return !word_boundary(next[-1]) && !word_boundary(*next);
}

}  // namespace

float draw_clipped_text(ImDrawList* list, ImFont* font, float size, ImVec2 position, ImU32 colour, const char* text,
                        float width, int max_lines, bool* cut) {
    if (cut) *cut = false;
    const char* end = text + std::strlen(text);
    const char* line = text;
    float y = position.y;
    width = std::max(width, size);
    for (int n = 1; line < end; ++n) {
        const char* next = font->CalcWordWrapPositionA(size / font->FontSize, line, end, width);
        if (next == line) next = line + 1;  // one character wider than the width: take it anyway
        const char* line_end = next;
        // The last line allowed, with more to come: cut it.
        if (max_lines > 0 && n == max_lines && next < end) {
            const char* newline = static_cast<const char*>(std::memchr(line, '\n', end - line));
            std::string shown = cut_to_width(font, size, line, newline ? newline : end, width);
            if (list) list->AddText(font, size, ImVec2(position.x, y), colour, shown.c_str());
            if (cut) *cut = true;
            return y + size - position.y;
        }
        // Where text may be cut at all, a word wider than the line is cut with "…" and the
        // next words go on below: "Socialförvaltninge / n" read worse from the back of the
        // room than "Socialförvaltn…" with the whole name on hold.
        if (max_lines > 0 && broken_inside_word(line, next, end)) {
            if (list) list->AddText(font, size, ImVec2(position.x, y), colour, cut_to_width(font, size, line, next, width).c_str());
            if (cut) *cut = true;
            y += size;
            line = next;
            while (line < end && !word_boundary(*line)) ++line;  // the rest of the long word
            while (line < end && (*line == ' ' || *line == '\n')) ++line;
            continue;
        }
        while (line_end > line && (line_end[-1] == ' ' || line_end[-1] == '\n')) --line_end;
        if (list) list->AddText(font, size, ImVec2(position.x, y), colour, line, line_end);
        y += size;
        line = next;
        while (line < end && (*line == ' ' || *line == '\n')) ++line;
    }
    return std::max(y - position.y, size);
}

void whole_text_tip(ImVec2 min, ImVec2 max, const char* text) {
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        return;
    if (!ImGui::IsMouseHoveringRect(min, max) || ImGui::IsMouseDragging(ImGuiMouseButton_Left)) return;
    const ImGuiIO& io = ImGui::GetIO();
    bool held = io.MouseDown[0] && io.MouseDownDuration[0] >= kHoldSeconds;
    if (io.MouseDown[0] && !held) return;  // a press that may still become a click or a drag
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void clipped_text(const char* text, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImVec2 at = ImGui::GetCursorScreenPos();
    float size = ImGui::GetFontSize();
    bool cut = false;
    draw_clipped_text(nullptr, ImGui::GetFont(), size, at, 0, text, width, 1, &cut);
    ImGui::Dummy(ImVec2(cut ? width : std::min(width, ImGui::CalcTextSize(text).x), ImGui::GetTextLineHeight()));
    draw_clipped_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), size, at, ImGui::GetColorU32(ImGuiCol_Text), text,
                      width, 1);
    if (cut) whole_text_tip(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text);
}

bool clipped_selectable(const char* id, const char* text, bool selected, int max_lines, ImGuiSelectableFlags flags) {
    float width = ImGui::GetContentRegionAvail().x;
    float size = ImGui::GetFontSize();
    bool cut = false;
    float height = draw_clipped_text(nullptr, ImGui::GetFont(), size, ImVec2(0, 0), 0, text, width, max_lines, &cut);
    height = std::max(height, ImGui::GetFrameHeight());
    ImVec2 at = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Selectable(id, selected, flags, ImVec2(0, height));
    float top = at.y + (height - draw_clipped_text(nullptr, ImGui::GetFont(), size, at, 0, text, width, max_lines)) / 2;
    draw_clipped_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), size, ImVec2(at.x, top),
                      ImGui::GetColorU32(ImGuiCol_Text), text, width, max_lines);
    if (cut) whole_text_tip(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), text);
    return pressed;
}

bool clipped_header(const char* id, const char* text, ImGuiTreeNodeFlags flags) {
    const bool open = ImGui::CollapsingHeader(id, flags);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float x = min.x + style.FramePadding.x * 2 + ImGui::GetFontSize();  // past the arrow
    bool cut = false;
    draw_clipped_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(),
                      ImVec2(x, min.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), text,
                      max.x - x - style.FramePadding.x, 1, &cut);
    if (cut) whole_text_tip(min, max, text);
    return open;
}

}  // namespace kartla::ui
