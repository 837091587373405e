#pragma once
// Key codes for shortcuts. ImGui 1.86 indexes io.KeysDown[] by the backend's own
// codes; the host uses GLFW, whose codes are these (printable keys are ASCII).
// The core never includes GLFW, so the values are spelled out here.
#include "kartla/api.hpp"

#include <functional>

namespace kartla::keys {
inline constexpr int Space = 32, Apostrophe = 39, Comma = 44, Minus = 45, Period = 46, Slash = 47;
inline constexpr int Digit0 = 48, Digit1 = 49, Equal = 61;
inline constexpr int A = 65, B = 66, C = 67, D = 68, E = 69, F = 70, G = 71, H = 72, I = 73, J = 74, K = 75, L = 76,
                     M = 77, N = 78, O = 79, P = 80, Q = 81, R = 82, S = 83, T = 84, U = 85, V = 86, W = 87, X = 88,
                     Y = 89, Z = 90;
inline constexpr int Escape = 256, Enter = 257, Tab = 258, Backspace = 259, Insert = 260, Delete = 261;
inline constexpr int Right = 262, Left = 263, Down = 264, Up = 265, PageUp = 266, PageDown = 267, Home = 268, End = 269;
inline constexpr int F1 = 290, F2 = 291, F5 = 294, F6 = 295, F11 = 300;
inline constexpr int KeypadSubtract = 333, KeypadAdd = 334, KeypadEnter = 335;
inline constexpr int LeftShift = 340, LeftControl = 341, LeftAlt = 342, RightShift = 344, RightControl = 345;


// True in the frame a key that types `character` on the user's keyboard layout
// (the host reports it: ui/widgets/key_layout.hpp) was pressed, with Ctrl held
// as `ctrl` says. Shift is not compared: "+" needs it on a US keyboard and
// not on a Swedish one.
KARTLA_API bool character_pressed(int character, bool ctrl);
}  // namespace kartla::keys
