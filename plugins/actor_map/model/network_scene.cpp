#include "model/images.hpp"
#include "model/relation_types.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kartla::actor_map {

namespace {

// The legend's text at 28 px of 1920: about 9 pt where the report prints the picture a page
// wide (at 20 px it was about 3 mm, unreadable); room below the network for three rows of it.
constexpr double kMargin = 40, kTop = 80, kBottom = 230, kLegendText = 28, kLegendLine = 6;
const Colour kNetworkInk{33, 33, 33}, kGapRed{198, 40, 40}, kNetworkMuted{97, 97, 97};

struct Fit {
    double scale = 1, dx = 0, dy = 0;
    Point apply(Point p) const { return {p.x * scale + dx, p.y * scale + dy}; }
};

Fit fit_network(const Snapshot& snapshot) {
    if (snapshot.actors.empty()) return {1, kNetworkImageWidth / 2.0, kNetworkImageHeight / 2.0};
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& a : snapshot.actors) {
        Size s = node_size(a.name);
        x0 = std::min(x0, a.x - s.width / 2), x1 = std::max(x1, a.x + s.width / 2);
        y0 = std::min(y0, a.y - s.height / 2), y1 = std::max(y1, a.y + s.height / 2);
    }
    double area_w = kNetworkImageWidth - 2 * kMargin, area_h = kNetworkImageHeight - kTop - kBottom;
    Fit fit;
    fit.scale = std::min({area_w / std::max(x1 - x0, 1.0), area_h / std::max(y1 - y0, 1.0), 1.4});
    fit.dx = kMargin + (area_w - (x1 - x0) * fit.scale) / 2 - x0 * fit.scale;
    fit.dy = kTop + (area_h - (y1 - y0) * fit.scale) / 2 - y0 * fit.scale;
    return fit;
}

// Where the line from a box centre towards `toward` leaves the box.
Point box_exit(Point centre, Size size, Point toward) {
    double dx = toward.x - centre.x, dy = toward.y - centre.y;
    if (std::abs(dx) < 1e-9 && std::abs(dy) < 1e-9) return centre;
    double tx = dx != 0 ? (size.width / 2) / std::abs(dx) : 1e300;
    double ty = dy != 0 ? (size.height / 2) / std::abs(dy) : 1e300;
    double t = std::min({tx, ty, 1.0});
    return {centre.x + dx * t, centre.y + dy * t};
}

// A link's line in its type's pattern, with the bars across a conflict's middle.
void link(Scene& scene, Point a, Point b, const RelationType& type, double width) {
    const Dash dash = dash_of(type.pattern, width);
    scene.line({{a, b}, Colour::of(type.colour), width, dash.on, dash.off, type.directed});
    if (!type.crossed) return;
    for (const Bar& bar : crossing_bars(a.x, a.y, b.x, b.y, width))
        scene.line({{{bar.x0, bar.y0}, {bar.x1, bar.y1}}, Colour::of(type.colour), width});
}

void draw_relations(Scene& scene, const Snapshot& snapshot, const Fit& fit) {
    for (const auto& r : snapshot.relations) {
        const Actor* a = snapshot.actor(r.from);
        const Actor* b = snapshot.actor(r.to);
        if (!a || !b) continue;
        const auto& type = relation_type(r.type);
        Point pa = fit.apply({a->x, a->y}), pb = fit.apply({b->x, b->y});
        Size sa = node_size(a->name), sb = node_size(b->name);
        sa = {sa.width * fit.scale, sa.height * fit.scale};
        sb = {sb.width * fit.scale, sb.height * fit.scale};
        link(scene, box_exit(pa, sa, pb), box_exit(pb, sb, pa), type, relation_width(r.strength, fit.scale, 1.0));
    }
}

void draw_actor(Scene& scene, const Snapshot& snapshot, const Actor& actor, bool gap, const Fit& fit) {
    Size s = node_size(actor.name);
    Point c = fit.apply({actor.x, actor.y});
    double w = s.width * fit.scale, h = s.height * fit.scale;
    const ActorType* type = snapshot.type(actor.type_id);
    RectShape box{c.x - w / 2, c.y - h / 2, w, h, 8 * fit.scale};
    box.fill = Colour::of(type_colour(type ? type->key : "other", actor.type_id));
    box.stroke = gap ? kGapRed : Colour{90, 90, 90};
    box.stroke_width = gap ? 5 : 1.5;
    box.dashed = gap;
    box.title = actor.name;
    scene.rect(box);
    double font = kNodeFont * fit.scale;
    auto lines = wrap_label(actor.name, kNodeFont, kNodeMaxWidth - 2 * kNodePadding);
    double line_h = kNodeLineHeight * fit.scale;
    double top = c.y - line_h * double(lines.size()) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i)
        scene.text({c.x, top + line_h * (double(i) + 0.78), lines[i], font, kNetworkInk, Anchor::Middle});
}

void draw_legend(Scene& scene, const Gaps& gaps, const Translate& tr) {
    double y = kNetworkImageHeight - kBottom + 50, x = kMargin;
    const double sample = 90;  // the length of each line in the legend
    for (const auto& type : relation_types()) {
        std::string label = tr(std::string(type.msgid).c_str());
        const double item = sample + 14 + estimate_text_width(label, kLegendText);
        if (x > kMargin && x + item > kNetworkImageWidth - kMargin) {
            x = kMargin;
            y += kLegendText * 1.6;
        }
        link(scene, {x, y - kLegendText * 0.35}, {x + sample, y - kLegendText * 0.35}, type, kLegendLine);
        scene.text({x + sample + 14, y, label, kLegendText, kNetworkInk});
        x += item + 40;
    }
    y += kLegendText * 1.6;
    if (!gaps.uncovered_problems.empty()) {
        std::string list;
        for (const auto& p : gaps.uncovered_problems) list += (list.empty() ? "" : " · ") + p.label;
        scene.text({kMargin, y, std::string(tr("Prioritised problems nobody answers for:")) + " " + list, kLegendText, kGapRed, Anchor::Start, true});
        y += kLegendText * 1.5;
    }
    if (!gaps.isolated_actors.empty())
        scene.text({kMargin, y, tr("Dashed red outline: an actor with no measure, problem or relation."), kLegendText, kGapRed});
}

}  // namespace

Scene network_scene(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr) {
    Scene scene;
    scene.width = kNetworkImageWidth;
    scene.height = kNetworkImageHeight;
    scene.title = tr("Relationships between actors");
    scene.text({kMargin, 50, scene.title, 32, kNetworkInk, Anchor::Start, true});
    Fit fit = fit_network(snapshot);
    draw_relations(scene, snapshot, fit);
    for (const auto& actor : snapshot.actors) draw_actor(scene, snapshot, actor, gaps.isolated_set.count(actor.id) > 0, fit);
    if (snapshot.actors.empty())
        scene.text({kNetworkImageWidth / 2.0, kNetworkImageHeight / 2.0, tr("No actors yet."), 28, kNetworkMuted, Anchor::Middle});
    draw_legend(scene, gaps, tr);
    return scene;
}

}  // namespace kartla::actor_map
