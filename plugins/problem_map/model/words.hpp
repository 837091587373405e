#pragma once
// The English msgids of the stored values, in the order of the arrays in
// types.hpp: the views' labels and the documents' words both come from here.
#include <array>

namespace kartla::problem_map {

inline constexpr std::array<const char*, 4> kTrendWords = {"Rising", "Stable", "Falling", "Unknown"};
inline constexpr std::array<const char*, 4> kPoliceClassWords = {"No police class", "Vulnerable area", "Risk area",
                                                                 "Especially vulnerable area"};
inline constexpr std::array<const char*, 4> kConfidenceWords = {"Not assessed", "Low", "Medium", "High"};
inline constexpr std::array<const char*, 9> kSourceWords = {
    "Police statistics", "Safety survey",   "School survey", "NTU (national crime survey)", "Municipal incident reports",
    "Rescue service",    "Housing company", "Staff or citizen dialogue", "Other source"};
inline constexpr std::array<const char*, 4> kSeasonWords = {"Winter", "Spring", "Summer", "Autumn"};
inline constexpr std::array<const char*, 7> kWeekdayWords = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
inline constexpr std::array<const char*, 4> kTimeWords = {"Morning", "Daytime", "Evening", "Night"};
inline constexpr std::array<const char*, 2> kNatureWords = {"Situational", "Social"};
inline constexpr std::array<const char*, 3> kFactorWords = {"Not marked", "Risk factor", "Missing protective factor"};

}  // namespace kartla::problem_map
