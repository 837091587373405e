#include "ui/shell/shell.hpp"

#include "kartla/core_data.hpp"
#include "kartla/dates.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "host/paths.hpp"
#include "ui/widgets/fonts.hpp"
#include "ui/widgets/top_strip.hpp"
#include "ui/widgets/key_layout.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace kartla::ui {

namespace fs = std::filesystem;

namespace {

constexpr double kFileCheckSeconds = 2.0;
constexpr const char* kStoppedSaving =
    "kartla has stopped saving into it, so what you change now is not in any file. Use Save a copy… to keep your work.";  // how often we look whether the open file is still there

bool pressed(int key, bool ctrl, bool shift = false) { return keys::chord_pressed(key, ctrl, shift); }

// Ctrl and the key that types "+" (or "=", its unshifted neighbour on a US keyboard), whatever
// the layout; the keypad's keys type the same characters.
bool larger_text_pressed() { return keys::character_pressed('+', true) || keys::character_pressed('=', true); }
bool smaller_text_pressed() { return keys::character_pressed('-', true); }

// The area below the menu bar and above the status bar. Computed, not read from the
// viewport, because the viewport learns of the menu bar only one frame later.
void work_area(ImVec2& origin, ImVec2& size) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float menu = chrome_frame_height();
    float status = chrome_frame_height() + ImGui::GetStyle().ItemSpacing.y;
    origin = ImVec2(viewport->Pos.x, viewport->Pos.y + menu);
    size = ImVec2(viewport->Size.x, viewport->Size.y - menu - status);
}

}  // namespace

Shell::Shell(Runtime& runtime, Settings& settings, fs::path settings_file)
    : runtime_(runtime),
      settings_(settings),
      languages_(paths::asset_dir() / "i18n"),
      settings_file_(std::move(settings_file)),
      workshop_panel_(runtime),
      privacy_panel_(runtime),
      stage_(runtime, settings),
      agenda_panel_(runtime) {
    set_language(settings_.language.empty() ? system_language() : settings_.language);
    runtime_.set_frontend(this);
    stage_.set_drawer_summary([this] { return agenda_panel_.compact_items(); });
    set_widget_translator([this](const char* msgid) { return translations_.translate(msgid); });
    track_text_input();  // characters typed right after a click wait for the field it opens
    // The workshop panel is a view like any plugin's, first on the stage.
    runtime_.core_host().add_view(
        {"core.workshop", "Workshop", true, [this] { workshop_panel_.draw(); }, ViewPlacement::Main, 0});
    runtime_.core_host().add_view(
        {"core.privacy", "Personal data", true, [this] { privacy_panel_.draw(); }, ViewPlacement::Main, 90});
    // Phones join while the room brainstorms and votes: beside the problems in the view bar.
    runtime_.core_host().add_view({"core.phones", "Phones", true, [this] { phones_panel_.draw(); }, ViewPlacement::Main,
                                   11, [this] { return phones_panel_.draw_room(); }});
    // The facilitator's agenda and meeting notes stand beside every main view.
    runtime_.core_host().add_view(
        {"core.agenda", "Agenda", true, [this] { agenda_panel_.draw(); }, ViewPlacement::Side, 0});
    runtime_.core_host().add_view({"core.meeting_notes", "Decisions and parking lot", false,
                                   [this] { agenda_panel_.draw_notes(); }, ViewPlacement::Side, 1});
}

Shell::~Shell() {
    if (Workshop* w = runtime_.workshop()) agenda_panel_.runner().save_spent(*w);  // a running step's time
    set_widget_translator(nullptr);
    runtime_.registry().remove_view("core.workshop");
    runtime_.registry().remove_view("core.privacy");
    runtime_.registry().remove_view("core.phones");
    runtime_.registry().remove_view("core.agenda");
    runtime_.registry().remove_view("core.meeting_notes");
    runtime_.set_frontend(nullptr);
}

void Shell::set_language(const std::string& language) {
    translations_.load(paths::asset_dir() / "i18n", language);
}

void Shell::save_settings() const {
    if (!settings_file_.empty()) settings_.save(settings_file_);
}

void Shell::show_error(std::string message, const char* title_msgid) {
    error_dialog_ = std::move(message);
    error_title_ = title_msgid;
    error_dialog_opening_ = true;
    foreign_file_.clear();
}

