#pragma once
// A small software rasteriser of ImGui's draw data: the audit paints what the
// window would show without a display or an OpenGL driver (CI has neither a GPU
// nor, in every job, an X server), deterministically, pixel for pixel the same
// on every machine. While painting it notes where the ink of one text is painted
// over the ink of another still visible: overlapping text.
#include "draw_scan.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace kartla::audit {

struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // 3 bytes a pixel, rows top to bottom
};

struct TextOverlap {
    int layer = 0;             // index into the painted layers
    int run_a = 0, run_b = 0;  // indices into DrawScan::runs; a == b: one run over itself
    int pixels = 0;            // ink pixels of b painted over visible ink of a
};

struct Painting {
    Picture picture;
    std::vector<TextOverlap> overlaps;
};

// Draw data with its scan and the font atlas its text came from (an atlas built
// with GetTexDataAsAlpha8; other textures are painted as flat colour).
struct Layer {
    const ImDrawData* data;
    const DrawScan* scan;
    const ImFontAtlas* atlas;
};
// Paints the layers in order (the room's mirrored view, then the room's own
// drawing) onto a picture `width` × `height` cleared to `background`.
Painting paint(const std::vector<Layer>& layers, int width, int height, ImVec4 background);

}  // namespace kartla::audit
