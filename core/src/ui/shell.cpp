#include "shell.hpp"

#include "kartla/core_data.hpp"
#include "kartla/dates.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "paths.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace kartla::ui {

namespace fs = std::filesystem;

namespace {

constexpr float kTextScales[] = {1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f, 3.0f};

bool pressed(int key, bool ctrl, bool shift = false) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl == ctrl && io.KeyShift == shift && ImGui::IsKeyPressed(key, false);
}

// The area below the menu bar and above the status bar. Computed, not read from the
// viewport, because the viewport learns of the menu bar only one frame later.
void work_area(ImVec2& origin, ImVec2& size) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float menu = ImGui::GetFrameHeight();
    float status = ImGui::GetFrameHeightWithSpacing();
    origin = ImVec2(viewport->Pos.x, viewport->Pos.y + menu);
    size = ImVec2(viewport->Size.x, viewport->Size.y - menu - status);
}

}  // namespace

Shell::Shell(Runtime& runtime, Settings& settings, fs::path settings_file)
    : runtime_(runtime),
      settings_(settings),
      settings_file_(std::move(settings_file)),
      workshop_panel_(runtime),
      privacy_panel_(runtime),
      stage_(runtime, settings),
      agenda_panel_(runtime) {
    set_language(settings_.language.empty() ? system_language() : settings_.language);
    runtime_.translate = [this](const char* msgid) { return translations_.translate(msgid); };
    runtime_.translate_in = [this](std::string_view component, const char* msgid) {
        return translations_.translate_in(component, msgid);
    };
    runtime_.show_view = [this](std::string_view key) { stage_.show(key); };
    set_widget_translator(runtime_.translate);
    // The workshop panel is a view like any plugin's, first on the stage.
    runtime_.core_host().add_view(
        {"core.workshop", "Workshop", true, [this] { workshop_panel_.draw(); }, ViewPlacement::Main, 0});
    runtime_.core_host().add_view(
        {"core.privacy", "Personal data", true, [this] { privacy_panel_.draw(); }, ViewPlacement::Main, 90});
    // The facilitator's agenda and meeting notes stand beside every main view.
    runtime_.core_host().add_view(
        {"core.agenda", "Agenda", true, [this] { agenda_panel_.draw(); }, ViewPlacement::Side, 0});
    runtime_.core_host().add_view({"core.meeting_notes", "Decisions and parking lot", false,
                                   [this] { agenda_panel_.draw_notes(); }, ViewPlacement::Side, 1});
}

Shell::~Shell() {
    if (Workshop* w = runtime_.workshop()) agenda_panel_.runner().save_spent(*w);  // a running step's time
    set_widget_translator(nullptr);
    runtime_.translate = [](const char* msgid) { return msgid; };
    runtime_.translate_in = [](std::string_view, const char* msgid) { return msgid; };
    runtime_.remove_view("core.workshop");
    runtime_.remove_view("core.privacy");
    runtime_.remove_view("core.agenda");
    runtime_.remove_view("core.meeting_notes");
    runtime_.show_view = nullptr;
}

void Shell::set_language(const std::string& language) {
    translations_.load(paths::asset_dir() / "i18n", language);
}

void Shell::save_settings() const {
    if (!settings_file_.empty()) settings_.save(settings_file_);
}

void Shell::show_error(std::string message) {
    error_dialog_ = std::move(message);
    error_dialog_opening_ = true;
}

bool Shell::open_file(const fs::path& path) {
    auto opened = Workshop::open(path, OpenMode::ReadWrite, true);
    if (auto* e = std::get_if<OpenError>(&opened)) {
        show_error(e->message);
        return false;
    }
    runtime_.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    settings_.remember_file(fs::absolute(path).string());
    save_settings();
    if (auto note = runtime_.workshop()->storage_note(); !note.empty()) runtime_.post_message(LogLevel::Info, note);
    return true;
}

bool Shell::create_file(const fs::path& path) {
    auto created = Workshop::create(path, true);
    if (auto* e = std::get_if<OpenError>(&created)) {
        show_error(e->message);
        return false;
    }
    auto workshop = std::move(std::get<std::unique_ptr<Workshop>>(created));
    workshop->edit("New workshop", [&](Database& db) {
        core_data::set_meta(db, "title", path.stem().string());
        core_data::set_meta(db, "date", dates::today());
        core_data::add_meeting(db, {0, "mapping", runtime_.translate("Mapping meeting"), dates::today(), "", ""});
    });
    workshop->clear_history();  // the new file itself is not an undoable step
    runtime_.set_workshop(std::move(workshop));
    settings_.remember_file(fs::absolute(path).string());
    save_settings();
    return true;
}

std::string Shell::window_title() const {
    Workshop* workshop = runtime_.workshop();
    std::string safe = runtime_.safe_mode() ? fmt::format(" ({})", runtime_.translate("safe mode")) : "";
    if (!workshop) return "kartla" + safe;
    std::string title;
    try {
        title = core_data::meta(workshop->db(), "title");
    } catch (const SqliteError&) {
        // A file that cannot be read right now (a USB stick pulled out) must not end the program.
    }
    std::string file = workshop->path().filename().string();
    return title.empty() ? fmt::format("{} — kartla{}", file, safe) : fmt::format("{} — {} — kartla{}", title, file, safe);
}