std::string Shell::window_title() const {
    Workshop* workshop = runtime_.workshop();
    std::string safe = runtime_.plugins().safe_mode() ? fmt::format(" ({})", runtime_.translate("safe mode")) : "";
    if (!workshop) return "kartla" + safe;
    std::string title;
    try {
        title = core_data::meta(workshop->db(), "title");
    } catch (const SqliteError&) {
        // A file that cannot be read right now (a USB stick pulled out) must not end the program.
    }
    std::string file = workshop->path().filename().string();
    // Said in the title too, where the window list and the tests read it.
    if (!file_banner_.empty())
        file += fmt::format(" ({})", runtime_.translate(workshop->read_only() ? "read-only" : "not saved"));
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
    save_typed_text_now();  // also when asked between frames (the window's close button)
    quit_wanted_ = true;
    quit_wanted_frame_ = ImGui::GetFrameCount();
}

// Typed text had its frame to be written: quit, or ask when some of it could not be.
void Shell::decide_quit() {
    if (quit_after_copy_ && !file_dialog_.visible()) quit_after_copy_ = false;  // the copy's dialog was cancelled
    if (!quit_wanted_ || ImGui::GetFrameCount() <= quit_wanted_frame_ + 1) return;
    quit_wanted_ = false;
    // Text not in its form (a date) cannot be written at all: asked about like unsaved text.
    if (write_pending_text() == 0 && invalid_text_count() == 0) quit_requested_ = true;
    else quit_question_ = true;
}

std::string Shell::status_text() {
    Workshop* w = runtime_.workshop();
    const double now = ImGui::GetTime();
    // Whether everything typed is in the file comes before any passing message.
    return w && pending_text_count() > 0  ? runtime_.translate("Not saved: typed text is kept in its field until the file can take it.")
           : w && invalid_text_count() > 0 ? runtime_.translate("Not saved: typed text is not in its form yet (a date is written "
                                                                "YYYY-MM-DD). It is marked at its field.")
           : now < status_until_           ? status_
           : w && w->read_only()           ? runtime_.translate("Read-only: changes are not saved.")
           : w && !file_banner_.empty()    ? runtime_.translate("Changes are not saved into the file: see the red banner above.")
           : w && text_unsaved()           ? runtime_.translate("Saving…")
           : w                             ? runtime_.translate("Every change is saved.")
                                           : runtime_.translate("No workshop is open.");
}

