// The shell's part in running a meeting: the command palette, presentation
// mode, theme choice and the agenda's shortcuts. Kept apart from shell.cpp,
// which handles files, menus and the stage.
#include "ui/shell/shell.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "ui/widgets/key_layout.hpp"

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <ctime>

namespace kartla::ui {

namespace {

bool pressed_key(int key, bool ctrl = false) { return keys::chord_pressed(key, ctrl); }

}  // namespace

void Shell::choose_language(const std::string& code) {
    settings_.language = code;
    set_language(code);
    save_settings();
}

void Shell::set_theme(const std::string& theme) {
    if (settings_.theme == theme) return;
    settings_.theme = theme;
    fonts_dirty_ = true;  // the window rebuilds the style with the fonts
    save_settings();
}

bool Shell::handle_meeting_shortcuts() {
    if (palette_.visible()) return true;  // the palette reads its own keys
    if (pressed_key(keys::K, true)) {
        open_palette();
        return true;
    }
    if (pressed_key(keys::F5)) {
        // Presentation draws fewer views: typed text is saved before its field goes.
        if (text_unsaved()) {
            save_typed_text_now();
            toggle_presenting_ = true;
            toggle_presenting_frame_ = ImGui::GetFrameCount();
        } else {
            set_presenting(!presenting_);
        }
        return true;
    }
    if (pressed_key(keys::F6)) {
        toggle_room_view();
        return true;
    }
    if (presenting_ && pressed_key(keys::Escape)) {
        set_presenting(false);
        return true;
    }
    return false;
}

// The room reads this screen while presenting: its text at least as large as on
// a room's own screen of this size (room_view.hpp), whatever the console's size.
float Shell::drawn_text_scale() const {
    if (!presenting_) return settings_.text_scale;
    ImVec2 display = ImGui::GetIO().DisplaySize;
    return std::max(settings_.text_scale, room_text_scale(int(display.x), int(display.y), 0, 0));
}

void Shell::set_presenting(bool on) {
    if (presenting_ == on) return;
    presenting_ = on;
    fonts_dirty_ = true;  // the text size may change with it (drawn_text_scale)
}

void Shell::open_palette() {
    ImGui::ClearActiveID();  // a field being typed in is committed first
    palette_.open(palette_commands());
}

std::vector<PaletteCommand> Shell::palette_commands() {
    auto tr = [this](const char* msgid) { return std::string(runtime_.translate(msgid)); };
    auto tr_in = [this](const std::string& component, const char* msgid) {
        return std::string(runtime_.frontend().translate_in(component, msgid));
    };
    Workshop* w = runtime_.workshop();
    bool open = w != nullptr;
    std::vector<PaletteCommand> out = {
        {undo_menu_text(), "Ctrl+Z", [this] { undo(); }, open && w->can_undo()},
        {redo_menu_text(), "Ctrl+Y", [this] { redo(); }, open && w->can_redo()},
        {tr("New…"), "Ctrl+N",
         [this] {
             file_dialog_.show(FileDialog::Purpose::Create, runtime_.translate("New workshop"), ".kartla",
                               [this](const std::filesystem::path& p) { create_file(p); });
         }},
        {tr("Open…"), "Ctrl+O",
         [this] {
             file_dialog_.show(FileDialog::Purpose::Open, runtime_.translate("Open workshop"), ".kartla",
                               [this](const std::filesystem::path& p) { open_file(p); });
         }},
        {tr("Larger text"), "Ctrl++", [this] { set_text_scale(settings_.text_scale + 0.25f); }},
        {tr("Smaller text"), "Ctrl+-", [this] { set_text_scale(settings_.text_scale - 0.25f); }},
        {tr("Normal text size"), "Ctrl+0", [this] { set_text_scale(1.0f); }},
        {tr("Full screen"), "F11", [this] { fullscreen_toggle_ = true; }},
        {tr("Presentation mode"), "F5", [this] { set_presenting(true); }},
        {tr("Room view on the second screen"), "F6", [this] { toggle_room_view(); }, screens_ > 1},
        {fmt::format("{}: Svenska", tr("Language")), "", [this] { choose_language("sv"); }},
        {fmt::format("{}: English", tr("Language")), "", [this] { choose_language("en"); }},
        {tr("Light theme (projector)"), "", [this] { set_theme("light"); }},
        {tr("Dark theme"), "", [this] { set_theme("dark"); }},
        {tr("Start or pause the timer"), "", [this] { agenda_panel_.toggle_timer(); }, open},
        {tr("Next agenda step"), "", [this] { agenda_panel_.next_step(); }, open},
        {tr("Previous agenda step"), "", [this] { agenda_panel_.previous_step(); }, open},
        {tr("Add one minute"), "", [this] { agenda_panel_.add_minutes(1); }, open},
        {tr("Let phones join"), "", [this] { let_phones_join(); }, open && !phones_panel_.joining()},
        {tr("Close joining"), "", [this] { phones_panel_.close_joining(); }, phones_panel_.joining()},
        {tr("Quit"), "Ctrl+Q", [this] { request_quit(); }},
    };
    for (const auto& v : runtime_.registry().views()) {
        if (!runtime_.plugins().usable(v.plugin_id)) continue;
        std::string key = v.spec.key;
        out.push_back({fmt::format("{} {}", tr("Show"), tr_in(v.plugin_id, v.spec.title.c_str())), "", [this, key] { stage_.show(key); }});
    }
    for (const auto& command : runtime_.registry().commands()) {
        bool enabled = !command.spec.enabled || command.spec.enabled();
        std::string key = command.spec.key;
        out.push_back({tr_in(command.plugin_id, command.spec.label.c_str()), shortcut_text(command.spec.shortcut),
                       [this, key] {
                           // Looked up again: the plugin may have been disabled since the palette opened.
                           for (const auto& c : runtime_.registry().commands())
                               if (c.spec.key == key) {
                                   runtime_.attempt(c.plugin_id, "The command failed", [&] { c.spec.run(); });
                                   break;
                               }
                       },
                       enabled});
    }
    // Exports last: "uppf" means the follow-up view before the calendar of follow-up meetings.
    for (const auto& entry : runtime_.registry().exports()) {
        std::string format = entry.spec.format;
        out.push_back({fmt::format("{}: {}", tr("Export"), tr_in(entry.plugin_id, entry.spec.label.c_str())), "",
                       [this, format] { export_to(format); }, open});
    }
    return out;
}

// The room sees the code to scan at once: the phones view takes the stage.
void Shell::let_phones_join() {
    stage_.show("core.phones");
    phones_panel_.open_joining();
}

void Shell::draw_meeting_menu_items() {
    if (ImGui::MenuItem(runtime_.translate("Presentation mode"), "F5")) set_presenting(true);
    if (ImGui::MenuItem(runtime_.translate("Room view on the second screen"), "F6", room_view_wanted(), screens_ > 1))
        toggle_room_view();
    if (ImGui::MenuItem(runtime_.translate("Command palette"), "Ctrl+K")) open_palette();
    if (!phones_panel_.joining()) {
        if (ImGui::MenuItem(runtime_.translate("Let phones join"), nullptr, false, runtime_.workshop() != nullptr))
            let_phones_join();
    } else if (ImGui::MenuItem(runtime_.translate("Close joining"))) {
        phones_panel_.close_joining();
    }
    if (ImGui::BeginMenu(runtime_.translate("Theme"))) {
        if (ImGui::MenuItem(runtime_.translate("Light theme (projector)"), nullptr, settings_.theme != "dark"))
            set_theme("light");
        if (ImGui::MenuItem(runtime_.translate("Dark theme"), nullptr, settings_.theme == "dark")) set_theme("dark");
        ImGui::EndMenu();
    }
}

// The room sees the chosen view alone across the whole screen: its room drawing
// (large, no tabs, no toolbars) when it has one, under a strip with the step, its
// countdown and the time of day. Esc or F5 returns.
void Shell::draw_presentation() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float strip = draw_step_strip(viewport->Pos, viewport->Size.x, true);
    ImVec2 origin(viewport->Pos.x, viewport->Pos.y + strip), size(viewport->Size.x, viewport->Size.y - strip);
    if (runtime_.workshop() && stage_.draw_for_room(origin, size, false)) return;
    stage_.draw_main_only(origin, size);
}

