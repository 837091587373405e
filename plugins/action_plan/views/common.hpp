#pragma once
// Small drawing helpers the action plan's views share.
#include "ui_state.hpp"

#include <imgui.h>

#include <array>
#include <string>
#include <string_view>

namespace kartla::action_plan::views {

// Custom pixel sizes scale with the text, so they stay right on a projector.
inline float px(float pixels) { return pixels * ImGui::GetFontSize() / 20.0f; }

ImU32 light_colour(std::string_view light);
ImU32 status_colour(std::string_view status);
// A filled circle in the text line, in the light's colour (grey outline when unset).
void light_dot(std::string_view light);
// The live-check findings of one measure, as coloured lines in an area `lines` high whatever their number.
void finding_badges(UiState& state, const Measure& measure, int lines = 3);
// The measure's check count as "!2" in the warning colour, or nothing.
void finding_count(UiState& state, const Measure& measure);
// Case-insensitive "contains", folding ASCII and Swedish capitals.
bool contains_folded(std::string_view haystack, std::string_view needle);
std::string folded(std::string_view text);
// A "no workshop" or "kind unavailable" note.
void unavailable_note(UiState& state, const char* msgid);

inline const ImVec4 kWarningColour(0.80f, 0.35f, 0.00f, 1.0f);

}  // namespace kartla::action_plan::views
