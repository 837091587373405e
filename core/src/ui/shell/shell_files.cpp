// The shell's file operations: opening, creating and copying the workshop
// file, and exporting it (after the personal-data review).
#include "ui/shell/shell.hpp"

#include "kartla/core_data.hpp"
#include "kartla/dates.hpp"
#include "kartla/export_file.hpp"
#include "kartla/widgets.hpp"
#include "storage/schema_guard.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "storage/core_data_edits.hpp"
#include "exports/export_run.hpp"

#include <fmt/format.h>
#include <imgui.h>

namespace kartla::ui {

namespace fs = std::filesystem;

// Pending text belongs to the open workshop: another file is opened only once it is written.
bool Shell::text_pending_here() {
    if (write_pending_text() > 0) {
        show_error(runtime_.translate("Some typed text could not be saved yet. Use Save a copy… first, "
                                      "then open the other file."));
        return true;
    }
    if (invalid_text_count() > 0) {
        show_error(runtime_.translate("Some typed text is not in its form yet (a date is written YYYY-MM-DD). "
                                      "Correct it or erase it at its marked field, then open the other file."));
        return true;
    }
    return false;
}

bool Shell::open_file(const fs::path& path) {
    if (text_pending_here()) return false;
    auto opened = Workshop::open(path, OpenMode::ReadWrite, true, runtime_.plugins().known_schema());
    if (auto* e = std::get_if<OpenError>(&opened)) {
        show_error(e->message);
        if (e->problem == OpenProblem::ForeignSchema) foreign_file_ = fs::absolute(path);  // offer a cleaned copy
        return false;
    }
    runtime_.set_workshop(std::move(std::get<std::unique_ptr<Workshop>>(opened)));
    file_checked_at_ = -1000;
    settings_.remember_file(fs::absolute(path).string());
    save_settings();
    if (auto note = runtime_.workshop()->storage_note(); !note.empty()) runtime_.messages().post(LogLevel::Info, note);
    if (auto note = wal_note(); !note.empty()) runtime_.messages().post(LogLevel::Warning, note);
    return true;
}

bool Shell::open_cleaned_copy(const fs::path& chosen) {
    if (foreign_file_.empty()) return false;
    fs::path source = foreign_file_;
    fs::path target = chosen.empty() ? schema_guard::cleaned_copy_name(source) : chosen;
    auto problem = schema_guard::write_cleaned_copy(source, target, runtime_.plugins().known_schema());
    if (!problem.empty()) {
        // Beside the original may be a read-only stick or folder: let the user choose a place.
        if (chosen.empty() && !file_dialog_.visible()) {
            error_dialog_.clear();
            file_dialog_.show(FileDialog::Purpose::SaveAs, runtime_.translate("Save the cleaned copy"), ".kartla",
                              [this](const fs::path& p) { open_cleaned_copy(p); }, target.filename().string());
            return false;
        }
        show_error(problem);
        return false;
    }
    error_dialog_.clear();
    foreign_file_.clear();
    if (!open_file(target)) return false;
    runtime_.messages().post(LogLevel::Info, fmt::format("{}: {}", runtime_.translate("Opened a cleaned copy"),
                                                      target.filename().string()));
    return true;
}

bool Shell::create_file(const fs::path& path) {
    if (text_pending_here()) return false;
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
    file_checked_at_ = -1000;
    settings_.remember_file(fs::absolute(path).string());
    save_settings();
    return true;
}

void Shell::choose_copy_file() {
    file_dialog_.show(FileDialog::Purpose::SaveAs, runtime_.translate("Save a copy as"), ".kartla",
                      [this](const fs::path& p) { save_copy_as(p); });
}

// A copy through the backup API holds everything the open connection sees, also
// what went into a file that was deleted meanwhile. When the open file cannot
// take edits (gone, read-only), kartla goes on in the copy, so nothing typed from
// now on is lost.
//
// Typed text is written first; text the open file could not take (disk full too)
// is written into the copy, in which kartla then goes on, so the copy has it all.
void Shell::save_copy_as(const fs::path& target) {
    Workshop* w = runtime_.workshop();
    if (!w) return;
    // Pending text makes the copy a continuation too: only there can it be written.
    bool continue_there = write_pending_text() > 0 || !w->file_problem().empty() || w->read_only();
    if (!continue_there) {
        auto result = w->save_copy(target);
        if (!result) return show_error(result.message);
        runtime_.messages().post(LogLevel::Info, fmt::format("{} {}", runtime_.translate("Saved a copy as"), target.string()));
        return quit_if_asked_to();
    }
    auto result = w->continue_in_copy(target);
    if (!result) return show_error(result.message);
    write_pending_text();
    settings_.remember_file(fs::absolute(target).string());
    save_settings();
    // One state from now on: the banner goes at once, and the status bar says where kartla saves.
    file_checked_at_ = -1000;
    runtime_.messages().post(LogLevel::Info,
                          fmt::format("{} {}", runtime_.translate("kartla now saves into"), target.string()));
    quit_if_asked_to();
}

// After the quit question's Save a copy…: quit when the copy took every pending text, else ask again.
void Shell::quit_if_asked_to() {
    if (!std::exchange(quit_after_copy_, false)) return;
    request_quit();
}

// Before anything leaves kartla, the room sees whether it holds personal data.
void Shell::export_to(const std::string& format) {
    if (!runtime_.offers().find_export(format) || !runtime_.workshop()) return;
    if (privacy_panel_.hit_count() == 0) return choose_export_file(format, false);
    export_pending_ = format;
}

void Shell::choose_export_file(const std::string& format, bool redact) {
    const ExportSpec* exporter = runtime_.offers().find_export(format);
    if (!exporter || !runtime_.workshop()) return;
    const fs::path suggested = default_export_path(runtime_.workshop()->path(), *exporter);
    file_dialog_.show(FileDialog::Purpose::SaveAs, runtime_.translate("Export"), exporter->extension,
                      [this, format, redact](const fs::path& p) {
                          for (const auto& entry : runtime_.registry().exports()) {
                              if (entry.spec.format != format) continue;
                              ExportOptions options;
                              options.redact_personal_data = redact;
                              // A failed export is a message (and the dialog): the plugin and the workshop stay as they were.
                              std::string failed = runtime_.attempt(entry.plugin_id, "The export failed", [&] {
                                  entry.spec.write(*runtime_.workshop(), options, p);
                              });
                              if (!failed.empty())
                                  show_error(failed, "The export failed");
                              else
                                  runtime_.messages().post(LogLevel::Info, fmt::format("{} {}", runtime_.translate("Exported"), p.string()));
                              break;
                          }
                      },
                      // Beside the workshop, as `kartla export` writes it: it went to wherever kartla was started.
                      suggested.filename().string(), suggested.parent_path());
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
    if (big_button(runtime_.translate("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) close();
    ImGui::EndPopup();
}

}  // namespace kartla::ui
