#pragma once
// The facilitator's agenda: the timeboxed steps of a meeting, the countdown
// the room watches, and the step's view brought to the front. Also draws the
// meeting's parking lot and decision log (a second side view).
#include "meeting/agenda.hpp"
#include "kartla/core_data.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API AgendaPanel {
public:
    explicit AgendaPanel(Runtime& runtime);
    void draw();        // the agenda view's contents
    void draw_notes();  // the parking lot and decisions view's contents
    const std::string& error() const { return error_; }  // what the panel says of the last failed edit
    // The countdown alone, large, for the presentation mode; `scale` times the text size.
    void draw_big_clock(float scale, bool with_message = true);
    // While a step runs: its countdown and "Next step" as toolbar items, for the view
    // bar when the agenda itself is in the closed drawer (a narrow stage).
    std::vector<ToolItem> compact_items();
    bool time_up() const { return runner_.current_step() && runner_.countdown().time_up(); }

    agenda::Runner& runner() { return runner_; }
    void set_clock(agenda::Countdown::Clock now) { runner_.set_clock(std::move(now)); }
    bool ticking() const { return runner_.countdown().running(); }

    // Actions shared with the menus and the command palette.
    void toggle_timer();
    void next_step();
    void previous_step();
    void add_minutes(int minutes) { runner_.add_minutes(minutes); }
    void load_default_agenda();

private:
    void reload_if_changed(Workshop& workshop);
    Workshop* workshop_with_meetings();
    void draw_meeting_choice();
    void draw_clock_and_controls(Workshop& workshop);
    void draw_steps(Workshop& workshop);
    void draw_step_editor(agenda::Step& step, std::size_t row);
    void draw_note_list(agenda::NoteKind kind, std::vector<agenda::Note>& list,
                        const char* title, const char* add_label, const char* probe);
    void save(const char* label, const std::function<void(Database&)>& change);

    Runtime& runtime_;
    agenda::Runner runner_;
    std::uint64_t loaded_revision_ = 0;
    std::filesystem::path loaded_path_;  // of the workshop the cache is for
    std::vector<core_data::Meeting> meetings_;
    std::int64_t meeting_id_ = 0;
    std::vector<agenda::Step> steps_;  // editable copies
    std::vector<std::string> minutes_text_;  // per step, as typed
    std::vector<agenda::Note> decisions_, notes_, parked_;
    bool editing_ = false;
    bool available_ = true;
    std::string error_;  // the last edit's failure, as shown under the panel
};

}  // namespace kartla::ui
