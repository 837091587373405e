#include "ui/panels/agenda_panel.hpp"

#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <charconv>
#include <chrono>
#include <cmath>

namespace kartla::ui {

namespace {

double steady_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Colours that read on a washed-out projector: dark text on light, white on red.
constexpr ImU32 kClockNormal = IM_COL32(22, 92, 52, 255);
constexpr ImU32 kClockNormalOnDark = IM_COL32(130, 230, 160, 255);
constexpr ImU32 kClockSoon = IM_COL32(200, 120, 0, 255);
constexpr ImU32 kTimeUpA = IM_COL32(200, 20, 20, 255);
constexpr ImU32 kTimeUpB = IM_COL32(120, 0, 0, 255);

// Keeps the next button on this row when it fits: at 300 % text the side column is narrow.
void button_beside_if_fits(const char* next_label) {
    ui::same_line_if_fits(ImGui::CalcTextSize(next_label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
}

}  // namespace

AgendaPanel::AgendaPanel(Runtime& runtime)
    : runtime_(runtime), runner_(steady_seconds, [&runtime](std::string_view key) {
          runtime.frontend().show_view(key);
      }) {}

void AgendaPanel::save(const char* label, const std::function<void(Database&)>& change) {
    // Through the session's one edit path, like every edit; a field's save joins its
    // visit's undo step and tries again if it fails; labelled in the core's catalogue.
    FieldEditor editor(runtime_.session());
    auto result = editor.edit(label, change);
    // A refusal comes back as its msgid (Session::refusal_msgid): said in the UI's language.
    error_ = result ? std::string() : runtime_.translate(result.message.c_str());
    if (result) loaded_revision_ = 0;
}

void AgendaPanel::reload_if_changed(Workshop& workshop) {
    // A file is known by its path: a new Workshop object may reuse the old one's address.
    if (loaded_revision_ == workshop.revision() && loaded_path_ == workshop.path()) return;
    if (loaded_path_ != workshop.path()) {
        // Another file: its meetings and steps share nothing with the last one's, even equal ids.
        runner_.set_steps(0, {});
        meeting_id_ = 0;
        loaded_path_ = workshop.path();
    }
    auto& db = workshop.db();
    meetings_ = core_data::meetings(db);
    bool known = false;
    for (const auto& m : meetings_) known |= m.id == meeting_id_;
    if (!known) meeting_id_ = meetings_.empty() ? 0 : meetings_.front().id;
    loaded_revision_ = workshop.revision();
    available_ = agenda::available(db);
    if (!available_) return;
    steps_ = agenda::steps(db, meeting_id_);
    minutes_text_.clear();
    for (const auto& step : steps_) minutes_text_.push_back(std::to_string(step.minutes));
    runner_.set_steps(meeting_id_, steps_);
    decisions_ = agenda::notes(db, meeting_id_, agenda::NoteKind::Decision);
    notes_ = agenda::notes(db, meeting_id_, agenda::NoteKind::Note);
    parked_ = agenda::notes(db, meeting_id_, agenda::NoteKind::Parked);
}

void AgendaPanel::toggle_timer() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop) return;
    reload_if_changed(*workshop);
    if (runner_.countdown().running()) {
        runner_.pause(*workshop);
        return;
    }
    if (!runner_.current_step()) runner_.go_to(*workshop, 0);
    // A countdown with no step to count for would tick, and keep the window redrawing, for nothing.
    if (!runner_.current_step()) {
        runtime_.messages().post(LogLevel::Info, runtime_.translate("The agenda has no steps yet: add a step or use the usual agenda."));
        return;
    }
    runner_.start();
}

void AgendaPanel::next_step() {
    if (Workshop* workshop = runtime_.workshop()) {
        reload_if_changed(*workshop);
        runner_.next(*workshop);
    }
}

void AgendaPanel::previous_step() {
    if (Workshop* workshop = runtime_.workshop()) {
        reload_if_changed(*workshop);
        runner_.previous(*workshop);
    }
}

void AgendaPanel::load_default_agenda() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop || !meeting_id_) return;
    std::int64_t meeting = meeting_id_;
    save("Add the usual agenda", [&](Database& db) {
        for (const auto& step : agenda::default_mapping_agenda())
            agenda::add_step(db, meeting, runtime_.translate(step.title), step.minutes, step.view_key);
    });
}

