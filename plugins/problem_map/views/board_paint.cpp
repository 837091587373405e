// The board's picture: cluster frames, cards (in less detail as they get
// small), the silent-round banner, the colour legend, the room's pointer.
#include "board_view.hpp"

#include "board_style.hpp"
#include "labels.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>

namespace kartla::problem_map::views {

using namespace board;

// Where the facilitator points, as a ring the back of the room can see.
void BoardView::draw_pointer(ImDrawList* dl, ImVec2 at) {
    float radius = ImGui::GetFontSize() * 0.9f, width = ImGui::GetFontSize() * 0.2f;
    dl->AddCircle(at, radius, IM_COL32(255, 255, 255, 230), 40, width * 1.8f);
    dl->AddCircle(at, radius, kPointer, 40, width);
}

void BoardView::draw_clusters(const Snapshot& s, ImDrawList* dl) {
    float scale = canvas_.scale();
    const std::set<Id> joining = joining_clusters(s);
    ImFont* font = ImGui::GetFont();
    const bool probes = ui::probes_enabled();
    for (const Cluster* original : placement::stacking_order(s.clusters)) {
        Cluster cl = cluster_frame(*original);
        ImVec2 min = canvas_.to_screen(ImVec2(cl.x, cl.y)), max = canvas_.to_screen(ImVec2(cl.x + cl.w, cl.y + cl.h));
        if (!ImGui::IsRectVisible(min, max)) continue;
        bool selected = c_.selection.cluster == cl.id || joining.count(cl.id);
        float rounding = 10 * scale;
        float header = std::max(kClusterHeader * scale, ImGui::GetFontSize() * 1.3f);
        dl->AddRectFilled(min, max, IM_COL32(226, 232, 240, 255), rounding);
        dl->AddRectFilled(min, ImVec2(max.x, min.y + header), IM_COL32(196, 207, 222, 255), rounding,
                          ImDrawFlags_RoundCornersTop);
        dl->AddRect(min, max, selected ? kSelected : IM_COL32(110, 122, 140, 255), rounding, 0, selected ? 4.0f : 2.0f);
        // The room reads every name at least at its own text size.
        float least = ImGui::GetFontSize() * (mode_ == BoardMode::Room ? 1.0f : 0.9f);
        float size = std::min(std::max(ImGui::GetFontSize() * 1.15f * canvas_.zoom, least), header * 0.8f);
        // One line, cut with "…"; the whole name on hover and on touch-and-hold.
        ImVec2 at(min.x + 12 * scale, min.y + (header - size) / 2);
        bool cut = false;
        ui::draw_clipped_text(dl, font, size, at, kInk, cl.name.c_str(), max.x - header - at.x, 1, &cut);
        if (cut && mode_ == BoardMode::Console) ui::whole_text_tip(min, ImVec2(max.x, min.y + header), cl.name.c_str());
        if (probes) ui::mark_rect(fmt::format("problem_map.cluster.{}", cl.id), min, ImVec2(max.x, min.y + header));
        if (joining.count(cl.id)) {  // the frame a dragged card will join, before it is dropped
            dl->AddRect(min, max, kJoining, rounding, 0, 6.0f);
            if (probes) ui::mark_rect(fmt::format("problem_map.cluster.{}.joining", cl.id), min, max);
        }
        float handle = std::max(kResizeHandle * scale, ImGui::GetFontSize());
        dl->AddTriangleFilled(ImVec2(max.x, max.y - handle), max, ImVec2(max.x - handle, max.y), IM_COL32(110, 122, 140, 255));
        if (probes)
            ui::mark_rect(fmt::format("problem_map.cluster.{}.resize", cl.id), ImVec2(max.x - handle, max.y - handle), max);
    }
}

// The cards that may be on screen, in board order: from the grid, unless cards are
// being dragged (then they are not where the grid filed them, and every card is asked).
std::vector<std::size_t> BoardView::cards_to_draw(const Snapshot& s) {
    std::vector<std::size_t> out;
    if (gesture_ == Gesture::MoveCards || gesture_ == Gesture::MoveCluster) {
        out.resize(s.cards.size());
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
        return out;
    }
    ImVec2 lo = canvas_.to_world(canvas_.origin), hi = canvas_.to_world(add(canvas_.origin, canvas_.size));
    std::vector<Id> ids;
    s.board.grid.query(lo.x, lo.y, hi.x, hi.y, ids);
    out.reserve(ids.size());
    for (Id id : ids)  // ascending ids are ascending positions: the cards are kept by id
        if (auto at = s.card_index.find(id); at != s.card_index.end()) out.push_back(at->second);
    return out;
}

void BoardView::draw_cards(const Snapshot& s, ImDrawList* dl) {
    float scale = canvas_.scale();
    ImVec2 size(kCardWidth * scale, kCardHeight * scale);
    const Card* moving_last = nullptr;
    for (std::size_t position : cards_to_draw(s)) {
        const Card& card = s.cards[position];
        ImVec2 min = canvas_.to_screen(card_position(card));
        ImVec2 max = add(min, size);
        if (!ImGui::IsRectVisible(min, max)) continue;  // culling: off-screen cards cost one test
        if (c_.selection.has(card.id) && gesture_ == Gesture::MoveCards) {
            moving_last = &card;  // drawn on top below; one is enough to see while dragging a group
            continue;
        }
        draw_card(s, dl, card, min, max);
    }
    // Dragged cards go on top of the others.
    if (moving_last)
        for (Id id : c_.selection.cards)
            if (const Card* card = s.card(id)) {
                ImVec2 min = canvas_.to_screen(card_position(*card));
                if (ImGui::IsRectVisible(min, add(min, size))) draw_card(s, dl, *card, min, add(min, size));
            }
}

void BoardView::draw_card(const Snapshot& s, ImDrawList* dl, const Card& card, ImVec2 min, ImVec2 max) {
    float scale = canvas_.scale();
    const Category* category = s.category(card.category_id);
    std::uint32_t rgb = category ? category->color : 0x9AA0A6;
    bool selected = c_.selection.has(card.id);
    if (ui::probes_enabled()) ui::mark_rect(fmt::format("problem_map.card.{}", card.id), min, max);
    // Level of detail: too small for text to be read, a card is a filled rectangle
    // in its colour (the selection outlined), nothing else.
    if (max.x - min.x < 6 || ImGui::GetFontSize() * canvas_.zoom * kTitleScale < kMinReadablePixels) {
        dl->AddRectFilled(min, max, card.hidden ? kFaceDown : packed_color(rgb));
        if (selected) dl->AddRect(min, max, kSelected, 0, 0, 3.0f);
        return;
    }
    float rounding = 6 * scale;
    float strip = 10 * scale;
    if (card.hidden) {
        dl->AddRectFilled(min, max, kFaceDown, rounding);
    } else {
        dl->AddRectFilled(min, max, packed_color(rgb, 0.80f), rounding);
        dl->AddRectFilled(min, ImVec2(max.x, min.y + strip), packed_color(rgb), rounding, ImDrawFlags_RoundCornersTop);
    }
    dl->AddRect(min, max, selected ? kSelected : IM_COL32(60, 60, 70, 255), rounding, 0, selected ? 4.0f : 1.5f);
    // The room cannot pan: a card its screen cuts is a card without words, not broken words
    // (drawn as a block of its full colour it looked like a fault on the projector).
    const ImVec2 canvas_max = add(canvas_.origin, canvas_.size);
    const bool partly_shown = min.x < canvas_.origin.x || min.y < canvas_.origin.y || max.x > canvas_max.x ||
                              max.y > canvas_max.y;
    if (mode_ == BoardMode::Room && partly_shown) return;
    float font_size = ImGui::GetFontSize() * canvas_.zoom * kTitleScale;
    if (font_size < kMinReadablePixels) return;
    ImFont* font = ImGui::GetFont();
    float pad = 10 * scale;
    ImVec4 clip(min.x + pad, min.y + strip, max.x - pad, max.y - pad);
    if (card.hidden) {
        const char* text = c_.tr("Face down");
        ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, 0, text);
        dl->AddText(font, font_size, ImVec2((min.x + max.x - ts.x) / 2, (min.y + max.y - ts.y) / 2),
                    IM_COL32(255, 255, 255, 255), text, nullptr, 0, &clip);
        return;
    }
    float small = mode_ == BoardMode::Room ? font_size : font_size * 0.8f;  // the room reads the footer too
    float footer = small + pad;
    // Whole lines only: a line cut through the middle cannot be read and looks broken.
    float title_top = min.y + strip + pad * 0.5f;
    float whole_lines = std::floor((max.y - footer - title_top) / font_size);
    const char* title = card.title.empty() ? c_.tr("(no title)") : card.title.c_str();
    // A title longer than the card ends in "…"; the whole of it shows on hover and on touch-and-hold.
    if (editing_ != card.id) {
        bool cut = false;
        ui::draw_clipped_text(dl, font, font_size, ImVec2(min.x + pad, title_top),
                              card.title.empty() ? IM_COL32(100, 100, 110, 255) : kInk, title, max.x - min.x - pad * 2,
                              std::max(int(whole_lines), 1), &cut);
        if (cut && mode_ == BoardMode::Console && !dragged_) ui::whole_text_tip(min, max, title);
    }
    // Footer: severity as filled dots, the trend arrow, signal crime, dots given, the priority star.
    std::string footer_text;
    for (int i = 1; i <= 5; ++i) footer_text += i <= card.severity ? "\u25CF" : "\u25CB";
    footer_text += "  ";
    footer_text += trend_arrow(card.trend);
    if (card.signal_crime) footer_text += "  \u25B2";
    dl->AddText(font, small, ImVec2(min.x + pad, max.y - footer), kInk, footer_text.c_str(), nullptr, 0, &clip);
    std::string right;
    if (int dots = s.dots(card.id)) right = fmt::format("{} \u25CF", dots);
    if (card.prioritised) right += right.empty() ? "\u2605" : "  \u2605";
    if (!right.empty()) {
        ImVec2 ts = font->CalcTextSizeA(small, FLT_MAX, 0, right.c_str());
        dl->AddText(font, small, ImVec2(max.x - pad - ts.x, max.y - footer), IM_COL32(150, 30, 30, 255), right.c_str(),
                    nullptr, 0, &clip);
    }
}

