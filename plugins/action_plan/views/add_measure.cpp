#include "views.hpp"

namespace kartla::action_plan::views {

std::int64_t add_measure(UiState& state, std::int64_t problem_id, std::int64_t cause_id) {
    std::int64_t id = 0;
    const std::string title = state.tr("New measure");
    state.host().edit("Add measure", [&](kartla::Database& db) {
        id = create_measure(db, title, state.today());
        if (problem_id) set_addresses(db, id, "problem", problem_id, true);
        if (cause_id) set_addresses(db, id, "cause", cause_id, true);
    });
    if (id) state.created = id, state.select(id);
    return id;
}

}  // namespace kartla::action_plan::views
