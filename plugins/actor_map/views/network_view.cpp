#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "model/layout.hpp"
#include "model/relation_types.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kartla::actor_map::views {

namespace {

const ImU32 kSelection = IM_COL32(255, 143, 0, 255);
const ImU32 kGapRed = IM_COL32(198, 40, 40, 255);

float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
    float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    float cx = a.x + dx * t - p.x, cy = a.y + dy * t - p.y;
    return std::sqrt(cx * cx + cy * cy);
}

float relation_thickness(int strength, float scale, float unit) { return float(relation_width(strength, scale, unit)); }

// A link's line in its type's pattern (solid, dashed, dotted; bars across a conflict),
// as the exported images draw it (model/network_scene.cpp).
void link_line(ImDrawList* list, ImVec2 a, ImVec2 b, const RelationType& type, ImU32 col, float thickness) {
    const Dash dash = dash_of(type.pattern, thickness);
    if (dash.on > 0) dashed_line(list, a, b, col, thickness, float(dash.on), float(dash.off));
    else list->AddLine(a, b, col, thickness);
    if (!type.crossed) return;
    for (const Bar& bar : crossing_bars(a.x, a.y, b.x, b.y, thickness))
        list->AddLine(ImVec2(float(bar.x0), float(bar.y0)), ImVec2(float(bar.x1), float(bar.y1)), col, thickness);
}

}  // namespace

ImVec2 NetworkView::actor_screen(const Actor& actor) const {
    ImVec2 p = view_.to_screen({actor.x, actor.y});
    if (drag_ == Drag::Node && drag_actor_ == actor.id) p = ImVec2(p.x + drag_now_.x - drag_start_.x, p.y + drag_now_.y - drag_start_.y);
    return p;
}

std::int64_t NetworkView::actor_at(const Data& d, ImVec2 screen) const {
    float scale = view_.scale();
    for (auto it = d.snapshot.actors.rbegin(); it != d.snapshot.actors.rend(); ++it) {  // topmost first
        ImVec2 c = actor_screen(*it);
        const Size& size = d.node_sizes.at(it->id);
        if (std::abs(screen.x - c.x) <= float(size.width) * scale / 2 && std::abs(screen.y - c.y) <= float(size.height) * scale / 2)
            return it->id;
    }
    return 0;
}

std::int64_t NetworkView::relation_at(const Data& d, ImVec2 screen) const {
    std::int64_t best = 0;
    float best_distance = std::max(10.0f, 12.0f * s_.ui_scale());
    for (const auto& r : d.snapshot.relations) {
        const Actor* a = d.snapshot.actor(r.from);
        const Actor* b = d.snapshot.actor(r.to);
        if (!a || !b) continue;
        float distance = segment_distance(screen, actor_screen(*a), actor_screen(*b));
        if (distance < best_distance) best_distance = distance, best = r.id;
    }
    return best;
}

namespace {
constexpr float kLeastNamePixels = 14;  // the console's names, at any text size
}  // namespace

void NetworkView::fit(const Data& d, float least_zoom) {
    if (d.snapshot.actors.empty()) {
        view_.pan = ImVec2(0, 0);
        view_.zoom = 1;
        return;
    }
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& a : d.snapshot.actors) {
        const Size& s = d.node_sizes.at(a.id);
        x0 = std::min(x0, a.x - s.width / 2), x1 = std::max(x1, a.x + s.width / 2);
        y0 = std::min(y0, a.y - s.height / 2), y1 = std::max(y1, a.y + s.height / 2);
    }
    // The gap notes and the legend have strips of their own above and below the canvas.
    float margin = 20 * view_.unit;
    float zx = (view_.canvas_size.x - 2 * margin) / float(x1 - x0), zy = (view_.canvas_size.y - 2 * margin) / float(y1 - y0);
    view_.zoom = std::clamp(std::min(zx, zy) / view_.unit, least_zoom, std::max(1.5f, least_zoom));
    view_.pan = ImVec2(-float((x0 + x1) / 2) * view_.scale(), -float((y0 + y1) / 2) * view_.scale());
}