void BoardView::draw_banner(const Snapshot& s, ImDrawList* dl) {
    if (!s.settings.silent_round) return;
    int hidden = s.board.face_down;
    // The room counts the phones' cards too: they come in face down, where the board looks.
    std::string text =
        s.face_down_from_phones > 0
            ? fmt::format(fmt::runtime(c_.tr("Silent round: new cards stay face down until \"Reveal all\" ({} face down, {} from phones)")),
                          hidden, s.face_down_from_phones)
            : fmt::format(fmt::runtime(c_.tr("Silent round: new cards stay face down until \"Reveal all\" ({} face down)")), hidden);
    // A line that would be cut (a large text size, a narrow board) is drawn smaller: the counts must show.
    float size = ImGui::GetFontSize();
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const float room = canvas_.size.x - 32;
    if (ts.x > room && ts.x > 0) {
        size *= room / ts.x;
        ts = ImVec2(room, ts.y * room / ts.x);
    }
    ImVec2 pos(canvas_.origin.x + (canvas_.size.x - ts.x) / 2, canvas_.origin.y + 8);
    dl->AddRectFilled(ImVec2(pos.x - 12, pos.y - 4), ImVec2(pos.x + ts.x + 12, pos.y + ts.y + 4), IM_COL32(255, 236, 179, 245), 6);
    dl->AddText(ImGui::GetFont(), size, pos, kInk, text.c_str());
}

