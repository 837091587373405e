#include "kartla/widgets.hpp"
#include "model/grid_spread.hpp"
#include "model/images.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace kartla::actor_map::views {

namespace {

struct Chip {
    std::int64_t id;
    ImVec2 centre;
    ImVec2 half;
    std::vector<std::string> lines;
};

struct QuadrantStyle {
    bool high_influence, high_interest;
    ImU32 fill;
};

const QuadrantStyle kQuadrants[] = {
    {true, false, IM_COL32(255, 248, 225, 255)},
    {true, true, IM_COL32(255, 235, 238, 255)},
    {false, false, IM_COL32(245, 245, 245, 255)},
    {false, true, IM_COL32(232, 245, 233, 255)},
};

bool inside(ImVec2 p, ImVec2 min, ImVec2 max) { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }

// The quadrant of an actor: 0 and 1 high influence, 1 and 3 high interest (as the cells in draw()).
int cell_of(const Actor& actor) { return (actor.influence >= 0.5 ? 0 : 2) + (actor.interest >= 0.5 ? 1 : 0); }

void draw_quadrants(UiState& s, ImDrawList* list, ImVec2 min, ImVec2 max) {
    ImVec2 mid((min.x + max.x) / 2, (min.y + max.y) / 2);
    ImFont* font = ImGui::GetFont();
    float big = ImGui::GetFontSize() * 1.3f;
    for (const auto& q : kQuadrants) {
        ImVec2 qmin(q.high_interest ? mid.x : min.x, q.high_influence ? min.y : mid.y);
        ImVec2 qmax(q.high_interest ? max.x : mid.x, q.high_influence ? mid.y : max.y);
        list->AddRectFilled(qmin, qmax, q.fill);
        list->AddRect(qmin, qmax, IM_COL32(189, 189, 189, 255), 0, 0, 2);
        const char* label = s.tr(quadrant_msgid(q.high_interest ? 1 : 0, q.high_influence ? 1 : 0));
        // Inside its quadrant at any text size: smaller in a short one (never below the
        // interface text), cut with "…" in a narrow one.
        float size = std::max(std::min(big, (qmax.y - qmin.y) * 0.4f), ImGui::GetFontSize());
        float room = qmax.x - qmin.x - size;
        float width = std::min(font->CalcTextSizeA(size, 1e9f, 0, label).x, room);
        kartla::ui::draw_clipped_text(list, font, size, ImVec2((qmin.x + qmax.x - width) / 2, qmin.y + size * 0.3f),
                                      IM_COL32(110, 110, 110, 255), label, width + 1, 1);
    }
}

}  // namespace

// For the room: the grid and its tray as the facilitator sees them, without the hint.
bool GridView::draw_room() {
    if (!s_.workshop()) return false;
    room_ = true;
    draw();
    room_ = false;
    return true;
}

