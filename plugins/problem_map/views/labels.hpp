#pragma once
// The words shown for stored values, as English msgids translated by the host.
// Order matches the arrays in model/types.hpp.
#include "context.hpp"

#include <string>
#include <vector>

namespace kartla::problem_map::views {

std::vector<const char*> trend_labels(Context& c);         // kTrends
std::vector<const char*> police_class_labels(Context& c);  // kPoliceClasses
std::vector<const char*> confidence_labels(Context& c);    // kConfidences
std::vector<const char*> source_labels(Context& c);        // kSources
std::vector<const char*> season_labels(Context& c);        // kSeasons
std::vector<const char*> weekday_labels(Context& c);       // kWeekdays
std::vector<const char*> time_labels(Context& c);          // kTimesOfDay
std::vector<const char*> nature_labels(Context& c);        // kNatures
std::vector<const char*> factor_labels(Context& c);        // kFactors
const char* trend_label(Context& c, const std::string& trend);
const char* trend_arrow(const std::string& trend);  // ↑ → ↓ ?
std::string area_label(Context& c, const Area& area);  // "Östra Höjden (vulnerable area)"
// 0xRRGGBB to ImGui's packed colour, optionally mixed towards white.
unsigned int packed_color(std::uint32_t rgb, float towards_white = 0.0f);

}  // namespace kartla::problem_map::views
