#include "model/actor_types.hpp"

namespace kartla::actor_map {

const std::array<BuiltinType, 19>& builtin_types() {
    static const std::array<BuiltinType, 19> types = {{
        {"municipality_board", "Municipality: executive board"},
        {"municipality_social", "Municipality: social services"},
        {"municipality_school", "Municipality: school"},
        {"municipality_leisure", "Municipality: leisure and youth"},
        {"municipality_planning", "Municipality: urban planning"},
        {"municipality_property", "Municipality: property management"},
        {"municipality_safety", "Municipality: safety unit"},
        {"police", "Police"},
        {"rescue", "Rescue services"},
        {"housing", "Housing company"},
        {"property_owner", "Property owner"},
        {"business", "Business"},
        {"security_firm", "Security firm"},
        {"civil_society", "Civil society, association or faith community"},
        {"region", "Region / health care"},
        {"county_board", "County administrative board"},
        {"national_agency", "National agency"},
        {"residents", "Residents / young people"},
        {"other", "Other"},
    }};
    return types;
}

Rgb type_colour(std::string_view key, std::int64_t type_id) {
    struct Entry {
        std::string_view key;
        Rgb colour;
    };
    // Pale fills that keep dark text readable on a projector.
    static const Entry table[] = {
        {"police", {173, 198, 240}},        {"rescue", {247, 190, 160}},     {"housing", {200, 228, 178}},
        {"property_owner", {214, 232, 160}}, {"business", {250, 226, 150}},  {"security_firm", {205, 205, 205}},
        {"civil_society", {238, 196, 226}}, {"region", {178, 226, 226}},     {"county_board", {214, 200, 240}},
        {"national_agency", {196, 186, 232}}, {"residents", {255, 214, 196}}, {"other", {226, 222, 214}},
    };
    if (key.starts_with("municipality_")) return {250, 236, 190};
    for (const auto& entry : table)
        if (entry.key == key) return entry.colour;
    static const Rgb custom[] = {{220, 236, 250}, {240, 224, 250}, {226, 246, 226}, {250, 232, 222}};
    return custom[static_cast<std::uint64_t>(type_id) % 4];
}

}  // namespace kartla::actor_map