// One row at any text size: what does not fit goes into "More" (kartla::ui::toolbar).
void NetworkView::draw_toolbar(const Data& d) {
    using Item = kartla::ui::ToolItem;
    std::vector<Item> items;
    auto button = [&](std::string label, const char* probe, std::function<void()> run) -> Item& {
        Item item;
        item.label = std::move(label);
        item.probe = probe;
        item.pressed = std::move(run);
        items.push_back(std::move(item));
        return items.back();
    };
    const ImVec4 chosen = ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive);
    Item& move = button(s_.tr("Move"), "actor_map.network.mode_move", [this] { mode_ = Mode::Move, link_from_ = 0; });
    if (mode_ == Mode::Move) move.colour = chosen;
    Item& link = button(s_.tr("Link"), "actor_map.network.mode_link", [this] { mode_ = Mode::Link; });
    if (mode_ == Mode::Link) link.colour = chosen;
    Item type;
    type.kind = Item::Kind::Custom;
    const char* label = s_.tr("New links:");
    type.custom_width = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + ImGui::GetFontSize() * 12;
    type.custom = [this, label] {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##new_link_type", s_.tr(relation_type(new_link_type_).msgid.data()))) {
            for (const auto& t : relation_types())
                if (ImGui::Selectable(s_.tr(t.msgid.data()), new_link_type_ == t.key)) new_link_type_ = t.key;
            ImGui::EndCombo();
        }
    };
    items.push_back(std::move(type));
    button(s_.tr("Arrange automatically"), "actor_map.network.arrange", [this, &d] {
        if (d.snapshot.actors.empty()) return;
        pending_ = [this] {
            double aspect = double(view_.canvas_size.x) / double(std::max(view_.canvas_size.y, 1.0f));
            s_.host().edit("Arrange the network", [aspect](kartla::Database& db) {
                Snapshot snapshot = load(db);
                auto positions = layout_network(snapshot, aspect);
                for (std::size_t i = 0; i < positions.size(); ++i)
                    move_on_network(db, snapshot.actors[i].id, positions[i].x, positions[i].y);
            });
            fit_pending_ = true;
        };
    });
    button(s_.tr("Fit"), "actor_map.network.fit", [this] { fit_pending_ = true; });
    ImVec2 centre(view_.origin.x + view_.canvas_size.x / 2, view_.origin.y + view_.canvas_size.y / 2);
    button(" \u2212 ##zoom_out", "actor_map.network.zoom_out", [this, centre] { view_.zoom_at(centre, 1 / 1.25f); });
    button(" + ##zoom_in", "actor_map.network.zoom_in", [this, centre] { view_.zoom_at(centre, 1.25f); });
    kartla::ui::toolbar("actor_map.network.toolbar", items);
}

void NetworkView::handle_input(const Data& d, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 mouse = io.MousePos;
    if (hovered && io.MouseWheel != 0) view_.zoom_at(mouse, std::pow(1.15f, io.MouseWheel));
    if (ImGui::IsItemActivated()) {
        drag_start_ = drag_now_ = mouse;
        drag_distance_ = 0;
        drag_actor_ = actor_at(d, mouse);
        drag_ = drag_actor_ ? (mode_ == Mode::Link ? Drag::Link : Drag::Node) : Drag::Pan;
    }
    if (drag_ != Drag::None && ImGui::IsItemActive()) {
        ImVec2 delta(mouse.x - drag_now_.x, mouse.y - drag_now_.y);
        drag_distance_ += std::abs(delta.x) + std::abs(delta.y);
        if (drag_ == Drag::Pan) view_.pan = ImVec2(view_.pan.x + delta.x, view_.pan.y + delta.y);
        drag_now_ = mouse;
    }
    if (!ImGui::IsItemDeactivated() || drag_ == Drag::None) return;
    Drag finished = drag_;
    drag_ = Drag::None;
    drag_distance_ += std::abs(mouse.x - drag_now_.x) + std::abs(mouse.y - drag_now_.y);
    bool click = drag_distance_ < 5 * s_.ui_scale();
    std::int64_t actor = drag_actor_;
    if (finished == Drag::Pan) {
        if (!click) return;
        link_from_ = 0;
        s_.selected_relation = relation_at(d, mouse);
        s_.selected_actor = 0;
    } else if (finished == Drag::Link && (click || actor_at(d, mouse) == actor)) {
        tap_to_link(d, actor);
    } else if (click || (finished == Drag::Link && actor_at(d, mouse) == actor)) {
        s_.selected_actor = actor;
        s_.selected_relation = 0;
    } else if (finished == Drag::Node) {
        const Actor* a = d.snapshot.actor(actor);
        float scale = view_.scale();
        double x = a->x + (mouse.x - drag_start_.x) / scale, y = a->y + (mouse.y - drag_start_.y) / scale;
        s_.selected_actor = actor;
        pending_ = [this, actor, x, y] {
            s_.host().edit("Move actor", [&](kartla::Database& db) { move_on_network(db, actor, std::round(x), std::round(y)); });
        };
    } else if (std::int64_t target = actor_at(d, mouse); target) {
        connect(actor, target);
    }
}