void GridView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    if (!room_)
        kartla::ui::hint(s_.tr("Drag actors into the grid: up for more influence, right for more interest. Drag one back to "
                               "the list to take it off the grid. Tap an actor to select it."));
    // In the room, the actors' names at the room's own text size (its context's font), never smaller.
    const float unit = room_ ? ImGui::GetFontSize() / float(kNodeFont) : s_.ui_scale();
    const float chip_scale = room_ ? unit : unit * 0.8f, pad = 8 * unit, line = ImGui::GetTextLineHeightWithSpacing();
    ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    // Room for the two axis labels and a one-line chip in each quadrant, however short the
    // screen (the window scrolls): at 300 % on 720 lines the grid was squeezed to a strip.
    const float one_line_chip = float(kNodeLineHeight + 1.5 * kNodePadding) * chip_scale;
    avail = ImVec2(std::max(avail.x, 300.0f), std::max(avail.y, 2 * line + 2 * (one_line_chip + 2 * pad)));
    float tray_w = std::min(ImGui::GetFontSize() * 13, avail.x * 0.3f);
    ImVec2 tray_min = origin, tray_max(origin.x + tray_w, origin.y + avail.y);
    ImVec2 grid_min(origin.x + tray_w + 2 * pad, origin.y + line), grid_max(origin.x + avail.x, origin.y + avail.y - line);
    ImVec2 grid_size(grid_max.x - grid_min.x, grid_max.y - grid_min.y);
    kartla::ui::mark_rect("actor_map.grid.area", grid_min, grid_max);
    kartla::ui::mark_rect("actor_map.grid.tray", tray_min, tray_max);

    // Where every chip is this frame: on the grid, spread within its quadrant, or stacked in the tray.
    std::vector<Chip> chips;
    std::vector<GridChip> wanted;
    const ImVec2 mid((grid_min.x + grid_max.x) / 2, (grid_min.y + grid_max.y) / 2);
    const std::vector<Box> cells = {{grid_min.x, grid_min.y, mid.x, mid.y},  // numbered as cell_of() does
                                    {mid.x, grid_min.y, grid_max.x, mid.y},
                                    {grid_min.x, mid.y, mid.x, grid_max.y},
                                    {mid.x, mid.y, grid_max.x, grid_max.y}};
    float tray_y = tray_min.y + line + pad;
    int hidden = 0;
    // A chip never wider than its quadrant, its name wrapped to it: at 300 % the widest
    // chips were wider than a quadrant and could not be shown. (Narrower than needed,
    // a chip only grows taller: short quadrants hold fewer.)
    const double chip_width = std::min(kChipMaxWidth, double(grid_size.x) / 2 * 0.95 / chip_scale);
    std::map<std::int64_t, std::pair<Size, std::vector<std::string>>> narrowed;
    for (const auto& actor : d.snapshot.actors) {
        if (actor.on_grid) {
            Size size = d.chip_sizes.at(actor.id);
            if (size.width > chip_width)
                size = narrowed.insert_or_assign(actor.id, std::pair{node_size(actor.name, chip_width),
                                                                      wrap_label(actor.name, kNodeFont, chip_width - 2 * kNodePadding)})
                           .first->second.first;
            Point want{grid_min.x + actor.interest * grid_size.x, grid_min.y + (1 - actor.influence) * grid_size.y};
            wanted.push_back({actor.id, want, {size.width * chip_scale, size.height * chip_scale}, cell_of(actor)});
        } else {
            // Three lines in the tray: with two, a name cut after its second word left "vid…".
            auto lines = wrap_label(actor.name, kNodeFont, (tray_w - 2 * pad) / chip_scale - 2 * kNodePadding, 3);
            float height = float(double(lines.size()) * kNodeLineHeight + 1.5 * kNodePadding) * chip_scale;
            ImVec2 half((tray_w - 2 * pad) / 2, height / 2);
            if (tray_y + 2 * half.y > tray_max.y) {
                ++hidden;
                continue;
            }
            chips.push_back({actor.id, ImVec2(tray_min.x + tray_w / 2, tray_y + half.y), half, std::move(lines)});
            tray_y += 2 * half.y + pad;
        }
    }
    const float badge_h = ImGui::GetFontSize() + 2 * pad;
    const GridSpread spread =
        spread_chips(wanted, cells, {ImGui::CalcTextSize("+99").x + 2 * pad, badge_h}, std::max(2.0f, 3 * unit));
    for (const auto& placed : spread.placed) {
        const auto narrow = narrowed.find(placed.id);
        const Size& size = narrow != narrowed.end() ? narrow->second.first : d.chip_sizes.at(placed.id);
        const auto& lines = narrow != narrowed.end() ? narrow->second.second : d.chip_lines.at(placed.id);
        chips.push_back({placed.id, ImVec2(float(placed.centre.x), float(placed.centre.y)),
                         ImVec2(float(size.width) * chip_scale / 2, float(size.height) * chip_scale / 2), lines});
    }

    ImGui::InvisibleButton("##grid_canvas", avail);
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
        dragging_ = 0;
        moved_ = 0;
        pressed_badge_ = -1;
        for (const auto& badge : spread.badges)
            if (inside(io.MousePos, ImVec2(float(badge.box.x0), float(badge.box.y0)), ImVec2(float(badge.box.x1), float(badge.box.y1))))
                pressed_badge_ = badge.cell;
        for (auto it = chips.rbegin(); it != chips.rend(); ++it)
            if (std::abs(io.MousePos.x - it->centre.x) <= it->half.x && std::abs(io.MousePos.y - it->centre.y) <= it->half.y) {
                dragging_ = it->id;
                grab_offset_ = ImVec2(io.MousePos.x - it->centre.x, io.MousePos.y - it->centre.y);
                break;
            }
    }
    if (ImGui::IsItemActive()) moved_ += std::abs(io.MouseDelta.x) + std::abs(io.MouseDelta.y);
    if (pressed_badge_ >= 0 && ImGui::IsItemDeactivated()) {
        // A tap on "+N": the whole quadrant as a list, where every name can be read and chosen.
        if (moved_ < 5 * unit) {
            listed_cell_ = pressed_badge_;
            ImGui::OpenPopup("actor_map.grid.list");
        }
        pressed_badge_ = -1;
    }
    std::function<void()> pending;
    if (dragging_ && ImGui::IsItemDeactivated()) {
        std::int64_t id = dragging_;
        dragging_ = 0;
        ImVec2 drop(io.MousePos.x - grab_offset_.x, io.MousePos.y - grab_offset_.y);
        const Actor* actor = d.snapshot.actor(id);
        if (moved_ < 5 * unit) {
            s_.selected_actor = id;
            s_.selected_relation = 0;
        } else if (inside(drop, grid_min, grid_max)) {
            double interest = (drop.x - grid_min.x) / grid_size.x, influence = 1.0 - (drop.y - grid_min.y) / grid_size.y;
            s_.selected_actor = id;
            pending = [this, id, interest, influence] {
                s_.host().edit("Place actor on the grid", [&](kartla::Database& db) { place_on_grid(db, id, interest, influence); });
            };
        } else if (inside(drop, tray_min, tray_max) && actor && actor->on_grid) {
            pending = [this, id] { s_.host().edit("Take actor off the grid", [&](kartla::Database& db) { remove_from_grid(db, id); }); };
        }
    }

    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(tray_min, tray_max, IM_COL32(240, 240, 236, 255), 6 * unit);
    {  // within the tray: wider, it ran into the grid's "↑ Influence" (300 % on 720 lines)
        const char* title = s_.tr("Not placed yet");
        const ImVec2 at(tray_min.x + pad, tray_min.y + pad / 2);
        bool cut = false;
        kartla::ui::draw_clipped_text(list, ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), title,
                                      tray_max.x - pad - at.x, 1, &cut);
        if (cut) kartla::ui::whole_text_tip(at, ImVec2(tray_max.x, at.y + line), title);
    }
    if (hidden) {
        std::string more = fmt::format("+{}", hidden);
        list->AddText(ImVec2(tray_min.x + pad, tray_max.y - line), ImGui::GetColorU32(ImGuiCol_Text), more.c_str());
    }
    draw_quadrants(s_, list, grid_min, grid_max);
    list->AddText(ImVec2(grid_min.x, origin.y), ImGui::GetColorU32(ImGuiCol_Text), (std::string("↑ ") + s_.tr("Influence")).c_str());
    std::string interest = std::string(s_.tr("Interest")) + " →";
    list->AddText(ImVec2(grid_max.x - ImGui::CalcTextSize(interest.c_str()).x, grid_max.y + 2), ImGui::GetColorU32(ImGuiCol_Text),
                  interest.c_str());

    for (const auto& chip : chips) {
        const Actor* actor = d.snapshot.actor(chip.id);
        ImVec2 c = chip.centre;
        if (chip.id == dragging_ && ImGui::IsItemActive())
            c = ImVec2(io.MousePos.x - grab_offset_.x, io.MousePos.y - grab_offset_.y);
        kartla::ui::mark_rect(fmt::format("actor_map.grid.actor.{}", chip.id), ImVec2(c.x - chip.half.x, c.y - chip.half.y),
                              ImVec2(c.x + chip.half.x, c.y + chip.half.y));
        const ActorType* type = d.snapshot.type(actor->type_id);
        NodeStyle style;
        style.fill = colour(type_colour(type ? type->key : "other", actor->type_id));
        style.outline = IM_COL32(90, 90, 90, 255);
        style.outline_width = std::max(1.0f, 1.5f * unit);
        style.highlight = chip.id == s_.selected_actor ? IM_COL32(255, 143, 0, 255) : 0;
        Size size{chip.half.x * 2 / chip_scale, chip.half.y * 2 / chip_scale};
        draw_node(list, c, size, chip.lines, chip_scale, style);
    }
    for (const auto& badge : spread.badges) draw_badge(list, badge);
    draw_cell_list(d);
    if (pending) pending();
}