void Shell::draw_quit_question() {
    if (!quit_question_) return;
    std::string title = fmt::format("{}###core.quit_question", runtime_.translate("Quit without saving?"));
    if (!ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 29);
    // A copy takes text the file could not; text not in its form only its field can mend.
    const bool not_saved = pending_text_count() > 0;
    ImGui::TextUnformatted(not_saved ? runtime_.translate("Typed text could not be saved: the file cannot take it now. It is "
                                                         "marked “Not saved” at its field. If you quit now, that text is lost.")
                                     : runtime_.translate("Typed text is not in its form yet (a date is written YYYY-MM-DD), "
                                                          "so it is not saved. It is marked at its field. If you quit now, "
                                                          "that text is lost."));
    ImGui::PopTextWrapPos();
    mark_item("core.quit_question");
    auto close = [&] {
        quit_question_ = false;
        ImGui::CloseCurrentPopup();
    };
    if (not_saved) {
        if (big_button(runtime_.translate("Save a copy…"))) {
            close();
            quit_after_copy_ = true;
            choose_copy_file();
        }
        mark_item("core.quit_question.save_copy");
        ImGui::SameLine();
    }
    if (big_button(runtime_.translate("Quit without saving"))) {
        close();
        discard_pending_text();
        quit_requested_ = true;
    }
    mark_item("core.quit_question.quit");
    ImGui::SameLine();
    if (big_button(runtime_.translate("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) close();
    mark_item("core.quit_question.cancel");
    ImGui::EndPopup();
}

void Shell::undo() {
    if (Workshop* w = runtime_.workshop(); w && w->can_undo()) {
        std::string label = runtime_.frontend().step_text(w->undo_step());
        auto result = w->undo();
        runtime_.messages().post(result ? LogLevel::Info : LogLevel::Error,
                              result ? fmt::format("{}: {}", runtime_.translate("Undone"), label) : result.message);
    }
}

void Shell::redo() {
    if (Workshop* w = runtime_.workshop(); w && w->can_redo()) {
        std::string label = runtime_.frontend().step_text(w->redo_step());
        auto result = w->redo();
        runtime_.messages().post(result ? LogLevel::Info : LogLevel::Error,
                              result ? fmt::format("{}: {}", runtime_.translate("Redone"), label) : result.message);
    }
}

void Shell::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (handle_meeting_shortcuts()) return;
    if (pressed(keys::Q, true)) request_quit();
    if (larger_text_pressed()) set_text_scale(settings_.text_scale + 0.25f);
    if (smaller_text_pressed()) set_text_scale(settings_.text_scale - 0.25f);
    if (pressed(keys::Digit0, true)) set_text_scale(1.0f);
    if (pressed(keys::F11, false)) fullscreen_toggle_ = true;
    if (file_dialog_.visible()) return;
    if (pressed(keys::O, true))
        file_dialog_.show(FileDialog::Purpose::Open, runtime_.translate("Open workshop"), ".kartla",
                          [this](const fs::path& p) { open_file(p); });
    if (pressed(keys::S, true, true) && runtime_.workshop()) choose_copy_file();
    if (pressed(keys::N, true))
        file_dialog_.show(FileDialog::Purpose::Create, runtime_.translate("New workshop"), ".kartla",
                          [this](const fs::path& p) { create_file(p); });
    if (io.WantTextInput) return;  // Ctrl+Z inside a text field belongs to the field
    if (pressed(keys::Z, true)) undo();
    if (pressed(keys::Y, true) || pressed(keys::Z, true, true)) redo();
    for (const auto& command : runtime_.registry().commands()) {
        const auto& s = command.spec.shortcut;
        if (!s.key || !pressed(s.key, s.ctrl, s.shift)) continue;
        if (command.spec.enabled && !command.spec.enabled()) continue;
        runtime_.attempt(command.plugin_id, "The command failed", [&] { command.spec.run(); });
        break;
    }
}

void Shell::check_file() {
    Workshop* w = runtime_.workshop();
    double now = ImGui::GetTime();
    if (!w) {
        file_banner_.clear();
        return;
    }
    if (now - file_checked_at_ < kFileCheckSeconds) return;
    file_checked_at_ = now;
    std::string problem;
    std::string file = w->path().string();
    switch (w->file_change()) {
        case Workshop::FileChange::MovedOrDeleted:
            problem = fmt::format("{} {} {} {}", runtime_.translate("The file"), file,
                                  runtime_.translate("was moved or deleted."), runtime_.translate(kStoppedSaving));
            break;
        case Workshop::FileChange::Replaced:
            problem = fmt::format("{} {} {} {}", runtime_.translate("The file"), file,
                                  runtime_.translate("was replaced by another file."), runtime_.translate(kStoppedSaving));
            break;
        case Workshop::FileChange::None: break;
    }
    if (!problem.empty())
        if (auto note = wal_note(); !note.empty()) problem += " " + note;  // what became of the WAL beside it
    if (problem.empty() && w->read_only())
        problem = fmt::format("{} {}", runtime_.translate(w->storage_note().c_str()),
                              runtime_.translate("Use Save a copy… to go on working in a copy."));
    if (problem != file_banner_ && !problem.empty()) runtime_.messages().post(LogLevel::Warning, problem);
    file_banner_ = std::move(problem);
}

// What became of a -wal beside the file (Workshop::wal_note), in the room's language.
std::string Shell::wal_note() const {
    Workshop* w = runtime_.workshop();
    if (!w || w->wal_note().empty()) return {};
    const auto& note = w->wal_note();
    std::string said = runtime_.translate(note.msgid.c_str());
    return note.file.empty() ? said : fmt::format("{} {}", said, note.file.filename().string());
}

double Shell::wake_in() const {
    double wake = kFileCheckSeconds;
    if (wants_ticking()) wake = std::min(wake, 0.25);
    if (phones_panel_.joining()) wake = std::min(wake, 1.0);  // the count of phones connected
    if (double due = text_save_due_in(); due >= 0) wake = std::min(wake, due);
    return wake;
}

// Escape closes what is open on top: a menu, a combo, a "More" list. A dialog
// decides for itself what Escape means (Cancel, OK), so a popup under a modal
// dialog stays until the dialog is answered.
void Shell::close_popups_on_escape() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.empty() || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return;
    int keep = g.OpenPopupStack.Size;
    while (keep > 0) {
        const ImGuiWindow* window = g.OpenPopupStack[keep - 1].Window;
        if (window && (window->Flags & ImGuiWindowFlags_Modal)) break;
        --keep;
    }
    if (keep < g.OpenPopupStack.Size) ImGui::ClosePopupToLevel(keep, true);
}

void Shell::frame() {
    close_popups_on_escape();
    run_pending_plugin_retry();
    check_file();
    // Typed text whose field is out of sight, and text the file could not take, is written as it falls due.
    write_due_text(0);
    // Phones' requests first, with no field's edit group open: each is an undo step of its own.
    phone_room_.pump();
    handle_shortcuts();
    if (presenting_) {
        draw_presentation();
    } else {
        draw_menu_bar();
        draw_windows();
        draw_status_bar();
        draw_export_review();
        file_dialog_.draw();
        merge_panel_.draw();
        draw_error_dialog();
        draw_plugin_start_question();
        draw_quit_question();
    }
    palette_.draw(runtime_.translate("Command palette"), runtime_.translate("No command matches."));
    // F5 while typing: the text is saved first (in this frame or the next; a failed save does not hold it up).
    if (toggle_presenting_ && (!text_unsaved() || ImGui::GetFrameCount() > toggle_presenting_frame_ + 1)) {
        toggle_presenting_ = false;
        set_presenting(!presenting_);
    }
    decide_quit();
}

void Shell::draw_windows() {
    ImVec2 origin, size;
    work_area(origin, size);
    float banner = draw_file_banner(origin, size.x);
    origin.y += banner;
    size.y -= banner;
    float notice = missing_parts_.draw(runtime_, origin, size.x);
    origin.y += notice;
    size.y -= notice;
    float copies = merge_panel_.draw_notice(origin, size.x);
    origin.y += copies;
    size.y -= copies;
    stage_.draw(origin, size);
}

// Said plainly across the top, with the one way out that loses nothing.
float Shell::draw_file_banner(ImVec2 origin, float width) {
    if (file_banner_.empty()) return 0;
    begin_top_strip("###core.file_banner", origin, width, ImVec4(0.72f, 0.11f, 0.11f, 1.0f), ImVec4(1, 1, 1, 1));
    ImGui::TextUnformatted(file_banner_.c_str());
    mark_item("core.file_banner");
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.95f, 0.90f, 0.90f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.85f, 0.80f, 0.80f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.05f, 0.05f, 1));
    if (big_button(runtime_.translate("Save a copy…"))) choose_copy_file();
    ImGui::PopStyleColor(4);
    mark_item("core.file_banner.save_copy");
    return end_top_strip();
}

