#pragma once
// Calendar dates as the ISO 8601 text the workshop stores (YYYY-MM-DD): the
// SDK's calendar, and the two forms the action plan's exports need.
#include "kartla/dates.hpp"

#include <string>
#include <string_view>

namespace kartla::action_plan::dates {

using kartla::dates::day_number;
using kartla::dates::from_day_number;
using kartla::dates::is_valid;
using kartla::dates::today;

// "2026-05" of "2026-05-17"; "" when not a date.
std::string month_of(std::string_view iso);
// "20260517" for iCalendar.
std::string compact(std::string_view iso);

}  // namespace kartla::action_plan::dates
