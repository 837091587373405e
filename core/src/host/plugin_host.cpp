#include "host/plugin_host.hpp"

#include <fmt/format.h>

namespace kartla {

EditResult PluginHost::edit(std::string_view label_msgid, const std::function<void(Database&)>& change) {
    auto refuse = [this](const char* msgid) {
        const char* text = runtime_.translate(msgid);
        show_message(text);
        return EditResult{false, false, text};
    };
    Workshop* w = workshop();
    if (!w) return refuse("No workshop is open.");
    if (w->read_only()) return refuse("Read-only: changes are not saved.");
    auto result = w->edit(EditLabel{id_, std::string(label_msgid)}, change);
    if (!result) show_message(result.message);
    return result;
}

void PluginHost::log(LogLevel level, std::string_view message) {
    runtime_.post_message(level, fmt::format("{}: {}", id_, message));
}

ImGuiContext* PluginHost::imgui_context() { return ImGui::GetCurrentContext(); }

}  // namespace kartla
