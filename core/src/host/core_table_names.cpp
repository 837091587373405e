// What the core's own tables and fields are called where the window shows rows
// of them (a merge's conflicts): the core names its tables the way a plugin
// names its own (Host::add_table_names), in its own catalogue.
#include "host/core_parts.hpp"

namespace kartla {

namespace {

void register_core_table_names(Host& core_host) {
    core_host.add_table_names({
        {"core_meta", "Workshop details", {{"value", "Value"}}},
        {"core_participant", "Participant", {{"role", "Role"}, {"organisation", "Organisation"}, {"position", "Order"}}},
        {"core_meeting", "Meeting",
         {{"kind", "Kind of meeting"}, {"title", "Title"}, {"date", "Date"}, {"place", "Place"}, {"notes", "Notes"}}},
        {"core_attendance", "Attendance"},
        {"core_link", "Link",
         {{"from_id", "Linked from"}, {"to_id", "Linked to"}, {"from_kind", "Linked from"}, {"to_kind", "Linked to"},
          {"role", "Role"}}},
        {"core_agenda_step", "Agenda step",
         {{"meeting_id", "Meeting"}, {"position", "Order"}, {"title", "Title"}, {"minutes", "Minutes planned"},
          {"view_key", "View"}, {"spent_seconds", "Time spent"}}},
        {"core_meeting_note", "Meeting note",
         {{"meeting_id", "Meeting"}, {"kind", "Kind of note"}, {"text", "Text"}, {"done", "Done"}, {"position", "Order"}}},
    });
}

const CorePart core_table_names{&register_core_table_names};

}  // namespace

}  // namespace kartla