// Link mode without dragging (touch screens): the first tap picks an actor, the
// second connects it to another; a second tap on the same actor lets go of it.
void NetworkView::tap_to_link(const Data& d, std::int64_t actor) {
    if (link_from_ == actor) {
        link_from_ = 0;
    } else if (link_from_ && d.snapshot.actor(link_from_)) {
        connect(link_from_, actor);
        link_from_ = 0;
    } else {
        link_from_ = actor;
        s_.selected_actor = actor;
        s_.selected_relation = 0;
    }
}

void NetworkView::connect(std::int64_t from, std::int64_t to) {
    Relation r;
    r.from = from;
    r.to = to;
    r.type = new_link_type_;
    pending_ = [this, r] {
        std::int64_t id = 0;
        if (s_.host().edit("Link actors", [&](kartla::Database& db) { id = add_relation(db, r); })) {
            s_.selected_relation = id;
            s_.selected_actor = 0;
        }
    };
}

void NetworkView::draw_relations(const Data& d, ImDrawList* list) {
    float scale = view_.scale();
    for (const auto& r : d.snapshot.relations) {
        const Actor* a = d.snapshot.actor(r.from);
        const Actor* b = d.snapshot.actor(r.to);
        if (!a || !b) continue;
        ImVec2 pa = actor_screen(*a), pb = actor_screen(*b);
        if (!ImGui::IsRectVisible(ImVec2(std::min(pa.x, pb.x), std::min(pa.y, pb.y)),
                                  ImVec2(std::max(pa.x, pb.x) + 1, std::max(pa.y, pb.y) + 1)))
            continue;
        const auto& type = relation_type(r.type);
        const Size& sa = d.node_sizes.at(a->id);
        const Size& sb = d.node_sizes.at(b->id);
        ImVec2 from = box_exit(pa, ImVec2(float(sa.width) * scale / 2, float(sa.height) * scale / 2), pb);
        ImVec2 to = box_exit(pb, ImVec2(float(sb.width) * scale / 2, float(sb.height) * scale / 2), pa);
        float thickness = relation_thickness(r.strength, scale, view_.unit);
        if (r.id == s_.selected_relation) list->AddLine(from, to, kSelection, thickness + 8 * s_.ui_scale());
        ImU32 col = colour(type.colour);
        link_line(list, from, to, type, col, thickness);
        if (type.directed) arrow_head(list, pa, to, col, thickness);
    }
    // The actor picked by a first tap, linked to the pointer until the second.
    if (const Actor* a = d.snapshot.actor(link_from_); a && drag_ == Drag::None && mode_ == Mode::Link)
        dashed_line(list, actor_screen(*a), ImGui::GetIO().MousePos, colour(relation_type(new_link_type_).colour),
                    3 * s_.ui_scale(), 12, 8);
    if (drag_ == Drag::Link) {
        if (const Actor* a = d.snapshot.actor(drag_actor_))
            list->AddLine(actor_screen(*a), drag_now_, colour(relation_type(new_link_type_).colour), 4 * s_.ui_scale());
    }
}

void NetworkView::draw_actors(const Data& d, ImDrawList* list) {
    float scale = view_.scale();
    for (const auto& actor : d.snapshot.actors) {
        ImVec2 c = actor_screen(actor);
        const Size& size = d.node_sizes.at(actor.id);
        ImVec2 half(float(size.width) * scale / 2 + 8, float(size.height) * scale / 2 + 8);
        kartla::ui::mark_rect(fmt::format("actor_map.network.actor.{}", actor.id), ImVec2(c.x - half.x + 8, c.y - half.y + 8),
                              ImVec2(c.x + half.x - 8, c.y + half.y - 8));
        if (!ImGui::IsRectVisible(ImVec2(c.x - half.x, c.y - half.y), ImVec2(c.x + half.x, c.y + half.y))) continue;
        const ActorType* type = d.snapshot.type(actor.type_id);
        bool gap = d.gaps.isolated_set.count(actor.id) > 0;
        NodeStyle style;
        style.fill = colour(type_colour(type ? type->key : "other", actor.type_id));
        style.outline = gap ? kGapRed : IM_COL32(90, 90, 90, 255);
        style.outline_width = gap ? std::max(3.0f, 4 * scale) : std::max(1.0f, 1.5f * scale);
        style.dashed_outline = gap;
        style.highlight = actor.id == s_.selected_actor ? kSelection : 0;
        draw_node(list, c, size, d.node_lines.at(actor.id), scale, style);
    }
}