std::string Shell::room_window_title() const {
    return fmt::format("{} — kartla", runtime_.translate("Room view"));
}

void Shell::set_text_scale(float scale) {
    scale = std::clamp(scale, 1.0f, 3.0f);
    if (scale == settings_.text_scale) return;
    settings_.text_scale = scale;
    fonts_dirty_ = true;
    save_settings();
}

void Shell::request_quit() {
    // Leave any active text field first, so its value is committed this frame.
    ImGui::ClearActiveID();
    quit_requested_ = true;
}

void Shell::undo() {
    if (Workshop* w = runtime_.workshop(); w && w->can_undo()) {
        std::string label = runtime_.step_text(w->undo_step());
        auto result = w->undo();
        runtime_.post_message(result ? LogLevel::Info : LogLevel::Error,
                              result ? fmt::format("{}: {}", runtime_.translate("Undone"), label) : result.message);
    }
}

void Shell::redo() {
    if (Workshop* w = runtime_.workshop(); w && w->can_redo()) {
        std::string label = runtime_.step_text(w->redo_step());
        auto result = w->redo();
        runtime_.post_message(result ? LogLevel::Info : LogLevel::Error,
                              result ? fmt::format("{}: {}", runtime_.translate("Redone"), label) : result.message);
    }
}

void Shell::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (handle_meeting_shortcuts()) return;
    if (pressed(keys::Q, true)) request_quit();
    if (pressed(keys::Equal, true) || pressed(keys::KeypadAdd, true) || pressed(keys::Equal, true, true))
        set_text_scale(settings_.text_scale + 0.25f);
    if (pressed(keys::Minus, true) || pressed(keys::KeypadSubtract, true)) set_text_scale(settings_.text_scale - 0.25f);
    if (pressed(keys::Digit0, true)) set_text_scale(1.0f);
    if (pressed(keys::F11, false)) fullscreen_toggle_ = true;
    if (file_dialog_.visible()) return;
    if (pressed(keys::O, true))
        file_dialog_.show(FileDialog::Purpose::Open, runtime_.translate("Open workshop"), ".kartla",
                          [this](const fs::path& p) { open_file(p); });
    if (pressed(keys::N, true))
        file_dialog_.show(FileDialog::Purpose::Create, runtime_.translate("New workshop"), ".kartla",
                          [this](const fs::path& p) { create_file(p); });
    if (io.WantTextInput) return;  // Ctrl+Z inside a text field belongs to the field
    if (pressed(keys::Z, true)) undo();
    if (pressed(keys::Y, true) || pressed(keys::Z, true, true)) redo();
    for (const auto& command : runtime_.commands()) {
        const auto& s = command.spec.shortcut;
        if (!s.key || !pressed(s.key, s.ctrl, s.shift)) continue;
        if (command.spec.enabled && !command.spec.enabled()) continue;
        runtime_.guarded(command.plugin_id, "running a command", [&] { command.spec.run(); });
        break;
    }
}

void Shell::frame() {
    run_pending_plugin_retry();
    handle_shortcuts();
    if (presenting_) {
        draw_presentation();
        palette_.draw(runtime_.translate("Command palette"), runtime_.translate("No command matches."));
        return;
    }
    draw_menu_bar();
    draw_windows();
    draw_status_bar();
    draw_export_review();
    file_dialog_.draw();
    draw_error_dialog();
    draw_plugin_start_question();
    palette_.draw(runtime_.translate("Command palette"), runtime_.translate("No command matches."));
}

void Shell::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    draw_file_menu();
    draw_edit_menu();
    draw_view_menu();
    draw_plugins_menu();
    draw_safe_mode_note();
    ImGui::EndMainMenuBar();
}

void Shell::draw_file_menu() {
    if (!ImGui::BeginMenu(runtime_.translate("File"))) return;
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
        file_dialog_.show(FileDialog::Purpose::SaveAs, runtime_.translate("Save a copy as"), ".kartla",
                          [this](const fs::path& p) {
                              auto result = runtime_.workshop()->save_copy(p);
                              if (!result) show_error(result.message);
                              else runtime_.post_message(LogLevel::Info, fmt::format("{} {}", runtime_.translate("Saved a copy as"), p.string()));
                          });
    if (ImGui::BeginMenu(runtime_.translate("Export"), workshop != nullptr && !runtime_.exports().empty())) {
        for (const auto& entry : runtime_.exports())
            if (ImGui::MenuItem(runtime_.translate_in(entry.plugin_id, entry.spec.label.c_str()))) export_to(entry.spec.format);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem(runtime_.translate("Quit"), "Ctrl+Q")) request_quit();
    ImGui::EndMenu();
}

// Before anything leaves kartla, the room sees whether it holds personal data.
void Shell::export_to(const std::string& format) {
    if (!runtime_.find_export(format) || !runtime_.workshop()) return;
    if (privacy_panel_.hit_count() == 0) return choose_export_file(format, false);
    export_pending_ = format;
}

