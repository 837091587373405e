#pragma once
// The follow-up meeting on the shared screen: start a meeting, walk through
// the measures one by one (overdue and red first) and record what the room
// says; and "since the last meeting".
#include "../model/change_text.hpp"
#include "../model/follow_up.hpp"

#include "kartla/document.hpp"

#include "kartla/plugin_api.hpp"

#include <map>
#include <optional>

namespace kartla::follow_up {

class MeetingView {
public:
    explicit MeetingView(kartla::Host& host) : host_(host) {}
    void draw();
    bool draw_room();

private:
    struct Cache {
        std::uint64_t revision = 0;
        bool valid = false;
        std::vector<kartla::core_data::Meeting> meetings;
        std::vector<Entity> measures;  // in walk order
        bool measures_available = false;
        std::map<std::int64_t, std::string> actor_labels;
        std::vector<Change> changes;
        std::string changes_against;  // what the changes compare
        LabelIndex labels;             // names for the ids in changed attributes
        std::vector<kartla::doc::Chart> charts;  // every measure's indicator over the meetings
    };
    void refresh(kartla::Workshop& w);
    void draw_meeting_bar(kartla::Workshop& w);
    void draw_start(kartla::Workshop& w);
    void draw_walk(kartla::Workshop& w);
    void draw_measure(kartla::Workshop& w, const Entity& measure);
    void draw_plan_facts(kartla::Workshop& w, const Entity& measure);
    void draw_record(kartla::Workshop& w, const Entity& measure);
    void draw_changes();
    void draw_change_list();
    void draw_indicator_charts();
    // One undo step through the host, which shows a failure itself.
    // Through `editor` (a text field's, in its visit's undo step), else the Host.
    bool save(const char* label, const Record& record, kartla::Editor& editor);
    bool save(const char* label, const Record& record) { return save(label, record, host_); }
    const char* tr(const char* msgid) { return host_.tr(msgid); }

    kartla::Host& host_;
    Cache cache_;
    std::int64_t meeting_id_ = 0;
    std::size_t position_ = 0;  // index in the walk order
    bool show_changes_ = false;
    bool room_ = false;  // drawing for the room: no fields
    std::string new_date_;
    std::string new_title_;
    std::string error_;
};

}  // namespace kartla::follow_up
