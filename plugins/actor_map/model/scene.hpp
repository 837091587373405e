#pragma once
// A picture as a list of simple shapes, built once and written as SVG or PNG, so
// the two image formats always show the same thing.
#include "model/actor_types.hpp"
#include "model/layout.hpp"

#include "kartla/translate.hpp"

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace kartla::actor_map {

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0;
    double alpha = 1.0;
    static Colour of(Rgb c, double alpha = 1.0) { return {c.r, c.g, c.b, alpha}; }
};

struct RectShape {
    double x = 0, y = 0, width = 0, height = 0, radius = 0;
    Colour fill;
    bool filled = true;
    Colour stroke;
    double stroke_width = 0;  // 0: no outline
    bool dashed = false;
    std::string title;  // a tooltip/name for the element (SVG <title>), e.g. the actor's full name
};

struct LineShape {
    std::vector<Point> points;
    Colour colour;
    double width = 1;
    double dash_on = 0, dash_off = 0;  // 0: solid
    bool arrow = false;  // an arrow head at the last point
};

enum class Anchor { Start, Middle, End };

struct TextShape {
    double x = 0, y = 0;  // the baseline point
    std::string text;
    double size = 16;
    Colour colour;
    Anchor anchor = Anchor::Start;
    bool bold = false;
    std::string title;  // the full text when `text` is one line of a wrapped name
};

using Shape = std::variant<RectShape, LineShape, TextShape>;

struct Scene {
    int width = 0, height = 0;  // pixels of the PNG, the SVG's viewBox
    std::string title;
    Colour background{255, 255, 255};
    std::vector<Shape> shapes;

    void rect(RectShape r) { shapes.emplace_back(std::move(r)); }
    void line(LineShape l) { shapes.emplace_back(std::move(l)); }
    void text(TextShape t) { shapes.emplace_back(std::move(t)); }
};

// The filled triangle at the end of an arrow of the given line width.
std::vector<Point> arrow_head(const LineShape& line);

// The label of an actor type as shown: built-in labels are msgids.
std::string type_label(const ActorType& type, const Translate& tr);

}  // namespace kartla::actor_map
