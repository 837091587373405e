#pragma once
// The built-in list of actor types (organisations, units and roles; never persons).
// Keys are stable and published in the "actor" entity; labels are English msgids.
#include <array>
#include <cstdint>
#include <string_view>

namespace kartla::actor_map {

struct BuiltinType {
    std::string_view key;
    std::string_view msgid;
};

const std::array<BuiltinType, 19>& builtin_types();

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

// A colour per type, the same on screen and in the images. Municipal units share
// one hue family so the room sees "the municipality" as one block.
Rgb type_colour(std::string_view type_key, std::int64_t type_id);

}  // namespace kartla::actor_map
