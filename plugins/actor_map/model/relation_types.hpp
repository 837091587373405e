#pragma once
// Kinds of link between actors. Keys are stored and published; msgids are shown.
#include "model/actor_types.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace kartla::actor_map {

// How a link's line is drawn, besides its colour: told apart in black and white too.
enum class LinePattern { Solid, Dashed, Dotted };

struct RelationType {
    std::string_view key;
    std::string_view msgid;
    bool directed;  // drawn with an arrow from the first actor to the second
    LinePattern pattern;
    bool crossed;  // two short bars across the middle of the line: "broken" (a conflict)
    Rgb colour;  // line colour on screen and in images
};

// The dash and gap lengths of a pattern for a line `width` wide (0, 0: solid).
// Screen and images alike.
struct Dash {
    double on = 0, off = 0;
};
Dash dash_of(LinePattern pattern, double width);

// The two short bars across the middle of a crossed ("broken") link from (ax, ay) to
// (bx, by) drawn `width` wide, each as {x0, y0, x1, y1}; none for a link of no length.
// Screen and images alike.
struct Bar {
    double x0, y0, x1, y1;
};
std::vector<Bar> crossing_bars(double ax, double ay, double bx, double by, double width);

const std::array<RelationType, 5>& relation_types();
// The entry for a key; unknown keys (from a newer file) read as "cooperates".
const RelationType& relation_type(std::string_view key);
bool is_relation_type(std::string_view key);

// The width of a link line in pixels: (2 + strength) px per text unit at least
// (3 px for a weak link at 100 %: visible from the back of the room however far
// the view is zoomed out), growing with the zoom. `scale` is pixels per world
// unit (zoom × text unit), `unit` the text size (1 = 100 %). Screen and images alike.
double relation_width(int strength, double scale, double unit);

}  // namespace kartla::actor_map
