#pragma once
// The audit's judgement of one picture: which texts are cut without an
// ellipsis, overlap another text, stand in a column too narrow to read, are
// English in a Swedish screen, or are too small for the back of the room.
#include "draw_scan.hpp"
#include "soft_raster.hpp"

#include <set>
#include <string>
#include <vector>

namespace kartla::audit {

enum class DefectKind { Cut, Overlap, Narrow, Untranslated, Small };
inline constexpr int kDefectKinds = 5;
const char* defect_name(DefectKind kind);

struct Defect {
    DefectKind kind;
    std::string text;  // the text concerned, as drawn
};

// Where text may run past its clip rectangle because the region scrolls: the
// edges of a window with a scroll range, or of an enclosing one (not a column's
// edge inside it). Inner clip rectangles (x1, y1, x2, y2) of the windows that
// scroll sideways and of those that scroll up and down.
struct ScrollInfo {
    std::vector<ImVec4> x, y;
};

struct CheckRules {
    ImVec2 display{0, 0};
    std::vector<ScrollInfo> list_scrolls;  // for each draw list of the layer
    // Text fields and canvases that pan (rectangles x1, y1, x2, y2): text at their edge scrolls into view.
    std::vector<ImVec4> scrolling_areas;
    // Swedish screens: UI texts that are English (no Swedish translation, or
    // drawn without asking for it). Empty on English screens.
    const std::set<std::string>* english = nullptr;
    float least_pixels = 0;  // the room's least text size; 0: no limit
};

// The defects of one painted layer (its scan and the overlaps the painting found in it).
std::vector<Defect> check_layer(const DrawScan& scan, const std::vector<TextOverlap>& overlaps, int layer,
                                const CheckRules& rules);

// The few characters in which a text is looked for among UI strings: "##id" and
// what follows dropped, spaces trimmed.
std::string ui_text_key(const std::string& text);

}  // namespace kartla::audit