// The open workshop, reloaded, when it has meetings to plan; otherwise says why not.
Workshop* AgendaPanel::workshop_with_meetings() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop) {
        hint(runtime_.translate("No workshop is open. Use File > New or File > Open."));
        return nullptr;
    }
    reload_if_changed(*workshop);
    if (!available_) {
        hint(runtime_.translate("This file is from an older kartla and open read-only: it has no agenda."));
        return nullptr;
    }
    if (meetings_.empty()) {
        hint(runtime_.translate("Add a meeting in the Workshop view first."));
        return nullptr;
    }
    return workshop;
}

void AgendaPanel::draw() {
    Workshop* workshop = workshop_with_meetings();
    if (!workshop) return;
    if (!error_.empty()) field_error(error_);
    draw_meeting_choice();
    draw_clock_and_controls(*workshop);
    draw_steps(*workshop);
}

void AgendaPanel::draw_meeting_choice() {
    if (meetings_.size() < 2) return;
    const core_data::Meeting* chosen = nullptr;
    for (const auto& m : meetings_)
        if (m.id == meeting_id_) chosen = &m;
    // The chosen meeting's name drawn by us, cut with "…" and whole on touch-and-hold:
    // a combo cuts its preview mid-letter.
    const std::string name = chosen ? chosen->title : std::string();
    ImDrawList* panel = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float text_width = width - ImGui::GetFrameHeight() - style.FramePadding.x * 2;
    const ImVec2 text_at(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
    ImGui::SetNextItemWidth(width);
    bool open = ImGui::BeginCombo("##agenda.meeting", "", ImGuiComboFlags_None);
    bool cut = false;
    draw_clipped_text(panel, ImGui::GetFont(), ImGui::GetFontSize(), text_at, ImGui::GetColorU32(ImGuiCol_Text),
                      name.c_str(), text_width, 1, &cut);
    if (!open && cut) whole_text_tip(at, ImVec2(at.x + width, at.y + ImGui::GetFrameHeight()), name.c_str());
    if (open) {
        for (const auto& m : meetings_) {
            std::string label = fmt::format("{} {}##meeting.{}", m.date, m.title, m.id);
            if (ImGui::Selectable(label.c_str(), m.id == meeting_id_)) {
                if (Workshop* w = runtime_.workshop(); w && runner_.countdown().running()) runner_.pause(*w);
                meeting_id_ = m.id;
                loaded_revision_ = 0;
            }
        }
        ImGui::EndCombo();
    }
    mark_item("agenda.meeting");
}

std::vector<ToolItem> AgendaPanel::compact_items() {
    Workshop* workshop = workshop_with_meetings();
    if (!workshop || !runner_.current_step()) return {};
    ToolItem clock;
    clock.kind = ToolItem::Kind::Custom;
    clock.pinned = true;
    clock.custom_width = ImGui::CalcTextSize("00:00").x * 1.3f;
    clock.custom = [this, width = clock.custom_width] {
        // A box of its own: the clock centres itself in the width it is given.
        ImGui::BeginChild("##agenda.compact_clock", ImVec2(width, ImGui::GetFontSize() * 1.3f), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
        draw_big_clock(1.2f, false);
        ImGui::EndChild();
    };
    clock.probe = "agenda.compact.clock";
    ToolItem next;
    next.label = runtime_.translate("Next step >");
    next.enabled = runner_.current() + 1 < int(runner_.steps().size());
    next.pinned = true;
    next.pressed = [this, workshop] { runner_.next(*workshop); };
    next.probe = "agenda.compact.next";
    return {clock, next};
}

void AgendaPanel::draw_big_clock(float scale, bool with_message) {
    const auto& countdown = runner_.countdown();
    const agenda::Step* step = runner_.current_step();
    double remaining = countdown.remaining();
    bool up = step && countdown.time_up();
    // Before the start: the first step's timebox, so the room sees what is planned.
    std::string clock = step ? agenda::format_clock(remaining)
                        : runner_.steps().empty() ? "–:––"
                                                  : agenda::format_clock(60.0 * runner_.steps().front().minutes);
    ImFont* font = ImGui::GetFont();
    float size = ImGui::GetFontSize() * scale;
    ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, clock.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float width = std::max(ImGui::GetContentRegionAvail().x, text.x);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4& bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    bool dark = bg.x + bg.y + bg.z < 1.5f;
    ImU32 colour = dark ? kClockNormalOnDark : kClockNormal;
    if (up) {
        // Blinks twice a second: a clear signal from the back of the room, not only a colour.
        bool phase = std::fmod(ImGui::GetTime(), 1.0) < 0.5;
        draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + text.y), phase ? kTimeUpA : kTimeUpB,
                            ImGui::GetFontSize() * 0.3f);
        colour = IM_COL32_WHITE;
    } else if (step && remaining < 60) {
        colour = kClockSoon;
    }
    draw->AddText(font, size, ImVec2(pos.x + (width - text.x) / 2, pos.y), colour, clock.c_str());
    ImGui::Dummy(ImVec2(width, text.y));
    mark_item(up ? "agenda.clock.time_up" : "agenda.clock");
    if (up && with_message) {
        const char* message = runtime_.translate("Time is up");
        float w = ImGui::CalcTextSize(message).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - w) / 2));
        ImGui::TextColored(ImVec4(0.75f, 0.05f, 0.05f, 1), "%s", message);
    }
}

