#pragma once
// Calendar dates as the ISO 8601 text the workshop stores (YYYY-MM-DD).
#include <optional>
#include <string>
#include <string_view>

namespace action_plan::dates {

// Days since 1970-01-01 of a valid YYYY-MM-DD date (proleptic Gregorian).
std::optional<long> day_number(std::string_view iso);
bool is_valid(std::string_view iso);
std::string from_day_number(long day);
// Today in local time.
std::string today();
// "2026-05" of "2026-05-17"; "" when not a date.
std::string month_of(std::string_view iso);
// "20260517" for iCalendar.
std::string compact(std::string_view iso);

}  // namespace action_plan::dates