void Shell::choose_export_file(const std::string& format, bool redact) {
    const ExportSpec* exporter = runtime_.find_export(format);
    if (!exporter || !runtime_.workshop()) return;
    fs::path suggested = runtime_.workshop()->path();
    suggested.replace_extension(exporter->extension);
    file_dialog_.show(FileDialog::Purpose::SaveAs, runtime_.translate("Export"), exporter->extension,
                      [this, format, redact](const fs::path& p) {
                          for (const auto& entry : runtime_.exports()) {
                              if (entry.spec.format != format) continue;
                              ExportOptions options;
                              options.redact_personal_data = redact;
                              bool ok = runtime_.guarded(entry.plugin_id, "exporting", [&] {
                                  entry.spec.write(*runtime_.workshop(), options, p);
                              });
                              if (ok) runtime_.post_message(LogLevel::Info, fmt::format("{} {}", runtime_.translate("Exported"), p.string()));
                              break;
                          }
                      },
                      suggested.filename().string());
}

void Shell::draw_export_review() {
    if (export_pending_.empty()) return;
    std::string title = fmt::format("{}###core.export_review", runtime_.translate("Personal data in the export"));
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 29);
    ImGui::TextUnformatted(fmt::format("{} {}", privacy_panel_.hit_count(),
                                       runtime_.translate("places in this workshop look like personal data (see View > "
                                                          "Personal data). The export may become a public document."))
                               .c_str());
    ImGui::PopTextWrapPos();
    std::string format = export_pending_;
    auto close = [&] {
        export_pending_.clear();
        ImGui::CloseCurrentPopup();
    };
    if (big_button(runtime_.translate("Export with personal data masked"))) {
        close();
        choose_export_file(format, true);
    }
    mark_item("core.export_review.redact");
    if (big_button(runtime_.translate("Export as it is"))) {
        close();
        choose_export_file(format, false);
    }
    mark_item("core.export_review.as_is");
    if (big_button(runtime_.translate("Cancel"))) close();
    ImGui::EndPopup();
}

namespace {
// "Undo" alone when there is no step, else "Undo <the step's label>", translated now.
std::string step_item(Runtime& runtime, const char* verb, const EditLabel& step) {
    if (step.msgid.empty()) return runtime.translate(verb);
    return fmt::format("{} {}", runtime.translate(verb), runtime.step_text(step));
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
    if (!ImGui::BeginMenu(runtime_.translate("Edit"))) return;
    Workshop* w = runtime_.workshop();
    if (ImGui::MenuItem(undo_menu_text().c_str(), "Ctrl+Z", false, w && w->can_undo())) undo();
    if (ImGui::MenuItem(redo_menu_text().c_str(), "Ctrl+Y", false, w && w->can_redo())) redo();
    if (!runtime_.commands().empty()) ImGui::Separator();
    auto commands = runtime_.commands();  // a command may disable its plugin
    for (const auto& command : commands) {
        bool enabled = !command.spec.enabled || command.spec.enabled();
        if (ImGui::MenuItem(runtime_.translate_in(command.plugin_id, command.spec.label.c_str()),
                            shortcut_text(command.spec.shortcut).c_str(),
                            false, enabled))
            runtime_.guarded(command.plugin_id, "running a command", [&] { command.spec.run(); });
    }
    ImGui::EndMenu();
}

void Shell::draw_view_menu() {
    if (!ImGui::BeginMenu(runtime_.translate("View"))) return;
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

void Shell::draw_windows() {
    ImVec2 origin, size;
    work_area(origin, size);
    stage_.draw(origin, size);
}

void Shell::draw_status_bar() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 2));
    if (ImGui::Begin("###core.status", nullptr, flags)) {
        auto& messages = runtime_.messages();
        double now = ImGui::GetTime();
        if (!messages.empty()) {
            status_ = messages.back().text;
            status_until_ = now + 6.0;
            messages.clear();
        }
        Workshop* w = runtime_.workshop();
        std::string message = now < status_until_              ? status_
                              : w && w->read_only()            ? runtime_.translate("Read-only: changes are not saved.")
                              : w                              ? runtime_.translate("Every change is saved at once.")
                                                               : runtime_.translate("No workshop is open.");
        status_line_.draw(message, w ? w->path().string() : std::string());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void Shell::draw_error_dialog() {
    if (error_dialog_.empty()) return;
    const char* id = "###core.error";
    std::string title = fmt::format("{}{}", runtime_.translate("Could not open the file"), id);
    if (error_dialog_opening_) {
        ImGui::OpenPopup(title.c_str());
        error_dialog_opening_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 27);
        ImGui::TextUnformatted(error_dialog_.c_str());
        ImGui::PopTextWrapPos();
        if (big_button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            error_dialog_.clear();
            ImGui::CloseCurrentPopup();
        }
        mark_item("core.error.ok");
        ImGui::EndPopup();
    }
}

}  // namespace kartla::ui