void AgendaPanel::draw_clock_and_controls(Workshop& workshop) {
    const agenda::Step* step = runner_.current_step();
    ImGui::TextWrapped("%s", step ? step->title.c_str() : runtime_.translate("The meeting has not started."));
    draw_big_clock(3.0f);
    bool running = runner_.countdown().running();
    ImGui::BeginDisabled(steps_.empty());
    if (big_button(runtime_.translate(running ? "Pause" : "Start"))) toggle_timer();
    ImGui::EndDisabled();
    mark_item("agenda.start");
    button_beside_if_fits(runtime_.translate("+1 min"));
    if (big_button(runtime_.translate("+1 min"))) runner_.add_minutes(1);
    mark_item("agenda.add_minute");
    button_beside_if_fits(runtime_.translate("+5 min"));
    if (big_button(runtime_.translate("+5 min"))) runner_.add_minutes(5);
    mark_item("agenda.add_five");
    ImGui::BeginDisabled(runner_.current() <= 0);
    if (big_button(runtime_.translate("< Previous"))) runner_.previous(workshop);
    mark_item("agenda.previous");
    ImGui::EndDisabled();
    button_beside_if_fits(runtime_.translate("Next step >"));
    ImGui::BeginDisabled(runner_.current() + 1 >= int(runner_.steps().size()));
    if (big_button(runtime_.translate("Next step >"))) runner_.next(workshop);
    mark_item("agenda.next");
    ImGui::EndDisabled();
}

void AgendaPanel::draw_steps(Workshop& workshop) {
    ImGui::Separator();
    ImGui::TextUnformatted(runtime_.translate("Agenda"));
    ImGui::SameLine();
    ImGui::Checkbox(runtime_.translate("Edit"), &editing_);
    mark_item("agenda.edit");
    int planned = 0;
    std::int64_t spent = 0;
    std::int64_t remove = 0;
    for (std::size_t row = 0; row < steps_.size(); ++row) {
        auto& step = steps_[row];
        planned += step.minutes;
        spent += step.spent_seconds;
        ImGui::PushID(static_cast<int>(step.id));
        if (editing_) {
            draw_step_editor(step, row);
            if (ImGui::Button(runtime_.translate("Remove"))) remove = step.id;
            mark_item(fmt::format("agenda.step.{}.remove", row));
            ImGui::Separator();
        } else {
            bool current = int(row) == runner_.current();
            // Time spent in the file plus what the clock has counted since the last save.
            double seconds = double(step.spent_seconds);
            if (current) seconds = std::max(seconds, runner_.countdown().elapsed());
            std::string label = fmt::format("{}. {}  ({} / {} min)", row + 1, step.title,
                                            int(std::floor(seconds / 60)), step.minutes);
            if (ImGui::Selectable(label.c_str(), current)) runner_.go_to(workshop, int(row));
            mark_item(fmt::format("agenda.step.{}", row));
        }
        ImGui::PopID();
    }
    if (remove) save("Remove agenda step", [&](Database& db) { agenda::remove_step(db, remove); });
    ImGui::TextDisabled("%s", fmt::format("{}: {} min, {}: {} min", runtime_.translate("Planned"), planned,
                                          runtime_.translate("spent"), spent / 60)
                                  .c_str());
    if (steps_.empty()) {
        if (big_button(runtime_.translate("Use the usual agenda"))) load_default_agenda();
        mark_item("agenda.use_default");
    }
    if (big_button(runtime_.translate("+ Add step"))) {
        std::int64_t meeting = meeting_id_;
        std::string title = runtime_.translate("New step");
        save("Add agenda step", [&](Database& db) { agenda::add_step(db, meeting, title, 10, ""); });
        editing_ = true;
    }
    mark_item("agenda.add_step");
}

