#include "draw_scan.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kartla::audit {

namespace {

// Finds the atlas glyph under a texture coordinate: a coarse grid over the atlas,
// each cell listing the glyphs that touch it.
class GlyphIndex {
public:
    struct Entry {
        const ImFont* font;
        const ImFontGlyph* glyph;
    };

    explicit GlyphIndex(const ImFontAtlas& atlas) {
        cells_.resize(kCells * kCells);
        for (const ImFont* font : atlas.Fonts)
            for (const ImFontGlyph& g : font->Glyphs) {
                if (!g.Visible || g.U1 <= g.U0 || g.V1 <= g.V0) continue;
                int index = int(entries_.size());
                entries_.push_back({font, &g});
                for (int y = cell(g.V0); y <= cell(g.V1); ++y)
                    for (int x = cell(g.U0); x <= cell(g.U1); ++x) cells_[y * kCells + x].push_back(index);
            }
    }

    // The glyph whose texture rectangle holds [u0,u1]×[v0,v1], or nullptr.
    const Entry* find(float u0, float v0, float u1, float v1) const {
        constexpr float kSlack = 1e-5f;
        float u = (u0 + u1) / 2, v = (v0 + v1) / 2;
        for (int i : cells_[cell(v) * kCells + cell(u)]) {
            const ImFontGlyph& g = *entries_[i].glyph;
            if (u0 >= g.U0 - kSlack && u1 <= g.U1 + kSlack && v0 >= g.V0 - kSlack && v1 <= g.V1 + kSlack)
                return &entries_[i];
        }
        return nullptr;
    }

private:
    static constexpr int kCells = 64;
    static int cell(float t) { return std::clamp(int(t * kCells), 0, kCells - 1); }
    std::vector<Entry> entries_;
    std::vector<std::vector<int>> cells_;
};

void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// ImGui writes a glyph (and any textured rectangle) as four corners and the
// index pattern 0 1 2 0 2 3.
bool is_quad(const ImDrawIdx* idx) {
    return idx[1] == idx[0] + 1 && idx[2] == idx[0] + 2 && idx[3] == idx[0] && idx[4] == idx[0] + 2 &&
           idx[5] == idx[0] + 3;
}

struct RunBuilder {
    DrawScan& scan;
    int last_glyph = -1;
    ImU32 last_colour = 0;

    bool continues(const DrawnGlyph& g, ImU32 colour) const {
        if (last_glyph < 0) return false;
        const DrawnGlyph& p = scan.glyphs[last_glyph];
        if (p.list != g.list || colour != last_colour || std::abs(p.pixels - g.pixels) > 0.01f) return false;
        float step = g.line_top - p.line_top;
        if (std::abs(step) < 0.6f) return g.min.x >= p.min.x - 0.5f;  // on along the same line
        return std::abs(step - g.pixels) < 0.6f;                      // the next line of wrapped text
    }

    void add(int index, ImU32 colour) {
        DrawnGlyph& g = scan.glyphs[index];
        if (!continues(g, colour)) {
            scan.runs.emplace_back();
            scan.runs.back().pixels = g.pixels;
            scan.runs.back().min = g.min;
            scan.runs.back().max = g.max;
        } else {
            const DrawnGlyph& p = scan.glyphs[last_glyph];
            TextRun& run = scan.runs.back();
            if (g.line_top > p.line_top + 0.6f) {
                run.text += '\n';
                ++run.lines;
            } else if (g.min.x - p.max.x > g.pixels * 0.2f) {
                run.text += ' ';
            }
        }
        TextRun& run = scan.runs.back();
        g.run = int(scan.runs.size()) - 1;
        g.index_in_run = int(run.glyphs.size());
        run.glyphs.push_back(index);
        append_utf8(run.text, g.codepoint);
        run.min = ImVec2(std::min(run.min.x, g.min.x), std::min(run.min.y, g.min.y));
        run.max = ImVec2(std::max(run.max.x, g.max.x), std::max(run.max.y, g.max.y));
        last_glyph = index;
        last_colour = colour;
    }
};

void measure_lines(DrawScan& scan) {
    for (TextRun& run : scan.runs) {
        float line_top = -1e9f, left = 0, right = 0;
        for (int i : run.glyphs) {
            const DrawnGlyph& g = scan.glyphs[i];
            if (std::abs(g.line_top - line_top) > 0.6f) {
                line_top = g.line_top;
                left = g.min.x;
            }
            right = g.max.x;
            run.widest_line = std::max(run.widest_line, right - left);
        }
    }
}

}  // namespace

DrawScan scan_draw_data(const ImDrawData& data, const ImFontAtlas& atlas) {
    GlyphIndex index(atlas);
    DrawScan scan;
    RunBuilder runs{scan};
    const ImVec2 offset = data.DisplayPos, scale = data.FramebufferScale;
    auto to_screen = [&](ImVec2 p) { return ImVec2((p.x - offset.x) * scale.x, (p.y - offset.y) * scale.y); };
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        scan.triangle_glyph.emplace_back(list->IdxBuffer.Size / 3, -1);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            ImVec2 c0 = to_screen(ImVec2(cmd.ClipRect.x, cmd.ClipRect.y));
            ImVec2 c1 = to_screen(ImVec2(cmd.ClipRect.z, cmd.ClipRect.w));
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 6 <= cmd.ElemCount;) {
                if (!is_quad(idx + i)) {
                    i += 3;
                    continue;
                }
                const ImDrawVert& a = list->VtxBuffer[cmd.VtxOffset + idx[i]];
                const ImDrawVert& c = list->VtxBuffer[cmd.VtxOffset + idx[i + 2]];
                const GlyphIndex::Entry* entry = index.find(a.uv.x, a.uv.y, c.uv.x, c.uv.y);
                if (!entry) {
                    i += 6;
                    continue;
                }
                const ImFontGlyph& fg = *entry->glyph;
                DrawnGlyph g;
                g.min = to_screen(a.pos);
                g.max = to_screen(c.pos);
                g.clip = ImVec4(c0.x, c0.y, c1.x, c1.y);
                g.codepoint = fg.Codepoint;
                g.list = l;
                // The size it was drawn at, from the share of the glyph that shows.
                float shown_v = (c.uv.y - a.uv.y) / (fg.V1 - fg.V0);
                float glyph_scale = (g.max.y - g.min.y) / std::max(shown_v * (fg.Y1 - fg.Y0), 1e-3f);
                g.pixels = entry->font->FontSize * glyph_scale;
                float full_top = g.min.y - (a.uv.y - fg.V0) / (fg.V1 - fg.V0) * (fg.Y1 - fg.Y0) * glyph_scale;
                g.line_top = full_top - fg.Y0 * glyph_scale;
                constexpr float kSlack = 1e-5f;
                g.shrunk = a.uv.x > fg.U0 + kSlack || a.uv.y > fg.V0 + kSlack || c.uv.x < fg.U1 - kSlack ||
                           c.uv.y < fg.V1 - kSlack;
                int glyph_index = int(scan.glyphs.size());
                scan.glyphs.push_back(g);
                runs.add(glyph_index, a.col);
                unsigned triangle = (cmd.IdxOffset + i) / 3;
                scan.triangle_glyph[l][triangle] = scan.triangle_glyph[l][triangle + 1] = glyph_index;
                i += 6;
            }
        }
    }
    measure_lines(scan);
    return scan;
}

}  // namespace kartla::audit
