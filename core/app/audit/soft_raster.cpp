#include "soft_raster.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kartla::audit {

namespace {

constexpr float kInk = 0.5f;     // a glyph pixel at least this opaque is ink
constexpr float kOpaque = 0.95f; // a shape this opaque hides the ink under it

struct Texture {
    const unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    ImTextureID id = nullptr;

    float sample(ImTextureID texture, float u, float v) const {
        if (texture != id || !alpha) return 1.0f;
        int x = std::clamp(int(u * float(width)), 0, width - 1);
        int y = std::clamp(int(v * float(height)), 0, height - 1);
        return float(alpha[y * width + x]) / 255.0f;
    }
};

struct Canvas {
    Picture& picture;
    std::vector<int> ink_owner;  // the glyph whose ink shows at a pixel, or -1
    const DrawScan* scan = nullptr;
    std::map<std::pair<int, int>, int> overlaps;
    int glyph_base = 0;  // glyph indices of the current layer are offset by this in ink_owner

    void blend(int x, int y, ImU32 colour, float coverage, int glyph) {
        float a = coverage * float((colour >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
        if (a <= 0.0f) return;
        std::uint8_t* p = &picture.rgb[(std::size_t(y) * picture.width + x) * 3];
        for (int c = 0; c < 3; ++c) {
            float src = float((colour >> (c * 8)) & 0xFF);
            p[c] = std::uint8_t(std::lround(src * a + float(p[c]) * (1.0f - a)));
        }
        int& owner = ink_owner[std::size_t(y) * picture.width + x];
        if (glyph >= 0) {
            if (a < kInk) return;
            int me = glyph_base + glyph;
            if (owner >= glyph_base && owner != me) note_overlap(owner - glyph_base, glyph);
            owner = me;
        } else if (a >= kOpaque) {
            owner = -1;
        }
    }

    void note_overlap(int below, int above) {
        const DrawnGlyph& a = scan->glyphs[below];
        const DrawnGlyph& b = scan->glyphs[above];
        if (a.run == b.run && std::abs(a.index_in_run - b.index_in_run) <= 1) return;  // neighbours may touch
        ++overlaps[{a.run, b.run}];
    }
};

struct Clip {
    int x0, y0, x1, y1;
};

float edge(ImVec2 a, ImVec2 b, float x, float y) { return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x); }

void paint_triangle(Canvas& canvas, const Texture& tex, ImTextureID texture, const ImDrawVert& v0,
                    const ImDrawVert& v1, const ImDrawVert& v2, Clip clip, int glyph) {
    float area = edge(v0.pos, v1.pos, v2.pos.x, v2.pos.y);
    if (std::abs(area) < 1e-6f) return;
    int x0 = std::max(clip.x0, int(std::floor(std::min({v0.pos.x, v1.pos.x, v2.pos.x}))));
    int y0 = std::max(clip.y0, int(std::floor(std::min({v0.pos.y, v1.pos.y, v2.pos.y}))));
    int x1 = std::min(clip.x1, int(std::ceil(std::max({v0.pos.x, v1.pos.x, v2.pos.x}))));
    int y1 = std::min(clip.y1, int(std::ceil(std::max({v0.pos.y, v1.pos.y, v2.pos.y}))));
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            float px = float(x) + 0.5f, py = float(y) + 0.5f;
            float w0 = edge(v1.pos, v2.pos, px, py) / area;
            float w1 = edge(v2.pos, v0.pos, px, py) / area;
            float w2 = 1.0f - w0 - w1;
            // Half-open: a pixel on the shared edge of two triangles is painted once.
            if (w0 < 0 || w1 < 0 || w2 <= 0) continue;
            float u = w0 * v0.uv.x + w1 * v1.uv.x + w2 * v2.uv.x;
            float v = w0 * v0.uv.y + w1 * v1.uv.y + w2 * v2.uv.y;
            // Vertex colours of one triangle differ only in alpha (anti-aliased fringes).
            float alpha = (w0 * float(v0.col >> IM_COL32_A_SHIFT) + w1 * float(v1.col >> IM_COL32_A_SHIFT) +
                           w2 * float(v2.col >> IM_COL32_A_SHIFT)) / 255.0f;
            ImU32 colour = (v0.col & ~IM_COL32_A_MASK) | IM_COL32_A_MASK;
            canvas.blend(x, y, colour, alpha * tex.sample(texture, u, v), glyph);
        }
}

// A rectangle with texture coordinates along its axes (every glyph, most fills).
bool paint_rectangle(Canvas& canvas, const Texture& tex, ImTextureID texture, const ImDrawVert* v, Clip clip,
                     int glyph) {
    const ImDrawVert &a = v[0], &b = v[1], &c = v[2], &d = v[3];
    if (a.pos.y != b.pos.y || b.pos.x != c.pos.x || c.pos.y != d.pos.y || d.pos.x != a.pos.x) return false;
    if (a.col != b.col || a.col != c.col || a.col != d.col || a.pos.x >= c.pos.x || a.pos.y >= c.pos.y) return false;
    int x0 = std::max(clip.x0, int(std::lround(a.pos.x))), x1 = std::min(clip.x1, int(std::lround(c.pos.x)));
    int y0 = std::max(clip.y0, int(std::lround(a.pos.y))), y1 = std::min(clip.y1, int(std::lround(c.pos.y)));
    float du = (c.uv.x - a.uv.x) / (c.pos.x - a.pos.x), dv = (c.uv.y - a.uv.y) / (c.pos.y - a.pos.y);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            float u = a.uv.x + (float(x) + 0.5f - a.pos.x) * du, vv = a.uv.y + (float(y) + 0.5f - a.pos.y) * dv;
            canvas.blend(x, y, a.col, tex.sample(texture, u, vv), glyph);
        }
    return true;
}

