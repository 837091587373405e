// The shell's part in plugins: the Plugins menu, safe mode shown in the menu
// bar, and the question after a start that a plugin took down (safe start,
// plugin_start_guard.hpp). Kept apart from shell.cpp, which handles files,
// menus and the stage.
#include "ui/shell/shell.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace kartla::ui {

namespace {

const char* state_of(const PluginRecord& plugin) {
    switch (plugin.status) {
        case PluginStatus::Loaded: return plugin.workshop_problem.empty() ? "loaded" : "not available in this workshop";
        case PluginStatus::Disabled: return "turned off";
        case PluginStatus::Skipped: return "left out of this start";
        case PluginStatus::Failed: break;
    }
    return "not loaded";
}

}  // namespace

void Shell::draw_plugins_menu() {
    if (!ImGui::BeginMenu(runtime_.translate("Plugins"))) return;
    if (runtime_.plugins().safe_mode())
        ImGui::TextUnformatted(runtime_.translate("Safe mode: no plugins were loaded. Start kartla without --safe-mode to use them."));
    else if (runtime_.plugins().empty())
        ImGui::TextDisabled("%s", runtime_.translate("No plugins were found."));
    for (const auto& plugin : runtime_.plugins()) {
        ImGui::Text("%s %s: %s", runtime_.translate(plugin->name.c_str()), plugin->version.c_str(),
                    runtime_.translate(state_of(*plugin)));
        std::string why = !plugin->message.empty() ? plugin->message : plugin->workshop_problem;
        if (!why.empty()) {
            ImGui::Indent();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            ImGui::TextDisabled("%s", why.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent();
        }
        const bool turned_off = plugin->status == PluginStatus::Disabled;
        if (plugin->held_back || turned_off) {
            ImGui::Indent();
            std::string label = fmt::format("{}###core.plugins.retry.{}",
                                            runtime_.translate(turned_off ? "Turn on again" : "Try again"), plugin->id);
            if (ImGui::MenuItem(label.c_str())) retry_pending_ = plugin->id;  // after the frame: the list changes
            mark_item("core.plugins.retry." + plugin->id);
            ImGui::Unindent();
        }
    }
    ImGui::EndMenu();
}

void Shell::draw_safe_mode_note() {
    if (!runtime_.plugins().safe_mode()) return;
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.85f, 0.35f, 0.05f, 1), "%s", runtime_.translate("Safe mode: no plugins"));
    mark_item("core.safe_mode_note");
}

// After a start that died while starting a plugin: start without it, or try again.
void Shell::draw_plugin_start_question() {
    auto to_ask = runtime_.plugins().held_back_to_ask();
    if (to_ask.empty() || !error_dialog_.empty()) return;
    const HeldBackPlugin& plugin = to_ask.front();
    std::string title = fmt::format("{}###core.plugin_crash", runtime_.translate("A plugin stopped kartla"));
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 29);
    ImGui::TextUnformatted(fmt::format(fmt::runtime(runtime_.translate(
                                           "The last time kartla started, it stopped while starting the plugin "
                                           "\u201c{}\u201d ({}). kartla has started without it.")),
                                       plugin.shown(), plugin.path.string())
                               .c_str());
    ImGui::PopTextWrapPos();
    if (big_button(fmt::format(fmt::runtime(runtime_.translate("Start without {}")), plugin.shown()).c_str())) {
        runtime_.plugins().start_without(plugin.id);
        ImGui::CloseCurrentPopup();
    }
    mark_item("core.plugin_crash.without");
    if (big_button(runtime_.translate("Try again"))) {
        retry_pending_ = plugin.id;
        ImGui::CloseCurrentPopup();
    }
    mark_item("core.plugin_crash.retry");
    ImGui::EndPopup();
}

void Shell::run_pending_plugin_retry() {
    if (retry_pending_.empty()) return;
    std::string id = std::exchange(retry_pending_, {});
    if (runtime_.plugins().retry(id))
        runtime_.messages().post(LogLevel::Info, fmt::format("{}: {}", runtime_.translate("Plugin started"), id));
}

}  // namespace kartla::ui
