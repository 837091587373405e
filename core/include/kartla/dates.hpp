#pragma once
// Calendar dates as the ISO 8601 text a workshop stores (YYYY-MM-DD): one
// calendar for the core and every plugin (due dates, meeting dates, the
// dates along a chart's axis).
#include "kartla/api.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kartla::dates {

// Days since 1970-01-01 of a valid YYYY-MM-DD date (proleptic Gregorian, year 1900 on).
KARTLA_API std::optional<long> day_number(std::string_view iso);
KARTLA_API bool is_valid(std::string_view iso);
KARTLA_API std::string from_day_number(long day);
// Today in local time.
KARTLA_API std::string today();

}  // namespace kartla::dates
