#pragma once
// The words shown for stored values, as English msgids translated by the host.
// Order matches the arrays in model/types.hpp.
#include "ui_state.hpp"

#include <string>
#include <vector>

namespace kartla::problem_map::views {

std::vector<const char*> trend_labels(UiState& c);         // kTrends
std::vector<const char*> police_class_labels(UiState& c);  // kPoliceClasses
std::vector<const char*> confidence_labels(UiState& c);    // kConfidences
std::vector<const char*> source_labels(UiState& c);        // kSources
std::vector<const char*> season_labels(UiState& c);        // kSeasons
std::vector<const char*> weekday_labels(UiState& c);       // kWeekdays
std::vector<const char*> time_labels(UiState& c);          // kTimesOfDay
std::vector<const char*> nature_labels(UiState& c);        // kNatures
std::vector<const char*> factor_labels(UiState& c);        // kFactors
const char* trend_label(UiState& c, const std::string& trend);
const char* trend_arrow(const std::string& trend);  // ↑ → ↓ ?
std::string area_label(UiState& c, const Area& area);  // "Östra Höjden (vulnerable area)"
// What a voter has left of the budget; over it (the budget lowered after voting, or a
// file from elsewhere) that is said, never a negative number of dots.
std::string dots_left_text(UiState& c, int budget, int used);
// 0xRRGGBB to ImGui's packed colour, optionally mixed towards white.
unsigned int packed_color(std::uint32_t rgb, float towards_white = 0.0f);

}  // namespace kartla::problem_map::views
