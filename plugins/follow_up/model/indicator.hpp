#pragma once
// An indicator over time: the values recorded at each follow-up meeting, read
// as numbers where they start with one ("38 % otrygga" → 38), for a chart.
#include "change_text.hpp"
#include "follow_up.hpp"

#include "kartla/document.hpp"

#include <optional>
#include <string_view>

namespace kartla::follow_up {

// The number a value starts with: "41 anmälda" → 41, "4,5 %" → 4.5, "−3" → -3.
// nullopt when there is none ("Ingen mätning").
std::optional<double> leading_number(std::string_view text);

struct IndicatorPoint {
    std::string date;  // when measured, or the meeting's date when not given
    double value = 0;
    std::string text;  // as recorded
};

// The measure's recorded indicator values that are numbers, oldest meeting first.
std::vector<IndicatorPoint> indicator_series(Database& db, std::int64_t measure_id);

// The chart of a measure's indicator (a published `measure` entity): its values
// over time and, when it starts with a number, the baseline. nullopt without values.
std::optional<kartla::doc::Chart> indicator_chart(Database& db, const Entity& measure, const Translate& tr);
// One chart per measure that has values, titled "measure — indicator", for a list of them.
std::vector<kartla::doc::Chart> indicator_charts(Database& db, const std::vector<Entity>& measures, const Translate& tr);

}  // namespace kartla::follow_up
