#include "plugin_host.hpp"

#include <fmt/format.h>

namespace kartla {

void PluginHost::add_schema(std::vector<std::string> migrations) {
    if (auto* plugin = runtime_.find(id_)) plugin->migrations = std::move(migrations);
}

Workshop* PluginHost::workshop() {
    if (id_ == "core") return runtime_.workshop();
    auto* plugin = runtime_.find(id_);
    if (!plugin || !plugin->workshop_problem.empty()) return nullptr;
    return runtime_.workshop();
}

void PluginHost::log(LogLevel level, std::string_view message) {
    runtime_.post_message(level, fmt::format("{}: {}", id_, message));
}

ImGuiContext* PluginHost::imgui_context() { return ImGui::GetCurrentContext(); }

}  // namespace kartla
