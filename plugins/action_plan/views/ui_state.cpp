#include "ui_state.hpp"

#include "../model/dates.hpp"

namespace kartla::action_plan::views {

bool UiState::refresh() {
    kartla::Workshop* workshop = host_.workshop();
    if (!workshop) {
        loaded_ = false;
        return false;
    }
    const std::string today = today_override.empty() ? dates::today() : today_override;
    if (loaded_ && workshop == workshop_ && workshop->revision() == revision_ && today == today_) return true;
    workshop_ = workshop;
    revision_ = workshop->revision();
    today_ = today;
    plan_ = load_plan(workshop->db(), entity_source());
    findings_ = run_checks(plan_, today_);
    rows_.clear();
    const Translate tr = translator();
    for (const auto& m : plan_.measures) rows_.push_back(exporting::measure_row(plan_, m, tr));
    if (selected != 0 && !plan_.measure(selected)) selected = 0;
    loaded_ = true;
    return true;
}

}  // namespace kartla::action_plan::views
