#include "model/relation_types.hpp"

#include <algorithm>

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

double relation_width(int strength, double scale, double unit) {
    const double s = double(std::clamp(strength, 1, 3));
    return std::max((2.0 + s) * unit, (1.5 + 1.5 * s) * scale);
}

}  // namespace kartla::actor_map