void paint_layer(Canvas& canvas, const Texture& tex, const ImDrawData& data, const DrawScan& scan) {
    canvas.scan = &scan;
    const ImVec2 offset = data.DisplayPos, scale = data.FramebufferScale;
    const Picture& pic = canvas.picture;
    std::vector<ImDrawVert> moved;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        moved.assign(list->VtxBuffer.begin(), list->VtxBuffer.end());
        for (ImDrawVert& v : moved) v.pos = ImVec2((v.pos.x - offset.x) * scale.x, (v.pos.y - offset.y) * scale.y);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            Clip clip{std::max(0, int(std::lround((cmd.ClipRect.x - offset.x) * scale.x))),
                      std::max(0, int(std::lround((cmd.ClipRect.y - offset.y) * scale.y))),
                      std::min(pic.width, int(std::lround((cmd.ClipRect.z - offset.x) * scale.x))),
                      std::min(pic.height, int(std::lround((cmd.ClipRect.w - offset.y) * scale.y)))};
            if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1) continue;
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = moved.data() + cmd.VtxOffset;
            for (unsigned i = 0; i + 3 <= cmd.ElemCount;) {
                int glyph = scan.triangle_glyph[l][(cmd.IdxOffset + i) / 3];
                bool quad = i + 6 <= cmd.ElemCount && idx[i + 1] == idx[i] + 1 && idx[i + 2] == idx[i] + 2 &&
                            idx[i + 3] == idx[i] && idx[i + 4] == idx[i] + 2 && idx[i + 5] == idx[i] + 3;
                if (quad && paint_rectangle(canvas, tex, cmd.TextureId, vtx + idx[i], clip, glyph)) {
                    i += 6;
                    continue;
                }
                paint_triangle(canvas, tex, cmd.TextureId, vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], clip, glyph);
                i += 3;
            }
        }
    }
}

}  // namespace

Painting paint(const std::vector<Layer>& layers, int width, int height, ImVec4 background) {
    Painting out;
    Picture& pic = out.picture;
    pic.width = width;
    pic.height = height;
    pic.rgb.resize(std::size_t(width) * height * 3);
    for (std::size_t i = 0; i < pic.rgb.size(); i += 3) {
        pic.rgb[i] = std::uint8_t(background.x * 255);
        pic.rgb[i + 1] = std::uint8_t(background.y * 255);
        pic.rgb[i + 2] = std::uint8_t(background.z * 255);
    }
    Canvas canvas{pic, std::vector<int>(std::size_t(width) * height, -1)};
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const Layer& layer = layers[l];
        Texture tex{layer.atlas->TexPixelsAlpha8, layer.atlas->TexWidth, layer.atlas->TexHeight, layer.atlas->TexID};
        canvas.overlaps.clear();
        paint_layer(canvas, tex, *layer.data, *layer.scan);
        for (const auto& [runs, pixels] : canvas.overlaps)
            out.overlaps.push_back({int(l), runs.first, runs.second, pixels});
        canvas.glyph_base += int(layer.scan->glyphs.size());
    }
    return out;
}

}  // namespace kartla::audit