void Shell::draw_status_bar() {
    ChromeText chrome;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float height = ImGui::GetFrameHeightWithSpacing();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 2));
    if (ImGui::Begin("###core.status", nullptr, flags)) {
        auto& messages = runtime_.messages().entries;
        double now = ImGui::GetTime();
        if (!messages.empty()) {
            status_ = messages.back().text;
            status_until_ = now + 6.0;
            messages.clear();
        }
        Workshop* w = runtime_.workshop();
        status_line_.draw(status_text(), w ? w->path().string() : std::string());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void Shell::draw_error_dialog() {
    if (error_dialog_.empty()) return;
    const char* id = "###core.error";
    std::string title = fmt::format("{}{}", runtime_.translate(error_title_), id);
    if (error_dialog_opening_) {
        ImGui::OpenPopup(title.c_str());
        error_dialog_opening_ = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28, 0), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 27);
        ImGui::TextUnformatted(error_dialog_.c_str());
        ImGui::PopTextWrapPos();
        bool cleaned = false;
        if (!foreign_file_.empty()) {
            // The original stays as it is; the copy holds everything but the foreign objects.
            const char* offer = runtime_.translate(
                "A copy without what kartla did not create can be written beside it and opened; the file itself is not changed.");
            ImGui::TextWrapped("%s", offer);
            cleaned = big_button(runtime_.translate("Open a cleaned copy"));
            mark_item("core.error.cleaned_copy");
            ImGui::SameLine();
        }
        // The key that confirmed what failed (Enter in the file dialog) must not close this at once.
        const bool key_closes = !ImGui::IsWindowAppearing() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                                                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false));
        if (big_button("OK") || key_closes) {
            error_dialog_.clear();
            foreign_file_.clear();
            ImGui::CloseCurrentPopup();
        }
        mark_item("core.error.ok");
        if (cleaned) {
            ImGui::CloseCurrentPopup();
            open_cleaned_copy();
        }
        ImGui::EndPopup();
    }
}

}  // namespace kartla::ui