// The gap notes, above the canvas: never drawn over an actor (wrapped at any text size).
void NetworkView::draw_notes(const Data& d) {
    if (d.snapshot.actors.empty()) {
        kartla::ui::hint(s_.tr("No actors yet: add them in the Actors window."));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kGapRed));
    if (!d.gaps.uncovered_problems.empty()) {
        // One line, the rest on touch (and in the Gaps tab): a line per problem pushed the
        // network below the screen's edge at 200 %.
        std::string text = s_.tr("Prioritised problems nobody answers for:");
        const char* separator = " ";
        for (const auto& problem : d.gaps.uncovered_problems) text += separator + problem.label, separator = " · ";
        kartla::ui::clipped_text(text.c_str());
    }
    if (!d.gaps.isolated_actors.empty())
        ImGui::TextWrapped("%s", s_.tr("Dashed red outline: an actor with no measure, problem or relation."));
    ImGui::PopStyleColor();
}

// The link types in rows under the canvas, each with its line, dash and arrow;
// measured first (draw false) so the canvas leaves room for it.
float NetworkView::legend(ImVec2 at, float width, bool draw) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    float pad = 10 * s_.ui_scale(), line = ImGui::GetTextLineHeightWithSpacing(), w = ImGui::GetFontSize() * 2.2f;
    float thickness = std::max(2.0f, ImGui::GetFontSize() * 0.18f);
    ImVec2 p = at;
    for (const auto& type : relation_types()) {
        const char* label = s_.tr(type.msgid.data());
        float item = w + pad / 2 + ImGui::CalcTextSize(label).x;
        if (p.x > at.x && p.x + item > at.x + width) p = ImVec2(at.x, p.y + line);
        if (draw) {
            ImU32 col = colour(type.colour);
            float y = p.y + line / 2 - 2;
            link_line(list, ImVec2(p.x, y), ImVec2(p.x + w, y), type, col, thickness);
            if (type.directed) arrow_head(list, ImVec2(p.x, y), ImVec2(p.x + w, y), col, thickness);
            list->AddText(ImVec2(p.x + w + pad / 2, p.y), ImGui::GetColorU32(ImGuiCol_Text), label);
        }
        p.x += item + pad * 2;
    }
    return p.y + line - at.y;
}

void NetworkView::draw_selection_bar(const Data& d) {
    const Relation* r = d.snapshot.relation(s_.selected_relation);
    const Actor* actor = d.snapshot.actor(s_.selected_actor);
    if (const Actor* from = d.snapshot.actor(link_from_); from && mode_ == Mode::Link) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s: %s", s_.tr("Link from"), from->name.c_str());
        kartla::ui::hint(s_.tr("Now tap the actor to connect it to, or tap it again to let go."));
        return;
    }
    bool delete_key = ImGui::IsWindowFocused() && !ImGui::GetIO().WantTextInput &&
                      ImGui::IsKeyPressed(kartla::keys::Delete, false);
    if (r) {
        const Actor* a = d.snapshot.actor(r->from);
        const Actor* b = d.snapshot.actor(r->to);
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s → %s", a ? a->name.c_str() : "?", b ? b->name.c_str() : "?");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##relation_type", s_.tr(relation_type(r->type).msgid.data()))) {
            for (const auto& type : relation_types())
                if (ImGui::Selectable(s_.tr(type.msgid.data()), r->type == type.key)) {
                    Relation changed = *r;
                    changed.type = type.key;
                    pending_ = [this, changed] { s_.host().edit("Change link", [&](kartla::Database& db) { update_relation(db, changed); }); };
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(s_.tr("Strength:"));
        for (int strength = 1; strength <= 3; ++strength) {
            ImGui::SameLine();
            std::string label = fmt::format(" {} ##strength{}", strength, strength);
            if (tool_button(label.c_str(), r->strength == strength) && r->strength != strength) {
                Relation changed = *r;
                changed.strength = strength;
                pending_ = [this, changed] { s_.host().edit("Change link", [&](kartla::Database& db) { update_relation(db, changed); }); };
            }
            kartla::ui::mark_item(fmt::format("actor_map.network.strength.{}", strength));
        }
        ImGui::SameLine();
        std::int64_t id = r->id;
        if (tool_button(s_.tr("Delete link"), false) || delete_key)
            pending_ = [this, id] { s_.host().edit("Delete link", [&](kartla::Database& db) { remove_relation(db, id); }); };
        kartla::ui::mark_item("actor_map.network.delete_relation");
    } else if (actor) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s  (%s)", actor->name.c_str(), s_.type_name(d.snapshot, *actor).c_str());
        ImGui::SameLine();
        std::int64_t id = actor->id;
        if (tool_button(s_.tr("Delete actor"), false))
            pending_ = [this, id] { s_.host().edit("Delete actor", [&](kartla::Database& db) { remove_actor(db, id); }); };
        kartla::ui::mark_item("actor_map.network.delete_actor");
    } else {
        kartla::ui::hint(s_.tr("Drag an actor to move it, or the background to pan. Choose Link, then tap one actor and then "
                               "another (or drag from one to the other) to connect them. Tap a link to change or delete it."));
    }
}

