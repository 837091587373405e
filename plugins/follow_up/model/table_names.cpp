#include "table_names.hpp"

namespace kartla::follow_up {

std::vector<TableNames> table_names() {
    return {
        {"follow_up_record", "Follow-up",
         {{"meeting_id", "Follow-up meeting"},
          {"measure_id", "Measure"},
          {"status", "Status"},
          {"light", "Light"},
          {"light_comment", "Comment on the light"},
          {"indicator_value", "Indicator value"},
          {"indicator_date", "Measured on (YYYY-MM-DD)"},
          {"indicator_source", "Source"},
          {"decision", "Decision"},
          {"decision_note", "Note on the decision"}}},
        {"follow_up_snapshot", "Since the last meeting",
         {{"meeting_id", "Follow-up meeting"}, {"kind", "Part"}, {"label", "Name"}, {"attributes", "What changed"}}},
    };
}

}  // namespace kartla::follow_up
