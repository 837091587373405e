#include "host/plugin_host.hpp"

#include <fmt/format.h>

namespace kartla {

// A plugin's edit: its label in its own catalogue, in the undo step of `group`
// (a text field's visit, or none), through the session's one edit path.
EditResult PluginHost::edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                            EditGroup group) {
    if (!workshop()) {  // none open, or this plugin's tables are not usable in it
        const char* text = runtime_.translate(Session::refusal_msgid(Session::Refusal::NoWorkshop));
        show_message(text);
        return EditResult{false, false, text};
    }
    Session::Outcome outcome = runtime_.session().edit(EditLabel{id_, std::string(label_msgid)}, change, group);
    if (outcome.refused != Session::Refusal::None) {
        const char* text = runtime_.translate(outcome.result.message.c_str());
        show_message(text);
        return EditResult{false, false, text};
    }
    if (!outcome.result) show_message(outcome.result.message);  // a text field keeps its text and tries again
    return outcome.result;
}

void PluginHost::log(LogLevel level, std::string_view message) {
    runtime_.messages().post(level, fmt::format("{}: {}", id_, message));
}

ImGuiContext* PluginHost::imgui_context() { return ImGui::GetCurrentContext(); }

}  // namespace kartla
