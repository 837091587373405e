// Benchmark (not a test): CPU time of one board frame at 500, 5,000 and 20,000
// cards. Loads the real plugin into a host runtime with an in-memory workshop,
// draws the problem picture window headless and times frames with the CPU clock.
#include "model/edits.hpp"

#include "host/runtime.hpp"
#include "ui/widgets/fonts.hpp"

#include "kartla/plugin_api.hpp"

#include <imgui.h>

#include <cstdio>
#include <ctime>

namespace {

using namespace kartla;

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// N cards in a square grid, a cluster per 100 cards, every third card with dots' worth of fields set.
void fill(Workshop& w, int n) {
    w.edit("bench", [&](Database& db) {
        int side = 1;
        while (side * side < n) ++side;
        for (int c = 0; c < n / 100; ++c) {
            int cx = (c % (side / 10 + 1)) * 10, cy = (c / (side / 10 + 1)) * 10;
            db.run("INSERT INTO problem_map_cluster(name, x, y, w, h) VALUES (?, ?, ?, ?, ?)", "Kluster " + std::to_string(c),
                   double(cx * 270 - 10), double(cy * 150 - 60), 2700.0, 1500.0);
        }
        for (int i = 0; i < n; ++i)
            db.run("INSERT INTO problem_map_card(title, category_id, severity, trend, x, y) VALUES (?, ?, ?, ?, ?, ?)",
                   "Problemkort nr " + std::to_string(i) + " – otrygghet på torget", std::int64_t(1 + i % 11),
                   std::int64_t(i % 6), i % 2 ? "rising" : "stable", double((i % side) * 270), double((i / side) * 150));
    });
}

int g_vertices = 0;  // of the last frame: shows how much was drawn after culling

double time_frames(int frames, const ViewSpec& view) {
    auto one = [&] {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("Problem picture###problem_map.board");
        view.draw();
        ImGui::End();
        ImGui::Render();
        g_vertices = ImGui::GetDrawData()->TotalVtxCount;
    };
    for (int i = 0; i < 5; ++i) one();  // warm up: snapshot loaded, layout settled
    double start = cpu_ms();
    for (int i = 0; i < frames; ++i) one();
    return (cpu_ms() - start) / frames;
}

void press(int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
}
void release(int key) { ImGui::GetIO().KeysDown[key] = false; }

}  // namespace

int main() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 900);
    io.DeltaTime = 1.0f / 60.0f;
    // As the host's OpenGL 3 renderer does: a draw list may pass 65,536 vertices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    ui::build_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

    std::printf("Board frame CPU time (1600x900, DejaVu Sans 20 px, ms per frame)\n");
    std::printf("%8s  %24s  %30s\n", "cards", "opening view: ms (vertices)", "\"Show all\": ms (vertices)");
    for (int n : {500, 5000, 20000}) {
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        if (!runtime.plugins().load(KARTLA_PLUGIN_FILE)) {
            std::fprintf(stderr, "could not load %s\n", KARTLA_PLUGIN_FILE);
            return 1;
        }
        runtime.set_workshop(Workshop::in_memory());
        fill(*runtime.workshop(), n);
        const ViewSpec* board = nullptr;
        for (const auto& view : runtime.registry().views())
            if (view.spec.key == "problem_map.board") board = &view.spec;
        if (!board) return 1;
        double opening = time_frames(60, *board);
        int opening_vertices = g_vertices;
        press(keys::Home);  // "Show all": every card on screen, the worst case for culling
        time_frames(1, *board);
        release(keys::Home);
        double whole = time_frames(20, *board);
        std::printf("%8d  %15.2f (%7d)  %21.2f (%7d)\n", n, opening, opening_vertices, whole, g_vertices);
    }
    ImGui::DestroyContext();
    return 0;
}
