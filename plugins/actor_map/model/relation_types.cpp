#include "model/relation_types.hpp"

#include <algorithm>
#include <cmath>

namespace kartla::actor_map {

const std::array<RelationType, 5>& relation_types() {
    static const std::array<RelationType, 5> types = {{
        // Each differs from the others by more than its colour: solid, long dashes, an arrow,
        // bars across, dots.
        {"cooperates", "cooperates", false, LinePattern::Solid, false, {46, 125, 50}},
        {"shares_information", "shares information", false, LinePattern::Dashed, false, {21, 101, 192}},
        {"funds", "funds or commissions", true, LinePattern::Solid, false, {123, 31, 162}},
        {"conflict", "in conflict", false, LinePattern::Solid, true, {198, 40, 40}},
        {"missing", "needed but missing", false, LinePattern::Dotted, false, {120, 120, 120}},
    }};
    return types;
}

const RelationType& relation_type(std::string_view key) {
    for (const auto& type : relation_types())
        if (type.key == key) return type;
    return relation_types()[0];
}

bool is_relation_type(std::string_view key) {
    for (const auto& type : relation_types())
        if (type.key == key) return true;
    return false;
}

Dash dash_of(LinePattern pattern, double width) {
    switch (pattern) {
        case LinePattern::Dashed: return {width * 3 + 4, width * 2 + 4};
        case LinePattern::Dotted: return {width * 0.8, width * 1.8};  // round caps make these dots
        case LinePattern::Solid: break;
    }
    return {};
}

std::vector<Bar> crossing_bars(double ax, double ay, double bx, double by, double width) {
    double dx = bx - ax, dy = by - ay;
    const double length = std::sqrt(dx * dx + dy * dy);
    if (length < 1e-6) return {};
    dx /= length, dy /= length;
    const double half = 4 + width * 2, apart = 3 + width * 1.2;
    std::vector<Bar> bars;
    for (double side : {-1.0, 1.0}) {
        const double mx = (ax + bx) / 2 + dx * apart * side, my = (ay + by) / 2 + dy * apart * side;
        bars.push_back({mx - dy * half, my + dx * half, mx + dy * half, my - dx * half});
    }
    return bars;
}

double relation_width(int strength, double scale, double unit) {
    const double s = double(std::clamp(strength, 1, 3));
    return std::max((2.0 + s) * unit, (1.5 + 1.5 * s) * scale);
}

}  // namespace kartla::actor_map