namespace {
std::string time_of_day() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}
}  // namespace

float Shell::draw_step_strip(ImVec2 origin, float width, bool always) {
    const agenda::Step* step = agenda_panel_.runner().current_step();
    if (!step && !always) return 0;
    float strip = ImGui::GetFontSize() * 2.9f + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(width, strip));
    ImGui::Begin("###core.presentation_clock", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    ImGui::SetWindowFontScale(1.5f);
    std::string title = step ? step->title : runtime_.workshop() ? window_title() : std::string("kartla");
    clipped_text(title.c_str(), width * 0.55f);
    mark_item("core.room.step");
    ImGui::SetWindowFontScale(1.0f);
    if (agenda_panel_.time_up()) ImGui::TextColored(ImVec4(0.75f, 0.05f, 0.05f, 1), "%s", runtime_.translate("Time is up"));
    else if (always) ImGui::TextDisabled("%s", runtime_.translate("Esc returns to the controls"));
    // The time of day at the right edge, for a room that has to end on time; the countdown
    // between the title and it, as large as its box allows (at 300 % on 720 lines they overlapped).
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize() * 1.8f;
    std::string clock = time_of_day();
    ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, clock.c_str());
    float box_left = width * 0.6f, box_right = width - text.x - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetFontSize();
    float box = std::max(box_right - box_left, ImGui::GetFontSize());
    float clock_scale = std::min(2.4f, box / ImGui::CalcTextSize("00:00").x);
    ImGui::SameLine(box_left);
    ImGui::SetCursorPosY(ImGui::GetStyle().WindowPadding.y);
    ImGui::BeginGroup();
    ImGui::BeginChild("countdown", ImVec2(box, strip - ImGui::GetStyle().WindowPadding.y * 2), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
    agenda_panel_.draw_big_clock(clock_scale, false);
    ImGui::EndChild();
    ImGui::EndGroup();
    ImGui::SameLine();
    ImVec2 at(origin.x + width - text.x - ImGui::GetStyle().WindowPadding.x * 2, origin.y + (strip - text.y) / 2);
    ImGui::GetWindowDrawList()->AddText(font, size, at, ImGui::GetColorU32(ImGuiCol_TextDisabled), clock.c_str());
    mark_rect("core.room.time_of_day", at, ImVec2(at.x + text.x, at.y + text.y));
    ImGui::End();
    return strip;
}