std::vector<std::pair<std::string, std::uint32_t>> BoardView::legend_chips(const Snapshot& s) const {
    std::vector<std::pair<std::string, std::uint32_t>> chips;
    for (Id id : s.board.used_categories)  // kept with the snapshot, not found per frame and card
        if (const Category* category = s.category(id)) chips.emplace_back(category_name(*category, c_.translator()), category->color);
    return chips;
}

namespace {
constexpr float kLegendText = 0.85f;  // of the interface text; the room's is its whole text size
}  // namespace

// Lays the chips out in at most two lines of `width`; returns the strip's height (0
// without chips). Chips that do not fit are counted in `left_out` ("+3"); the
// whole list then shows on hover and hold.
float BoardView::layout_legend(const Snapshot& s, float width, std::vector<ImVec2>* offsets, std::size_t* left_out) const {
    auto chips = legend_chips(s);
    if (chips.empty()) return 0.0f;
    float fs = ImGui::GetFontSize() * (mode_ == BoardMode::Room ? 1.0f : kLegendText);
    float swatch = fs * 0.9f, gap = fs * 0.9f, line = fs + ImGui::GetStyle().ItemSpacing.y * 0.6f;
    float right = width - 16;
    auto text_width = [&](const std::string& t) { return ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, t.c_str()).x; };
    std::vector<ImVec2> placed;
    float x = 0;
    int row = 0;
    for (const auto& chip : chips) {
        float w = swatch + 6 + text_width(chip.first);
        if (x > 0 && x + w > right) {
            if (row + 1 == legend_lines_) break;
            x = 0;
            ++row;
        }
        placed.emplace_back(x, float(row) * line);
        x += w + gap;
    }
    std::size_t hidden = chips.size() - placed.size();
    // Room for "+N" at the end of the last line.
    while (hidden > 0 && !placed.empty()) {
        const ImVec2& last = placed.back();
        float end = last.x + swatch + 6 + text_width(chips[placed.size() - 1].first) + gap;
        if (end + text_width(fmt::format("+{}", hidden + 1)) <= right) break;
        placed.pop_back();
        ++hidden;
    }
    if (offsets) *offsets = placed;
    if (left_out) *left_out = hidden;
    return float(row + 1) * line + 8;
}

