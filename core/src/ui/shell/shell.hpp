#pragma once
// The host's user interface, independent of the window system: menus, the
// workshop panel, plugin views, dialogs and shortcuts. The GLFW program and
// the headless tests both drive it one frame at a time.
#include "ui/panels/agenda_panel.hpp"
#include "ui/shell/command_palette.hpp"
#include "ui/shell/file_dialog.hpp"
#include "ui/panels/merge_panel.hpp"
#include "ui/shell/missing_parts_notice.hpp"
#include "ui/panels/phones_panel.hpp"
#include "ui/panels/privacy_panel.hpp"
#include "ui/shell/room_view.hpp"
#include "text/i18n.hpp"
#include "host/runtime.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/stage.hpp"
#include "ui/shell/status_bar.hpp"
#include "ui/panels/workshop_panel.hpp"

#include <filesystem>
#include <optional>
#include <utility>
#include <string>

namespace kartla::ui {

// The shell is its runtime's Frontend: plugins read its language, and its text
// scale once the window system asks (give_plugins_text_scale), through their Host.
class KARTLA_API Shell final : private Frontend {
public:
    Shell(Runtime& runtime, Settings& settings, std::filesystem::path settings_file = {});
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;
    ViewStage& stage() { return stage_; }

    void frame();  // between ImGui::NewFrame() and ImGui::Render()

    // Opening and creating, also used for the file given on the command line.
    bool open_file(const std::filesystem::path& path);
    bool create_file(const std::filesystem::path& path);

    std::string window_title() const;
    std::string room_window_title() const;
    // What the window system should do after this frame.
    bool quit_requested() const { return quit_requested_; }
    // Quitting while typed text could not be written asks first: Save a copy…,
    // Quit without saving, or Cancel.
    bool quit_question_open() const { return quit_question_; }
    bool fonts_dirty() const { return fonts_dirty_; }
    void fonts_rebuilt() { fonts_dirty_ = false; }
    PhonesPanel& phones() { return phones_panel_; }  // "Let phones join"
    MergePanel& merge_panel() { return merge_panel_; }  // File > Merge another copy…
    bool fullscreen_toggle_requested() { return std::exchange(fullscreen_toggle_, false); }
    void set_text_scale(float scale);
    void request_quit();
    void set_language(const std::string& language);  // "sv" or "en"; keeps all state
    // The Edit menu's undo and redo items: "Undo Move card", in the current language.
    std::string undo_menu_text();
    std::string redo_menu_text();
    const std::string& language() const { return translations_.language(); }

    const std::string& error_dialog() const { return error_dialog_; }
    const std::string& status_message() const { return status_; }  // the last message the status bar took
    std::string status_text();  // what the status bar says now
    // After a refusal for foreign schema objects: write a copy without them
    // (beside the original, or at `target`) and open it. The original is not changed.
    bool offers_cleaned_copy() const { return !foreign_file_.empty(); }
    bool open_cleaned_copy(const std::filesystem::path& target = {});
    // File > Export: asks about personal data first when the workshop holds any.
    void export_to(const std::string& format);
    bool export_review_open() const { return !export_pending_.empty(); }

    // Running the meeting (shell_meeting.cpp).
    AgendaPanel& agenda() { return agenda_panel_; }
    CommandPalette& palette() { return palette_; }
    void open_palette();
    std::vector<PaletteCommand> palette_commands();
    bool presenting() const { return presenting_; }
    void set_presenting(bool on);
    // The text size to build the fonts at (1.0 = 100 %): the user's, larger while presenting.
    float drawn_text_scale() const;
    // Plugins' Host::ui_scale follows drawn_text_scale (the window, the layout audit); otherwise 1.
    void give_plugins_text_scale() { gives_text_scale_ = true; }
    void set_theme(const std::string& theme);  // "light" (projector) or "dark"
    // The room view on a second screen (room_view.hpp). The window system reports
    // the screens, opens the room's window while room_view_wanted(), and calls
    // draw_room() in that window's own ImGui context each frame.
    void set_screen_count(int screens) { screens_ = screens; }
    bool room_view_wanted() const { return settings_.room_view && screens_ > 1; }
    void toggle_room_view();
    std::string main_view_window() { return "###" + stage_.current(); }
    RoomLayout draw_room(const MirroredView& view);
    // True while something on screen changes without input (the running countdown).
    bool wants_ticking() const { return agenda_panel_.ticking(); }
    // How long the window may sleep without input: until typed text is due to be
    // saved, the countdown's next tick, or the next look at whether the file is still there.
    double wake_in() const;
    // Why the open file cannot take edits now (moved, deleted, replaced, read-only); empty if it can.
    const std::string& file_banner() const { return file_banner_; }

private:
    const char* translate_in(std::string_view component, const char* msgid) override {
        return translations_.translate_in(component, msgid);
    }
    const char* translate_for(std::string_view language, std::string_view component, const char* msgid) override {
        return languages_.translate_in(translations_, language, component, msgid);
    }
    float ui_scale() override { return gives_text_scale_ ? drawn_text_scale() : 1.0f; }
    void show_view(std::string_view key) override { stage_.show(key); }