void Shell::toggle_room_view() {
    if (screens_ < 2) {
        runtime_.messages().post(LogLevel::Info, runtime_.translate("Only one screen is connected: Presentation mode (F5) "
                                                                 "shows the room view on this one."));
        return;
    }
    settings_.room_view = !settings_.room_view;
    save_settings();
}

// Drawn in the room's own ImGui context, whose fonts are large and whose theme is
// the light projector theme; the mirrored view itself is painted by the window
// system under what is drawn here.
RoomLayout Shell::draw_room(const MirroredView& view) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float strip = draw_step_strip(viewport->Pos, viewport->Size.x, false);
    ImVec2 area_min(viewport->Pos.x, viewport->Pos.y + strip), area_size(viewport->Size.x, viewport->Size.y - strip);
    // The console's text never smaller on the projector than the room's own.
    RoomLayout layout = fit_view(view, area_min, area_size, ImGui::GetFontSize());
    if (runtime_.workshop() && stage_.draw_for_room(area_min, area_size)) {
        layout.mirror = false;  // the view drew itself for the room, large and without controls
        return layout;
    }
    if (view.empty()) {
        layout.mirror = false;
        ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + strip));
        ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, viewport->Size.y - strip));
        ImGui::Begin("###core.room_idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                                       ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::TextUnformatted(window_title().c_str());
        mark_item("core.room.idle");
        ImGui::End();
        return layout;
    }
    draw_follow_marks(view, layout);
    return layout;
}

}  // namespace kartla::ui
