#include "kartla/chart_geometry.hpp"
#include "kartla/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kartla::doc {

namespace {

constexpr double kLeftAxis = 44, kRightPad = 16, kTopPad = 18, kBottomAxis = 30;

// A step of 1, 2 or 5 × 10^n that cuts `span` into about four parts.
double nice_step(double span) {
    const double raw = span / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0})
        if (raw <= factor * magnitude) return factor * magnitude;
    return 10 * magnitude;
}

}  // namespace

std::string short_number(double value) {
    if (std::abs(value - std::round(value)) < 0.05) return fmt::format("{:.0f}", value);
    return fmt::format("{:.1f}", value);
}

ChartGeometry chart_geometry(const Chart& chart, double width, double height) {
    ChartGeometry g{kLeftAxis, kTopPad, width - kRightPad, height - kBottomAxis, {}, {}, {}};
    std::vector<double> values;
    for (const auto& p : chart.points) values.push_back(p.value);
    if (chart.has_baseline) values.push_back(chart.baseline);
    double lo = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
    double hi = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
    lo = std::min(lo, 0.0);
    if (hi <= lo) hi = lo + 1;
    const double step = nice_step(hi - lo);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    auto y_of = [&](double v) { return g.bottom - (v - lo) / (hi - lo) * (g.bottom - g.top); };
    for (double v = lo; v <= hi + step / 2; v += step) g.ticks.push_back({y_of(v), short_number(v)});
    if (chart.has_baseline) g.baseline_y = y_of(chart.baseline);

    std::vector<long> days;
    for (const auto& p : chart.points) days.push_back(dates::day_number(p.date).value_or(0));
    const auto [first, last] = std::minmax_element(days.begin(), days.end());
    const double inset = 24;  // keeps the first and last value labels inside the plot
    for (std::size_t i = 0; i < chart.points.size(); ++i) {
        double share = 0.5;
        if (*last > *first) share = double(days[i] - *first) / double(*last - *first);
        else if (chart.points.size() > 1) share = double(i) / double(chart.points.size() - 1);
        const double x = g.left + inset + share * (g.right - g.left - 2 * inset);
        g.marks.push_back({x, y_of(chart.points[i].value), short_number(chart.points[i].value), chart.points[i].date});
    }
    return g;
}

}  // namespace kartla::doc
