#pragma once
// The core's own panel: workshop details, participants and meetings.
#include "kartla/core_data.hpp"
#include "host/runtime.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API WorkshopPanel {
public:
    explicit WorkshopPanel(Runtime& runtime) : runtime_(runtime) {}
    void draw();  // window contents only

private:
    void reload_if_changed(Workshop& workshop);
    void draw_details();
    void draw_participants();
    void draw_meetings();
    void draw_attendance(const core_data::Meeting& meeting, std::size_t row);
    bool save(const char* label, const std::function<void(Database&)>& change);
    bool written(const EditResult& result);  // says a failure the window does not say already

    Runtime& runtime_;
    std::uint64_t loaded_revision_ = 0;
    std::vector<std::string> meta_;
    std::vector<core_data::Participant> participants_;
    std::string new_role_;        // the "new participant" field
    std::int64_t focus_row_ = 0;  // a participant just added by the button: its role field takes the keyboard
    std::vector<core_data::Meeting> meetings_;
    std::vector<std::vector<std::int64_t>> attendance_;  // per meeting, in meetings_ order
    std::string error_;
};

}  // namespace kartla::ui
