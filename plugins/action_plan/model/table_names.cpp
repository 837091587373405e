#include "table_names.hpp"

namespace kartla::action_plan {

std::vector<TableNames> table_names() {
    return {
        {"action_plan_measure", "Measure",
         {{"title", "Title"},
          {"description", "Description"},
          {"prevention", "Nature"},
          {"ordinary_work", "Part of ordinary work"},
          {"goal_type", "Goal type"},
          {"goal", "Operational goal"},
          {"start", "Start"},
          {"due", "Due"},
          {"resources", "Resources"},
          {"cost", "Cost"},
          {"effect_term", "Effect term"},
          {"expected_effect", "Expected effect"},
          {"indicator", "Indicator"},
          {"baseline", "Baseline"},
          {"follow_up_method", "Follow-up method"},
          {"priority", "Priority"},
          {"status", "Status"},
          {"light", "Follow-up light"},
          {"light_comment", "Follow-up comment"},
          {"position", "Rank"}}},
        {"action_plan_status_log", "Status log",
         {{"measure_id", "Measure"}, {"date", "Date"}, {"from_status", "From status"}, {"to_status", "To status"}, {"note", "Note"}}},
        {"action_plan_meta", "Action plan", {{"value", "Value"}}},
    };
}

}  // namespace kartla::action_plan
