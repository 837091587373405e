// The shell's menu bar: File, Edit (undo and redo named by their step, the
// plugins' commands), View; the Plugins menu is in shell_plugins.cpp.
#include "ui/widgets/fonts.hpp"
#include "ui/shell/shell.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace kartla::ui {

namespace fs = std::filesystem;

namespace {
constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f};
}  // namespace

void Shell::draw_menu_bar() {
    ChromeText chrome;  // its menus too: they are for the facilitator, not the room
    if (!ImGui::BeginMainMenuBar()) return;
    draw_file_menu();
    draw_edit_menu();
    draw_view_menu();
    draw_plugins_menu();
    draw_safe_mode_note();
    ImGui::EndMainMenuBar();
}

void Shell::draw_file_menu() {
    const bool open = ImGui::BeginMenu(runtime_.translate("File"));
    mark_item("core.menu.file");
    if (!open) return;
    if (ImGui::MenuItem(runtime_.translate("New…"), "Ctrl+N"))
        file_dialog_.show(FileDialog::Purpose::Create, runtime_.translate("New workshop"), ".kartla",
                          [this](const fs::path& p) { create_file(p); });
    if (ImGui::MenuItem(runtime_.translate("Open…"), "Ctrl+O"))
        file_dialog_.show(FileDialog::Purpose::Open, runtime_.translate("Open workshop"), ".kartla",
                          [this](const fs::path& p) { open_file(p); });
    if (ImGui::BeginMenu(runtime_.translate("Recent"), !settings_.recent_files.empty())) {
        for (const auto& file : std::vector<std::string>(settings_.recent_files))
            if (ImGui::MenuItem(file.c_str())) open_file(file);
        ImGui::EndMenu();
    }
    Workshop* workshop = runtime_.workshop();
    if (ImGui::MenuItem(runtime_.translate("Save a copy as…"), "Ctrl+Shift+S", false, workshop != nullptr))
        choose_copy_file();
    if (ImGui::MenuItem(runtime_.translate("Merge another copy…"), nullptr, false, workshop && !workshop->read_only()))
        file_dialog_.show(FileDialog::Purpose::Open, runtime_.translate("Merge another copy"), ".kartla",
                          [this](const fs::path& p) { merge_panel_.start(p); });
    if (ImGui::BeginMenu(runtime_.translate("Export"), workshop != nullptr && !runtime_.registry().exports().empty())) {
        for (const auto& entry : runtime_.registry().exports())
            if (ImGui::MenuItem(runtime_.frontend().translate_in(entry.plugin_id, entry.spec.label.c_str()))) export_to(entry.spec.format);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(runtime_.translate("Quit"), "Ctrl+Q")) request_quit();
    ImGui::EndMenu();
}

namespace {
// "Undo" alone when there is no step, else "Undo <the step's label>", translated now.
std::string step_item(Runtime& runtime, const char* verb, const EditLabel& step) {
    if (step.msgid.empty()) return runtime.translate(verb);
    return fmt::format("{} {}", runtime.translate(verb), runtime.frontend().step_text(step));
}
}  // namespace

std::string Shell::undo_menu_text() {
    Workshop* w = runtime_.workshop();
    return step_item(runtime_, "Undo", w ? w->undo_step() : EditLabel{});
}

std::string Shell::redo_menu_text() {
    Workshop* w = runtime_.workshop();
    return step_item(runtime_, "Redo", w ? w->redo_step() : EditLabel{});
}

void Shell::draw_edit_menu() {
    const bool open = ImGui::BeginMenu(runtime_.translate("Edit"));
    mark_item("core.menu.edit");
    if (!open) return;
    Workshop* w = runtime_.workshop();
    if (ImGui::MenuItem(undo_menu_text().c_str(), "Ctrl+Z", false, w && w->can_undo())) undo();
    if (ImGui::MenuItem(redo_menu_text().c_str(), "Ctrl+Y", false, w && w->can_redo())) redo();
    if (!runtime_.registry().commands().empty()) ImGui::Separator();
    auto commands = runtime_.registry().commands();  // a command may disable its plugin
    for (const auto& command : commands) {
        bool enabled = !command.spec.enabled || command.spec.enabled();
        if (ImGui::MenuItem(runtime_.frontend().translate_in(command.plugin_id, command.spec.label.c_str()),
                            shortcut_text(command.spec.shortcut).c_str(),
                            false, enabled))
            runtime_.attempt(command.plugin_id, "The command failed", [&] { command.spec.run(); });
    }
    ImGui::EndMenu();
}

void Shell::draw_view_menu() {
    const bool open = ImGui::BeginMenu(runtime_.translate("View"));
    mark_item("core.menu.view");
    if (!open) return;
    if (ImGui::BeginMenu(runtime_.translate("Text size"))) {
        for (float scale : kTextScales) {
            std::string label = fmt::format("{} %", int(scale * 100));
            if (ImGui::MenuItem(label.c_str(), nullptr, settings_.text_scale == scale)) set_text_scale(scale);
        }
        ImGui::Separator();
        ImGui::MenuItem(runtime_.translate("Larger"), "Ctrl++");
        ImGui::MenuItem(runtime_.translate("Smaller"), "Ctrl+-");
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(runtime_.translate("Full screen"), "F11")) fullscreen_toggle_ = true;
    if (ImGui::BeginMenu(runtime_.translate("Language"))) {
        for (auto [code, name] : {std::pair{"sv", "Svenska"}, std::pair{"en", "English"}})
            if (ImGui::MenuItem(name, nullptr, language() == code)) choose_language(code);
        ImGui::EndMenu();
    }
    draw_meeting_menu_items();
    ImGui::Separator();
    stage_.draw_menu_items();
    ImGui::EndMenu();
}

}  // namespace kartla::ui
