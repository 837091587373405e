#pragma once
// What the board's files share: board_view.cpp (the frame: toolbar, canvas,
// fitting the view), board_input.cpp (pointer and keys: gestures, new cards and
// frames, the title editor) and board_paint.cpp (the picture: clusters, cards
// at every zoom, banner, legend, the room's pointer).
#include <imgui.h>

namespace kartla::problem_map::views::board {

inline constexpr float kClusterHeader = 48.0f;  // world units
inline constexpr float kResizeHandle = 30.0f;
inline constexpr float kOpeningZoom = 0.75f;     // the least zoom the board opens at: card text stays readable
inline constexpr float kTitleScale = 1.1f;       // card titles a little larger than the interface text
// "Show all" shrinks the board no further than card titles at 0.66 of the interface text
// (13 px at 100 %, 40 px at 300 %): with more cards it shows the first cluster, not 7 px text.
inline constexpr float kLeastShowAllZoom = 0.6f;
inline constexpr float kMinReadablePixels = 8.0f;  // smaller text is not drawn at all: unreadable text is noise
inline constexpr ImU32 kBoardBackground = IM_COL32(244, 241, 234, 255);
inline constexpr ImU32 kInk = IM_COL32(20, 20, 28, 255);
inline constexpr ImU32 kSelected = IM_COL32(30, 90, 200, 255);
inline constexpr ImU32 kJoining = IM_COL32(46, 140, 67, 255);
inline constexpr ImU32 kFaceDown = IM_COL32(70, 76, 88, 255);
inline constexpr ImU32 kPointer = IM_COL32(235, 110, 0, 255);  // the host's follow-me orange

inline ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

inline bool pressed(int key) { return ImGui::IsKeyPressed(key, false); }

}  // namespace kartla::problem_map::views::board
