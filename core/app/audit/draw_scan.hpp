#pragma once
// What was drawn, read back from ImGui's draw data: every glyph (a textured quad
// whose texture coordinates fall inside a glyph of the font atlas), where it
// landed, the clip rectangle it was drawn under, its size in pixels, and the
// text it belongs to. The layout audit judges the picture from these.
#include <imgui.h>

#include <string>
#include <vector>

namespace kartla::audit {

struct DrawnGlyph {
    ImVec2 min, max;     // where the quad landed, in screen pixels
    ImVec4 clip;         // the clip rectangle of its draw command (x1, y1, x2, y2)
    unsigned codepoint = 0;
    float pixels = 0;    // the font size it was drawn at
    float line_top = 0;  // top of its text line
    bool shrunk = false; // cut on the CPU (its texture rectangle is smaller than the glyph's)
    int list = 0;        // index of its draw list in the draw data
    int run = 0;         // index of its run in DrawScan::runs
    int index_in_run = 0;
};

// Glyphs written one after another in one colour and size, on one line or on
// lines exactly one line apart: one text item, as far as the picture tells.
struct TextRun {
    std::string text;  // UTF-8, '\n' between lines
    std::vector<int> glyphs;
    int lines = 1;
    float widest_line = 0;  // pixels
    float pixels = 0;
    ImVec2 min{0, 0}, max{0, 0};
};

struct DrawScan {
    std::vector<DrawnGlyph> glyphs;
    std::vector<TextRun> runs;
    // For each draw list, for each index triple: the glyph it draws, or -1.
    std::vector<std::vector<int>> triangle_glyph;
};

// Reads draw data whose text came from `atlas` (positions mapped through
// DisplayPos and FramebufferScale onto the framebuffer).
DrawScan scan_draw_data(const ImDrawData& data, const ImFontAtlas& atlas);

}  // namespace kartla::audit