    void draw_menu_bar();
    void draw_file_menu();
    void draw_edit_menu();
    void draw_view_menu();
    void draw_plugins_menu();           // shell_plugins.cpp, with the three below
    void draw_safe_mode_note();
    void draw_plugin_start_question();
    void run_pending_plugin_retry();
    void draw_windows();
    void draw_status_bar();
    float draw_file_banner(ImVec2 origin, float width);  // returns its height; 0 when the file is fine
    void check_file();
    void save_copy_as(const std::filesystem::path& target);
    std::string wal_note() const;
    void choose_copy_file();
    void draw_error_dialog();
    void decide_quit();
    bool text_pending_here();
    void quit_if_asked_to();
    void draw_quit_question();
    void handle_shortcuts();
    void undo();
    void redo();
    // A dialog with one message; the title names what failed (an English msgid).
    void show_error(std::string message, const char* title_msgid = "Could not open the file");
    void close_popups_on_escape();
    void choose_export_file(const std::string& format, bool redact);
    void draw_export_review();
    void save_settings() const;
    bool handle_meeting_shortcuts();  // true: the key was taken
    void draw_meeting_menu_items();
    void let_phones_join();
    void draw_presentation();
    // Returns its height; 0 without a running agenda unless `always` (presentation mode).
    float draw_step_strip(ImVec2 origin, float width, bool always);
    void choose_language(const std::string& code);

    Runtime& runtime_;
    bool gives_text_scale_ = false;
    Settings& settings_;
    Translations translations_;
    Languages languages_;  // beside the screen's, for phones that speak another
    std::filesystem::path settings_file_;
    WorkshopPanel workshop_panel_;
    PrivacyPanel privacy_panel_;
    phones::PhoneRoom phone_room_{runtime_};  // pumped each frame; opened and closed in its panel
    PhonesPanel phones_panel_{runtime_, phone_room_};  // before the stage: its view is drawn by it
    std::string export_pending_;  // a format waiting for the personal-data review
    ViewStage stage_;
    AgendaPanel agenda_panel_;
    CommandPalette palette_;
    bool presenting_ = false;
    int screens_ = 1;
    FileDialog file_dialog_;
    MissingPartsNotice missing_parts_;
    MergePanel merge_panel_{runtime_};  // and the notice of sync programs' conflict copies
    std::string error_dialog_;
    const char* error_title_ = "Could not open the file";
    bool error_dialog_opening_ = false;
    std::filesystem::path foreign_file_;  // refused for foreign objects; a cleaned copy is offered
    bool quit_requested_ = false;
    bool quit_wanted_ = false;  // asked; decided once typed text had its frame to be written
    int quit_wanted_frame_ = 0;
    bool quit_question_ = false;
    bool quit_after_copy_ = false;  // the quit question's Save a copy…: quit once the copy holds everything
    bool fonts_dirty_ = false;
    bool fullscreen_toggle_ = false;
    std::string retry_pending_;  // a held-back plugin to try again, between frames
    StatusLine status_line_;
    std::string status_;
    double status_until_ = 0;
    std::string file_banner_;
    double file_checked_at_ = -1000;
    bool toggle_presenting_ = false;  // waits for typed text to be saved first
    int toggle_presenting_frame_ = 0;
};

}  // namespace kartla::ui
