#pragma once
// Where a chart's parts go inside a box: the report's HTML (SVG) and PDF
// (cairo) writers and the follow-up view on screen draw the same geometry, so
// all of them show the same chart.
#include "kartla/document.hpp"
#include "kartla/api.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kartla::doc {

struct ChartGeometry {
    double left = 0, top = 0, right = 0, bottom = 0;  // the plot area
    struct Mark {
        double x = 0, y = 0;
        std::string value;  // the value, shortly ("38", "4.5")
        std::string date;
    };
    std::vector<Mark> marks;  // oldest first
    struct Tick {
        double y = 0;
        std::string text;
    };
    std::vector<Tick> ticks;  // on the value axis, from the bottom
    std::optional<double> baseline_y;
};

// Dates spread the points along x (an uneven gap between meetings shows); the
// value axis starts at zero for positive data, so a small change is not blown up.
KARTLA_API ChartGeometry chart_geometry(const Chart& chart, double width, double height);

// A value written shortly: no trailing zeros, at most one decimal.
KARTLA_API std::string short_number(double value);

}  // namespace kartla::doc