void AgendaPanel::draw_step_editor(agenda::Step& step, std::size_t row) {
    ImGui::SetNextItemWidth(-1);
    bool commit = input_text("##title", step.title);
    mark_item(fmt::format("agenda.step.{}.title", row));
    // Typed, not stepped with +/-: one value becomes one undo step, like every text field.
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
    std::string& minutes = minutes_text_[row];
    if (input_text("##minutes", minutes, ImGuiInputTextFlags_CharsDecimal)) {
        int value = 0;
        auto [end, problem] = std::from_chars(minutes.data(), minutes.data() + minutes.size(), value);
        if (problem == std::errc() && value >= 0 && value <= 600) {
            step.minutes = value;
            commit = true;
        } else {
            minutes = std::to_string(step.minutes);
        }
    }
    mark_item(fmt::format("agenda.step.{}.minutes", row));
    ImGui::SameLine();
    ImGui::TextUnformatted(runtime_.translate("min"));
    // The view this step brings to the front: any main view on the stage.
    const char* none = runtime_.translate("(no view)");
    std::string current_title = none;
    // Each main view, and each of its tabs as "<view>: <tab>" (key "<view>/<tab>").
    std::vector<std::pair<std::string, std::string>> choices;  // key, title
    for (const auto& v : runtime_.registry().views()) {
        if (v.spec.placement != ViewPlacement::Main || !runtime_.plugins().usable(v.plugin_id)) continue;
        const std::string title = runtime_.frontend().translate_in(v.plugin_id, v.spec.title.c_str());
        choices.emplace_back(v.spec.key, title);
        for (const auto& tab : v.spec.tabs)
            choices.emplace_back(v.spec.key + "/" + tab.key,
                                 fmt::format("{}: {}", title, runtime_.frontend().translate_in(v.plugin_id, tab.title.c_str())));
    }
    for (const auto& [key, title] : choices)
        if (key == step.view_key) current_title = title;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##view", current_title.c_str())) {
        if (ImGui::Selectable(none, step.view_key.empty())) {
            step.view_key.clear();
            commit = true;
        }
        for (const auto& [key, title] : choices)
            if (ImGui::Selectable(title.c_str(), key == step.view_key)) {
                step.view_key = key;
                commit = true;
            }
        ImGui::EndCombo();
    }
    mark_item(fmt::format("agenda.step.{}.view", row));
    if (ImGui::ArrowButton("##up", ImGuiDir_Up))
        save("Move agenda step", [&](Database& db) { agenda::move_step(db, step.id, -1); });
    ImGui::SameLine();
    if (ImGui::ArrowButton("##down", ImGuiDir_Down))
        save("Move agenda step", [&](Database& db) { agenda::move_step(db, step.id, +1); });
    ImGui::SameLine();
    if (commit) save("Edit agenda step", [&](Database& db) { agenda::update_step(db, step); });
}

void AgendaPanel::draw_notes() {
    Workshop* workshop = workshop_with_meetings();
    if (!workshop) return;
    draw_note_list(agenda::NoteKind::Decision, decisions_, "Decisions", "+ Decision", "decision");
    draw_note_list(agenda::NoteKind::Note, notes_, "Notes", "+ Note", "note");
    draw_note_list(agenda::NoteKind::Parked, parked_, "Parking lot", "+ Park a question", "parked");
}

void AgendaPanel::draw_note_list(agenda::NoteKind kind, std::vector<agenda::Note>& list,
                                 const char* title, const char* add_label, const char* probe) {
    if (!ImGui::CollapsingHeader(runtime_.translate(title), ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::PushID(probe);
    std::int64_t remove = 0;
    for (std::size_t row = 0; row < list.size(); ++row) {
        auto& note = list[row];
        ImGui::PushID(static_cast<int>(note.id));
        bool commit = false;
        if (kind == agenda::NoteKind::Parked) {
            commit |= ImGui::Checkbox("##done", &note.done);
            mark_item(fmt::format("notes.{}.{}.done", probe, row));
            ImGui::SameLine();
        }
        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
        commit |= input_text("##text", note.text);
        mark_item(fmt::format("notes.{}.{}.text", probe, row));
        if (commit) save("Edit meeting note", [&](Database& db) { agenda::update_note(db, note); });
        ImGui::SameLine();
        if (ImGui::Button(runtime_.translate("Remove"))) remove = note.id;
        ImGui::PopID();
    }
    if (remove) save("Remove meeting note", [&](Database& db) { agenda::remove_note(db, remove); });
    if (big_button(runtime_.translate(add_label))) {
        std::int64_t meeting = meeting_id_;
        save(add_label, [&](Database& db) { agenda::add_note(db, meeting, kind, ""); });
    }
    mark_item(fmt::format("notes.{}.add", probe));
    ImGui::PopID();
}

}  // namespace kartla::ui
