#include "layout_checks.hpp"

#include <algorithm>
#include <cmath>

namespace kartla::audit {

namespace {

constexpr float kSlack = 1.0f;           // pixels a glyph may poke past its clip (anti-aliasing)
constexpr float kNarrowEms = 3.3f;        // about six characters of DejaVu Sans
constexpr int kLeastCharsBeforeEllipsis = 4;
constexpr int kLeastOverlapPixels = 6;    // fewer: two glyph edges touching
constexpr unsigned kEllipsis = 0x2026;

ImVec4 visible_rect(const DrawnGlyph& g, ImVec2 display) {
    return ImVec4(std::max({g.min.x, g.clip.x, 0.0f}), std::max({g.min.y, g.clip.y, 0.0f}),
                  std::min({g.max.x, g.clip.z, display.x}), std::min({g.max.y, g.clip.w, display.y}));
}

bool visible(const DrawnGlyph& g, ImVec2 display) {
    ImVec4 r = visible_rect(g, display);
    return r.z - r.x > 0.5f && r.w - r.y > 0.5f;
}

bool overlaps(const DrawnGlyph& g, const ImVec4& r) { return g.min.x < r.z && g.max.x > r.x && g.min.y < r.w && g.max.y > r.y; }

// Cut: part of the glyph is not shown (past its clip rectangle, past the
// screen, or trimmed on the CPU), except where the region scrolls.
bool glyph_cut(const DrawnGlyph& g, const CheckRules& rules) {
    ImVec4 clip(std::max(g.clip.x, 0.0f), std::max(g.clip.y, 0.0f), std::min(g.clip.z, rules.display.x),
                std::min(g.clip.w, rules.display.y));
    bool across_x = g.min.x < clip.x - kSlack || g.max.x > clip.z + kSlack;
    bool across_y = g.min.y < clip.y - kSlack || g.max.y > clip.w + kSlack;
    if (g.shrunk) {
        bool at_side = std::abs(g.min.x - g.clip.x) < 0.5f || std::abs(g.max.x - g.clip.z) < 0.5f;
        (at_side ? across_x : across_y) = true;
    }
    if (!across_x && !across_y) return false;
    for (const ImVec4& area : rules.scrolling_areas)
        if (overlaps(g, area)) return false;
    ScrollInfo scroll = g.list < int(rules.list_scrolls.size()) ? rules.list_scrolls[g.list] : ScrollInfo{};
    auto near = [](float a, float b) { return std::abs(a - b) <= 1.5f; };
    bool scrolls_x = false, scrolls_y = false;
    for (const ImVec4& e : scroll.x) scrolls_x = scrolls_x || near(clip.x, e.x) || near(clip.z, e.z);
    for (const ImVec4& e : scroll.y) scrolls_y = scrolls_y || near(clip.y, e.y) || near(clip.w, e.w);
    return (across_x && !scrolls_x) || (across_y && !scrolls_y);
}

int characters_before_ellipsis(const DrawScan& scan, const TextRun& run) {
    const DrawnGlyph& last = scan.glyphs[run.glyphs.back()];
    if (last.codepoint != kEllipsis || run.lines > 1) return -1;
    return int(run.glyphs.size()) - 1;
}

bool narrow(const DrawScan& scan, const TextRun& run) {
    if (run.lines >= 2 && run.widest_line < kNarrowEms * run.pixels) return true;
    int before = characters_before_ellipsis(scan, run);
    return before >= 0 && before < kLeastCharsBeforeEllipsis;
}

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

bool english_shown(const std::string& text, const std::set<std::string>& english) {
    std::string key = ui_text_key(one_line(text));
    if (key.size() < 2) return false;
    if (english.count(key)) return true;
    // "Label: value", "Label (3)": the UI string before the value.
    for (std::size_t cut = key.find_first_of(":("); cut != std::string::npos; cut = key.find_first_of(":(", cut + 1))
        if (english.count(ui_text_key(key.substr(0, cut)))) return true;
    return false;
}

}  // namespace

const char* defect_name(DefectKind kind) {
    switch (kind) {
        case DefectKind::Cut: return "cut";
        case DefectKind::Overlap: return "overlap";
        case DefectKind::Narrow: return "narrow";
        case DefectKind::Untranslated: return "untranslated";
        case DefectKind::Small: return "small";
    }
    return "?";
}

std::string ui_text_key(const std::string& text) {
    std::string out = text.substr(0, text.find("##"));
    auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    while (!out.empty() && space(out.back())) out.pop_back();
    std::size_t start = 0;
    while (start < out.size() && space(out[start])) ++start;
    return out.substr(start);
}

std::vector<Defect> check_layer(const DrawScan& scan, const std::vector<TextOverlap>& overlaps, int layer,
                                const CheckRules& rules) {
    std::vector<Defect> out;
    for (const TextRun& run : scan.runs) {
        bool seen = false, cut = false;
        for (int i : run.glyphs) {
            const DrawnGlyph& g = scan.glyphs[i];
            if (!visible(g, rules.display)) continue;
            seen = true;
            cut = cut || glyph_cut(g, rules);
        }
        if (!seen) continue;
        std::string text = one_line(run.text);
        if (cut) out.push_back({DefectKind::Cut, text});
        if (narrow(scan, run)) out.push_back({DefectKind::Narrow, run.text});
        if (rules.english && english_shown(run.text, *rules.english)) out.push_back({DefectKind::Untranslated, text});
        if (rules.least_pixels > 0 && run.pixels < rules.least_pixels - 0.5f)
            out.push_back({DefectKind::Small, text + " (" + std::to_string(int(std::lround(run.pixels))) + " px)"});
    }
    for (const TextOverlap& o : overlaps) {
        if (o.layer != layer || o.pixels < kLeastOverlapPixels) continue;
        std::string a = one_line(scan.runs[o.run_a].text), b = one_line(scan.runs[o.run_b].text);
        out.push_back({DefectKind::Overlap, o.run_a == o.run_b ? a : a + " / " + b});
    }
    return out;
}

}  // namespace kartla::audit
