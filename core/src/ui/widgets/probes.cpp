// Probes belong to the ImGui context whose frames drew them (host/context_data.hpp):
// a test's or the window's, never the process's.
#include "kartla/widgets.hpp"

#include "host/context_data.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <imgui_internal.h>

#include <unordered_map>
#include <utility>

namespace kartla::ui {

namespace {
struct Probes {
    bool enabled = false;
    std::unordered_map<std::string, std::pair<ImVec2, ImVec2>> rects;
};

Probes* probes() { return context_data<Probes>(); }

// A window ImGui lays out unseen for a frame (a popup measuring itself before it is
// placed) draws its items where nobody sees them: a probe there would send a click
// (or a test) to the wrong place.
bool drawn_unseen() {
    const ImGuiWindow* window = ImGui::GetCurrentContext() ? ImGui::GetCurrentWindowRead() : nullptr;
    return window && (window->Hidden || (window->RootWindow && window->RootWindow->Hidden));
}
}  // namespace

void set_probes_enabled(bool enabled) {
    if (Probes* p = probes()) {
        p->enabled = enabled;
        p->rects.clear();
    }
}

bool probes_enabled() {
    Probes* p = probes();
    return p && p->enabled;
}

void clear_probes() {
    if (Probes* p = probes()) p->rects.clear();
}

void mark_rect(const std::string& key, ImVec2 min, ImVec2 max) {
    if (Probes* p = probes(); p && p->enabled && !drawn_unseen()) p->rects[key] = {min, max};
}

void mark_item(const std::string& key) {
    if (probes_enabled()) mark_rect(key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

bool item_rect(const std::string& key, ImVec2& min, ImVec2& max) {
    Probes* p = probes();
    if (!p) return false;
    auto found = p->rects.find(key);
    if (found == p->rects.end()) return false;
    min = found->second.first;
    max = found->second.second;
    return true;
}

void for_each_probe(const std::function<void(const std::string&, ImVec2, ImVec2)>& visit) {
    if (Probes* p = probes())
        for (const auto& [key, rect] : p->rects) visit(key, rect.first, rect.second);
}

}  // namespace kartla::ui
