#include "indicator.hpp"

#include "kartla/chart_geometry.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>

namespace kartla::follow_up {

std::optional<double> leading_number(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    bool negative = false;
    if (text.substr(i).starts_with("−")) negative = true, i += std::string_view("−").size();  // U+2212
    else if (i < text.size() && text[i] == '-') negative = true, ++i;
    if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    double value = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) value = value * 10 + (text[i] - '0');
    // A decimal comma (Swedish) or point, only when a digit follows: "7, 8 och 9" is 7.
    if (i + 1 < text.size() && (text[i] == ',' || text[i] == '.') && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        double scale = 0.1;
        for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, scale /= 10)
            value += (text[i] - '0') * scale;
    }
    return negative ? -value : value;
}

std::vector<IndicatorPoint> indicator_series(Database& db, std::int64_t measure_id) {
    std::map<std::int64_t, std::string> meeting_dates;
    for (const auto& m : follow_up_meetings(db)) meeting_dates[m.id] = m.date;
    std::vector<IndicatorPoint> out;
    for (const Record& r : history(db, measure_id)) {
        auto value = leading_number(r.indicator_value);
        if (!value) continue;
        out.push_back({r.indicator_date.empty() ? meeting_dates[r.meeting_id] : r.indicator_date, *value, r.indicator_value});
    }
    return out;
}

std::optional<kartla::doc::Chart> indicator_chart(Database& db, const Entity& measure, const Translate& tr) {
    const auto series = indicator_series(db, measure.id);
    if (series.empty()) return std::nullopt;
    kartla::doc::Chart chart{measure.attribute("indicator"), {}, false, 0, {}};
    for (const auto& p : series) chart.points.push_back({p.date, p.value});
    const std::string baseline = measure.attribute("baseline");
    if (auto value = leading_number(baseline)) {
        chart.has_baseline = true;
        chart.baseline = *value;
        chart.baseline_label = std::string(tr("Baseline")) + ": " + baseline;
    }
    return chart;
}

std::vector<kartla::doc::Chart> indicator_charts(Database& db, const std::vector<Entity>& measures, const Translate& tr) {
    std::vector<kartla::doc::Chart> out;
    for (const Entity& m : measures)
        if (auto chart = indicator_chart(db, m, tr)) {
            chart->title = chart->title.empty() ? m.label : m.label + " — " + chart->title;
            // What the line shows, in words; the values themselves go in the table beside it.
            const auto& first = chart->points.front();
            const auto& last = chart->points.back();
            chart->alt = fmt::format(fmt::runtime(tr("Line chart of {}: {} values from {} ({}) to {} ({}); they are listed "
                                                     "in the table beside it.")),
                                     chart->title, chart->points.size(), kartla::doc::short_number(first.value), first.date,
                                     kartla::doc::short_number(last.value), last.date);
            out.push_back(std::move(*chart));
        }
    return out;
}

}  // namespace kartla::follow_up