void GridView::draw_badge(ImDrawList* list, const GridSpread::Badge& badge) {
    const ImVec2 min(float(badge.box.x0), float(badge.box.y0)), max(float(badge.box.x1), float(badge.box.y1));
    kartla::ui::mark_rect(fmt::format("actor_map.grid.more.{}", badge.cell), min, max);
    list->AddRectFilled(min, max, IM_COL32(55, 71, 79, 255), ImGui::GetFontSize() * 0.3f);
    const std::string text = fmt::format("+{}", badge.hidden.size());
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    list->AddText(ImVec2((min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2), IM_COL32(255, 255, 255, 255), text.c_str());
}

// Every actor of the tapped quadrant by name, at the text size; a name chosen selects the actor.
void GridView::draw_cell_list(const Data& d) {
    if (!ImGui::BeginPopup("actor_map.grid.list")) return;
    ImGui::TextDisabled("%s", s_.tr(quadrant_msgid(listed_cell_ % 2, listed_cell_ < 2 ? 1 : 0)));
    for (const auto& actor : d.snapshot.actors) {
        if (!actor.on_grid || cell_of(actor) != listed_cell_) continue;
        ImGui::PushID(int(actor.id));
        if (ImGui::Selectable(actor.name.c_str(), actor.id == s_.selected_actor)) {
            s_.selected_actor = actor.id;
            s_.selected_relation = 0;
        }
        kartla::ui::mark_item(fmt::format("actor_map.grid.listed.{}", actor.id));
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

}  // namespace kartla::actor_map::views
