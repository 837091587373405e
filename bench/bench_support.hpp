#pragma once
// What the benchmarks share: clocks, percentiles, and the problem board drawn
// headless in an ImGui context of their own, as the window would draw it.
#include "kartla/plugin_api.hpp"
#include "ui/widgets/fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <vector>

namespace kartla::bench {

inline double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU time of this thread: what a frame costs, whatever else the machine does.
inline double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    const auto i = std::size_t(std::min(double(v.size() - 1), std::ceil(p / 100.0 * double(v.size())) - 1));
    return v[i];
}

inline double median(const std::vector<double>& v) { return percentile(v, 50); }

// An ImGui context with the program's fonts, 1600x900, no window: call once.
inline void start_headless_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the OpenGL 3 renderer
    ui::build_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

// One frame of a main view filling the display, as the stage draws it.
inline void frame(const ViewSpec& view) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Problem picture###problem_map.board");
    view.draw();
    ImGui::End();
    ImGui::Render();
}

}  // namespace kartla::bench
