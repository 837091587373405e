#include "model/images.hpp"

#include <algorithm>

namespace kartla::actor_map {

namespace {

constexpr double kGridX = 130, kGridY = 110, kGridW = 1080, kGridH = 1000;
constexpr double kChipScale = 0.9;
constexpr double kChipInner = kChipMaxWidth - 2 * kNodePadding;
const Colour kGridInk{33, 33, 33}, kGridMuted{110, 110, 110};

struct Quadrant {
    const char* msgid;
    bool high_influence, high_interest;
    Colour fill;
};

const Quadrant kQuadrants[] = {
    {"Keep satisfied", true, false, {255, 248, 225}},
    {"Manage closely", true, true, {255, 235, 238}},
    {"Monitor", false, false, {245, 245, 245}},
    {"Keep informed", false, true, {232, 245, 233}},
};

void draw_quadrants(Scene& scene, const Translate& tr) {
    for (const auto& q : kQuadrants) {
        double x = kGridX + (q.high_interest ? kGridW / 2 : 0), y = kGridY + (q.high_influence ? 0 : kGridH / 2);
        RectShape r{x, y, kGridW / 2, kGridH / 2, 0, q.fill};
        r.stroke = {189, 189, 189};
        r.stroke_width = 2;
        scene.rect(r);
        scene.text({x + kGridW / 4, y + 44, tr(q.msgid), 30, kGridMuted, Anchor::Middle, true});
    }
    scene.text({kGridX, kGridY - 16, std::string("↑ ") + tr("Influence"), 24, kGridInk, Anchor::Start, true});
    scene.text({kGridX + kGridW, kGridY + kGridH + 40, std::string(tr("Interest")) + " →", 24, kGridInk, Anchor::End, true});
    scene.text({kGridX - 12, kGridY + 20, tr("high"), 18, kGridMuted, Anchor::End});
    scene.text({kGridX - 12, kGridY + kGridH, tr("low"), 18, kGridMuted, Anchor::End});
    scene.text({kGridX, kGridY + kGridH + 26, tr("low"), 18, kGridMuted});
}

void draw_chip(Scene& scene, const Snapshot& snapshot, const Actor& actor, Point centre, double font) {
    Size s = node_size(actor.name, kChipMaxWidth);
    double w = s.width * kChipScale, h = s.height * kChipScale;
    const ActorType* type = snapshot.type(actor.type_id);
    RectShape r{centre.x - w / 2, centre.y - h / 2, w, h, 7};
    r.fill = Colour::of(type_colour(type ? type->key : "other", actor.type_id));
    r.stroke = {90, 90, 90};
    r.stroke_width = 1.5;
    r.title = actor.name;
    scene.rect(r);
    auto lines = wrap_label(actor.name, kNodeFont, kChipInner);
    double line_h = kNodeLineHeight * kChipScale;
    double top = centre.y - line_h * double(lines.size()) / 2;
    for (std::size_t i = 0; i < lines.size(); ++i)
        scene.text({centre.x, top + line_h * (double(i) + 0.78), lines[i], font, kGridInk, Anchor::Middle});
}

}  // namespace

const char* quadrant_msgid(double interest, double influence) {
    for (const auto& q : kQuadrants)
        if (q.high_influence == (influence >= 0.5) && q.high_interest == (interest >= 0.5)) return q.msgid;
    return "Monitor";
}

Scene grid_scene(const Snapshot& snapshot, const Translate& tr) {
    Scene scene;
    scene.width = kGridImageWidth;
    scene.height = kGridImageHeight;
    scene.title = tr("Influence and interest");
    scene.text({40, 50, scene.title, 32, kGridInk, Anchor::Start, true});
    draw_quadrants(scene, tr);
    double font = kNodeFont * kChipScale;
    double list_x = kGridX + kGridW + 40, list_y = kGridY + 20;
    bool any_unplaced = false;
    for (const auto& actor : snapshot.actors) {
        if (actor.on_grid) {
            Size s = node_size(actor.name, kChipMaxWidth);
            double hw = s.width * kChipScale / 2, hh = s.height * kChipScale / 2;
            Point c{kGridX + actor.interest * kGridW, kGridY + (1 - actor.influence) * kGridH};
            c.x = std::clamp(c.x, kGridX + hw, kGridX + kGridW - hw);
            c.y = std::clamp(c.y, kGridY + hh, kGridY + kGridH - hh);
            draw_chip(scene, snapshot, actor, c, font);
            continue;
        }
        if (!any_unplaced) scene.text({list_x, list_y, tr("Not placed yet:"), 22, kGridMuted, Anchor::Start, true});
        any_unplaced = true;
        list_y += 30;
        for (const auto& line : wrap_label(actor.name, 18, kGridImageWidth - list_x - 30, 2)) {
            scene.text({list_x, list_y, line, 18, kGridInk, Anchor::Start, false, actor.name});
            list_y += 22;
        }
    }
    return scene;
}

}  // namespace kartla::actor_map
