// The live checks, grouped by kind: what to settle before the meeting ends.
#include "common.hpp"
#include "views.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::views {

namespace {

constexpr std::pair<CheckKind, const char*> kGroups[] = {
    {CheckKind::ProblemGap, "Prioritised problems nobody answers for, or without a measure"},
    {CheckKind::UncoveredCause, "Causes without a measure"},
    {CheckKind::MissingOwner, "Measures without a responsible owner"},
    {CheckKind::MissingDue, "Measures without a due date"},
    {CheckKind::Overdue, "Overdue measures"},
    {CheckKind::OwnerOverloaded, "Owners with many measures due in the same month"},
    {CheckKind::UnconnectedActor, "Actors connected to nothing: no measure, problem or relation"},
};

}  // namespace

void ChecksView::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    const auto& findings = state_.findings();
    const Translate tr = state_.translator();
    if (findings.empty()) {
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1.0f), "%s", state_.tr("No open questions in the action plan."));
        return;
    }
    for (const auto& [kind, msgid] : kGroups) {
        int count = 0;
        for (const auto& f : findings) count += f.kind == kind;
        if (count == 0) continue;
        ImGui::PushID(static_cast<int>(kind));
        const std::string heading = fmt::format("{} ({})", state_.tr(msgid), count);
        if (kartla::ui::clipped_header("###group", heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
            int n = 0;
            for (const auto& f : findings) {
                if (f.kind != kind) continue;
                ImGui::PushID(n++);
                const std::string text = finding_text(f, state_.plan(), tr);
                if (f.measure_id) {
                    if (ImGui::Selectable(text.c_str(), state_.selected == f.measure_id)) state_.select(f.measure_id);
                } else {
                    ImGui::TextWrapped("%s", text.c_str());
                }
                kartla::ui::mark_item(fmt::format("action_plan.checks.{}.{}", check_kind_key(kind), n - 1));
                ImGui::PopID();
            }
        }
        ImGui::PopID();
    }
}

}  // namespace kartla::action_plan::views
