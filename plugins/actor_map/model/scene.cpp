#include "model/scene.hpp"

#include "model/store.hpp"

#include <cmath>

namespace kartla::actor_map {

std::string type_label(const ActorType& type, const Translate& tr) {
    return type.builtin ? tr(type.label.c_str()) : type.label;
}

std::vector<Point> arrow_head(const LineShape& line) {
    if (line.points.size() < 2) return {};
    Point tip = line.points.back(), from = line.points[line.points.size() - 2];
    double dx = tip.x - from.x, dy = tip.y - from.y, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-9) return {};
    dx /= len, dy /= len;
    double length = 10 + line.width * 2.5, half = 5 + line.width * 1.2;
    Point base{tip.x - dx * length, tip.y - dy * length};
    return {tip, {base.x - dy * half, base.y + dx * half}, {base.x + dy * half, base.y - dx * half}};
}

}  // namespace kartla::actor_map
