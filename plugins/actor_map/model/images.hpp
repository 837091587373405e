#pragma once
// The two pictures the report and the action plan need: the relationship network
// and the influence x interest grid, as scenes and as SVG / PNG files.
#include "model/gaps.hpp"
#include "model/scene.hpp"

#include <filesystem>
#include <string>

namespace kartla::actor_map {

inline constexpr int kNetworkImageWidth = 1920, kNetworkImageHeight = 1200;
inline constexpr int kGridImageWidth = 1600, kGridImageHeight = 1200;

Scene network_scene(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr);
Scene grid_scene(const Snapshot& snapshot, const Translate& tr);

// The grid's quadrants: which one a position falls in, and its label (a msgid).
const char* quadrant_msgid(double interest, double influence);

std::string to_svg(const Scene& scene);
void write_svg(const Scene& scene, const std::filesystem::path& out);
// Throws std::runtime_error when cairo cannot write the file.
void write_png(const Scene& scene, const std::filesystem::path& out);
// The same PNG in memory (for the workshop report).
std::string png_bytes(const Scene& scene);

}  // namespace kartla::actor_map
