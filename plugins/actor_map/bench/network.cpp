// Prints the CPU time of one frame of the relationship network with 300 actors
// and 1,000 relations, and of one automatic layout of that graph.
#include "headless.hpp"
#include "model/edits.hpp"
#include "model/layout.hpp"
#include "model/schema.hpp"
#include "model/store.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "views/views.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <set>
#include <vector>

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

void fill(kartla::Workshop& w, int actors, int relations) {
    w.edit("bench", [&](kartla::Database& db) {
        std::vector<std::int64_t> ids;
        for (int i = 0; i < actors; ++i) {
            kartla::actor_map::Actor a;
            a.name = "Aktör " + std::to_string(i + 1) + (i % 3 ? " Östra Höjden" : " fältgrupp");
            a.type_id = 1 + i % 19;
            ids.push_back(kartla::actor_map::add_actor(db, a));
        }
        std::mt19937 random(42);
        std::set<std::pair<int, int>> seen;
        const char* types[] = {"cooperates", "shares_information", "funds", "conflict", "missing"};
        while (int(seen.size()) < relations) {
            int a = int(random() % unsigned(actors)), b = int(random() % unsigned(actors));
            if (a == b || !seen.insert({std::min(a, b), std::max(a, b)}).second) continue;
            kartla::actor_map::Relation r;
            r.from = ids[std::size_t(a)];
            r.to = ids[std::size_t(b)];
            r.type = types[seen.size() % 5];
            r.strength = 1 + int(seen.size() % 3);
            kartla::actor_map::add_relation(db, r);
        }
    });
}

}  // namespace

int main() {
    kartla::test::Headless ui(ImVec2(1600, 900));
    // As the host's OpenGL 3 renderer does: draw lists may pass 65,536 vertices.
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    kartla::ui::set_probes_enabled(false);  // test probes are off in the meeting room
    kartla::Runtime runtime;
    runtime.set_workshop(kartla::Workshop::in_memory());
    auto& workshop = *runtime.workshop();
    workshop.migrate_plugin("actor_map", kartla::actor_map::migrations());
    fill(workshop, 300, 1000);

    double t0 = cpu_ms();
    kartla::actor_map::Snapshot snapshot = kartla::actor_map::load(workshop.db());
    auto positions = kartla::actor_map::layout_network(snapshot);
    double layout_ms = cpu_ms() - t0;
    workshop.edit("layout", [&](kartla::Database& db) {
        for (std::size_t i = 0; i < positions.size(); ++i)
            kartla::actor_map::move_on_network(db, snapshot.actors[i].id, positions[i].x, positions[i].y);
    });

    kartla::actor_map::views::UiState state(runtime.core_host());
    kartla::actor_map::views::NetworkView view(state);
    ui.set_ui([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1600, 900));
        ImGui::Begin("Network###bench");
        view.draw();
        ImGui::End();
    });
    ui.frame(5);  // first frames load the cache and fit the view
    const int frames = 200;
    double t1 = cpu_ms();
    ui.frame(frames);
    double frame_ms = (cpu_ms() - t1) / frames;
    ImDrawData* drawn = ImGui::GetDrawData();
    std::printf("actor network, 300 actors, 1000 relations (1600x900 window, whole graph fitted on screen)\n");
    std::printf("  one frame (ImGui NewFrame + view + Render, no GPU): %.3f ms CPU (%d vertices)\n", frame_ms,
                drawn ? drawn->TotalVtxCount : 0);

    // Zoomed in until the labels are at full size: most of the graph is culled.
    for (int i = 0; i < 12; ++i) ui.wheel(ImVec2(800, 500), 1.0f);
    ui.frame(3);
    double t2 = cpu_ms();
    ui.frame(frames);
    double zoomed_ms = (cpu_ms() - t2) / frames;
    std::printf("  one frame zoomed in (labels readable, rest culled): %.3f ms CPU (%d vertices)\n", zoomed_ms,
                ImGui::GetDrawData()->TotalVtxCount);
    std::printf("  one automatic layout:                               %.1f ms CPU\n", layout_ms);
    return 0;
}