void NetworkView::draw_picture(const Data& d, ImVec2 size) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 max(view_.origin.x + size.x, view_.origin.y + size.y);
    list->PushClipRect(view_.origin, max, true);
    list->AddRectFilled(view_.origin, max, IM_COL32(252, 252, 250, 255));
    draw_relations(d, list);
    draw_actors(d, list);
    list->PopClipRect();
    list->AddRect(view_.origin, max, ImGui::GetColorU32(ImGuiCol_Border));
}

// The whole network, as large as the room's screen allows, at the room's text
// size (its own ImGui context), with the facilitator's selection highlighted.
void NetworkView::draw_for_room(const Data& d) {
    draw_notes(d);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float below = legend(ImGui::GetCursorScreenPos(), avail.x, false) + ImGui::GetStyle().ItemSpacing.y;
    ImVec2 size(std::max(avail.x, 100.0f), std::max(avail.y - below, 100.0f));
    view_.origin = ImGui::GetCursorScreenPos();
    view_.canvas_size = size;
    view_.unit = s_.ui_scale();  // from the current context: the room's larger text
    // The actors' names never smaller than the room's text: a large network shows its middle.
    if (!d.snapshot.actors.empty()) fit(d, ImGui::GetFontSize() / (float(kNodeFont) * view_.unit));
    ImGui::Dummy(size);
    kartla::ui::mark_item("actor_map.room.network");
    kartla::ui::mark_item("scrolls.actor_map.room.network");
    draw_picture(d, size);
    ImVec2 under = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size.x, legend(under, size.x, true)));
}

void NetworkView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    if (for_room_) {
        draw_for_room(d);
        return;
    }
    draw_toolbar(d);
    draw_notes(d);
    float bar = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float below = legend(ImGui::GetCursorScreenPos(), avail.x, false) + ImGui::GetStyle().ItemSpacing.y;
    // The network keeps at least 45 % of the screen's height at any text size; the legend and
    // the selection bar go below it and the window scrolls to them (at 300 % they left a strip).
    const float least = ImGui::GetMainViewport()->Size.y * 0.45f;
    ImVec2 size(std::max(avail.x, 100.0f), std::max({avail.y - bar - below, least, 100.0f}));
    view_.origin = ImGui::GetCursorScreenPos();
    view_.canvas_size = size;
    view_.unit = s_.ui_scale();
    if (fitted_for_ != s_.workshop()) fitted_for_ = s_.workshop(), fit_pending_ = true;
    // Names readable before the whole network: never under half the text size (14 px at
    // least); a larger network shows its middle and pans (at 300 % fitting all left 10 px names).
    // (A name is drawn at zoom × the text size.)
    const float readable = std::max(kLeastNamePixels / ImGui::GetFontSize(), 0.5f);
    if (fit_pending_ && !d.snapshot.actors.empty()) fit(d, readable), fit_pending_ = false;
    s_.network_centre = view_.to_world(ImVec2(view_.origin.x + size.x / 2, view_.origin.y + size.y / 2));

    ImGui::InvisibleButton("##network_canvas", size);
    kartla::ui::mark_item("actor_map.network.canvas");
    kartla::ui::mark_item("scrolls.actor_map.network");  // it pans
    handle_input(d, ImGui::IsItemHovered());
    draw_picture(d, size);
    ImVec2 under = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size.x, legend(under, size.x, true)));
    draw_selection_bar(d);

    if (pending_) {
        auto action = std::move(pending_);
        pending_ = nullptr;
        action();
    }
}

}  // namespace kartla::actor_map::views