float BoardView::legend_height(const Snapshot& s, float width) const { return layout_legend(s, width, nullptr, nullptr); }

// The colour chips in a strip of their own under the canvas: drawn over the board
// they would hide cards.
void BoardView::draw_legend_strip(const Snapshot& s, float width, float height) {
    auto chips = legend_chips(s);
    std::vector<ImVec2> offsets;
    std::size_t hidden = 0;
    layout_legend(s, width, &offsets, &hidden);
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ui::mark_item("problem_map.board.legend_strip");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, ImVec2(min.x + width, min.y + height), IM_COL32(255, 255, 255, 235));
    ImFont* font = ImGui::GetFont();
    float fs = ImGui::GetFontSize() * (mode_ == BoardMode::Room ? 1.0f : kLegendText), swatch = fs * 0.9f;
    float end_x = min.x, end_y = min.y + 4;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        ImVec2 p(min.x + 8 + offsets[i].x, min.y + 4 + offsets[i].y);
        float top = p.y + (fs - swatch) / 2;
        dl->AddRectFilled(ImVec2(p.x, top), ImVec2(p.x + swatch, top + swatch), packed_color(chips[i].second), 3);
        dl->AddText(font, fs, ImVec2(p.x + swatch + 6, p.y), kInk, chips[i].first.c_str());
        end_x = p.x + swatch + 6 + font->CalcTextSizeA(fs, FLT_MAX, 0, chips[i].first.c_str()).x + fs * 0.9f;
        end_y = p.y;
    }
    if (hidden == 0) return;
    std::string more = fmt::format("+{}", hidden);
    dl->AddText(font, fs, ImVec2(end_x, end_y), IM_COL32(60, 60, 70, 255), more.c_str());
    std::string all;
    for (const auto& chip : chips) all += (all.empty() ? "" : "\n") + chip.first;
    ui::whole_text_tip(min, ImVec2(min.x + width, min.y + height), all.c_str());
}

}  // namespace kartla::problem_map::views
