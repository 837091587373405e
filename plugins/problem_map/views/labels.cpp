#include "labels.hpp"

#include "model/words.hpp"

#include <fmt/format.h>

#include <imgui.h>

namespace kartla::problem_map::views {

namespace {
template <std::size_t N>
std::vector<const char*> translated(UiState& c, const std::array<const char*, N>& msgids) {
    std::vector<const char*> out;
    for (const char* msgid : msgids) out.push_back(c.tr(msgid));
    return out;
}
}  // namespace

std::vector<const char*> trend_labels(UiState& c) { return translated(c, kTrendWords); }
std::vector<const char*> police_class_labels(UiState& c) { return translated(c, kPoliceClassWords); }
std::vector<const char*> confidence_labels(UiState& c) { return translated(c, kConfidenceWords); }
std::vector<const char*> source_labels(UiState& c) { return translated(c, kSourceWords); }
std::vector<const char*> season_labels(UiState& c) { return translated(c, kSeasonWords); }
std::vector<const char*> weekday_labels(UiState& c) { return translated(c, kWeekdayWords); }
std::vector<const char*> time_labels(UiState& c) { return translated(c, kTimeWords); }
std::vector<const char*> nature_labels(UiState& c) { return translated(c, kNatureWords); }
std::vector<const char*> factor_labels(UiState& c) { return translated(c, kFactorWords); }

const char* trend_label(UiState& c, const std::string& trend) {
    int index = index_of(kTrends, trend);
    return trend_labels(c)[std::size_t(index < 0 ? 3 : index)];
}

const char* trend_arrow(const std::string& trend) {
    if (trend == "rising") return "\u2191";
    if (trend == "falling") return "\u2193";
    if (trend == "stable") return "\u2192";
    return "?";
}

std::string area_label(UiState& c, const Area& area) {
    int index = index_of(kPoliceClasses, area.police_class);
    if (index <= 0) return area.name;
    return area.name + " (" + police_class_labels(c)[std::size_t(index)] + ")";
}

unsigned int packed_color(std::uint32_t rgb, float towards_white) {
    float r = float((rgb >> 16) & 0xFF) / 255.0f, g = float((rgb >> 8) & 0xFF) / 255.0f, b = float(rgb & 0xFF) / 255.0f;
    r += (1 - r) * towards_white;
    g += (1 - g) * towards_white;
    b += (1 - b) * towards_white;
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1.0f));
}

std::string dots_left_text(UiState& c, int budget, int used) {
    if (used <= budget) return fmt::format(fmt::runtime(c.tr("Dots left for the chosen voter: {}")), budget - used);
    return fmt::format(fmt::runtime(c.tr("The chosen voter has {} dots more than the budget")), used - budget);
}

}  // namespace kartla::problem_map::views
