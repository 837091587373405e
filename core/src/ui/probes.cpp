#include "kartla/widgets.hpp"

#include <unordered_map>
#include <utility>

namespace kartla::ui {

namespace {
bool g_enabled = false;
std::unordered_map<std::string, std::pair<ImVec2, ImVec2>>& rects() {
    static std::unordered_map<std::string, std::pair<ImVec2, ImVec2>> map;
    return map;
}
}  // namespace

void set_probes_enabled(bool enabled) {
    g_enabled = enabled;
    rects().clear();
}

bool probes_enabled() { return g_enabled; }

void clear_probes() { rects().clear(); }

void mark_rect(const std::string& key, ImVec2 min, ImVec2 max) {
    if (g_enabled) rects()[key] = {min, max};
}

void mark_item(const std::string& key) {
    if (g_enabled) mark_rect(key, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

bool item_rect(const std::string& key, ImVec2& min, ImVec2& max) {
    auto found = rects().find(key);
    if (found == rects().end()) return false;
    min = found->second.first;
    max = found->second.second;
    return true;
}

void for_each_probe(const std::function<void(const std::string&, ImVec2, ImVec2)>& visit) {
    for (const auto& [key, rect] : rects()) visit(key, rect.first, rect.second);
}

}  // namespace kartla::ui
