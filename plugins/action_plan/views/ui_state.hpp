#pragma once
// What the action plan's views share: the cached plan (rebuilt only when the
// workshop revision changes), the live-check findings, the selected measure,
// and the one path through which views change data.
#include "../model/checks.hpp"
#include "../model/export/document.hpp"
#include "../model/plan.hpp"

#include "kartla/plugin_api.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kartla::action_plan::views {

class UiState {
public:
    explicit UiState(kartla::Host& host) : host_(host) {}

    // Brings the cache up to date; false when no workshop is open.
    bool refresh();

    const Plan& plan() const { return plan_; }
    const std::vector<Finding>& findings() const { return findings_; }
    // Display cells of each measure, parallel to plan().measures.
    const std::vector<exporting::MeasureRow>& rows() const { return rows_; }
    const std::string& today() const { return today_; }
    std::uint64_t revision() const { return revision_; }

    const char* tr(const char* msgid) { return *msgid ? host_.tr(msgid) : ""; }
    Translate translator() {
        return [this](const char* msgid) { return tr(msgid); };
    }
    EntitySource entity_source() { return host_.entity_source(); }
    // Edits go through host().edit(label msgid, change): it shows failures itself.
    kartla::Host& host() { return host_; }

    std::int64_t selected = 0;
    // Selects a measure and brings its form into sight: where the side column is a
    // drawer (200 % on 1080 lines) a new or chosen measure's form was hidden behind it.
    void select(std::int64_t id) {
        selected = id;
        if (id) host_.show_view("action_plan.measure");
    }
    // The measure just added: the editor focuses its title once.
    std::int64_t created = 0;
    // Tests pin the date so checks and the timeline do not depend on the clock.
    std::string today_override;

private:
    kartla::Host& host_;
    const kartla::Workshop* workshop_ = nullptr;
    std::uint64_t revision_ = 0;
    bool loaded_ = false;
    Plan plan_;
    std::vector<Finding> findings_;
    std::vector<exporting::MeasureRow> rows_;
    std::string today_;
};

}  // namespace kartla::action_plan::views
