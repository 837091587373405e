// "By problem": the plan read the way Brå's template reads it,
// problem -> cause -> measures, with the gaps shown where they are.
#include "common.hpp"
#include "views.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <set>

namespace kartla::action_plan::views {

void ByProblemView::measure_line(const Measure& m) {
    ImGui::PushID(static_cast<int>(m.id));
    light_dot(m.light);
    ImGui::SameLine();
    const std::string owner = m.owner_id ? actor_label(state_.plan(), m.owner_id, state_.translator())
                                         : state_.tr("No responsible owner");
    const std::string light = light_words(m.light, state_.translator());
    const std::string text = fmt::format("{}  ·  {}{}{}  ·  {}  ·  {}", m.title, status_words(m.status, state_.translator()),
                                         light.empty() ? "" : "  ·  ", light, owner,
                                         m.due.empty() ? state_.tr("No due date") : m.due);
    // The findings first, then the line wrapped in the width left: the whole line is what the
    // room reads (title, status, light, owner, due date), and nothing is drawn over it.
    if (!findings_for_measure(state_.findings(), m).empty()) {
        finding_count(state_, m);
        ImGui::SameLine();
    }
    if (kartla::ui::clipped_selectable("##measure", text.c_str(), state_.selected == m.id, 0)) state_.select(m.id);
    kartla::ui::mark_item(fmt::format("action_plan.by_problem.measure.{}", m.id));
    ImGui::PopID();
}

void ByProblemView::problem(const Entity& problem) {
    const Plan& plan = state_.plan();
    ImGui::PushID(static_cast<int>(problem.id));
    const std::string rank = rank_prefix(plan, problem, state_.translator());
    const std::string heading = rank.empty() ? problem.label : fmt::format("{} {}", rank, problem.label);
    if (kartla::ui::clipped_header("###problem", heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::Indent();
        const auto direct = plan.measures_addressing_problem(problem.id);
        const auto causes = plan.causes_of(problem.id);
        for (const auto& [cause, depth] : causes) {
            ImGui::PushID(static_cast<int>(cause->id));
            if (depth > 0) ImGui::Indent(px(24) * float(depth));  // Indent(0) would use the default step
            ImGui::TextWrapped("%s %s", depth == 0 ? state_.tr("Cause:") : state_.tr("Underlying cause:"), cause->label.c_str());
            ImGui::Indent();
            const auto measures = plan.measures_addressing_cause(cause->id);
            for (const Measure* m : measures) measure_line(*m);
            if (measures.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
                ImGui::TextUnformatted(state_.tr("No measure for this cause yet."));
                ImGui::PopStyleColor();
                if (!room_) ImGui::SameLine();  // beside its button; the room has none, and the next cause goes below
            }
            if (!room_ && ImGui::Button(state_.tr("Add measure for this cause"))) add_measure(state_, problem.id, cause->id);
            if (!room_) kartla::ui::mark_item(fmt::format("action_plan.by_problem.add_for_cause.{}", cause->id));
            ImGui::Unindent();
            if (depth > 0) ImGui::Unindent(px(24) * float(depth));
            ImGui::PopID();
        }
        // Measures for the problem that name none of its causes.
        std::set<std::int64_t> via_cause;
        for (const auto& [cause, depth] : causes)
            for (const Measure* m : plan.measures_addressing_cause(cause->id)) via_cause.insert(m->id);
        bool heading_shown = false;
        for (const Measure* m : direct) {
            if (via_cause.count(m->id)) continue;
            if (!heading_shown) ImGui::TextUnformatted(state_.tr("For the problem as a whole:"));
            heading_shown = true;
            ImGui::Indent();
            measure_line(*m);
            ImGui::Unindent();
        }
        if (direct.empty() && via_cause.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, kWarningColour);
            ImGui::TextUnformatted(state_.tr("No measure addresses this problem yet."));
            ImGui::PopStyleColor();
        }
        if (!room_ && ImGui::Button(state_.tr("Add measure for this problem"))) add_measure(state_, problem.id);
        if (!room_) kartla::ui::mark_item(fmt::format("action_plan.by_problem.add_for_problem.{}", problem.id));
        ImGui::Unindent();
    }
    ImGui::PopID();
}

// For the room: the same reading, problem -> cause -> measures, without the add buttons.
bool ByProblemView::draw_room() {
    if (!state_.refresh()) return false;
    room_ = true;
    draw();
    room_ = false;
    return true;
}

void ByProblemView::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    const Plan& plan = state_.plan();
    if (!plan.problems.available)
        unavailable_note(state_, "Problems are unavailable (the problem map plugin is not loaded); links are kept.");
    // Prioritised problems first, then any other problem a measure addresses.
    std::vector<const Entity*> shown = plan.prioritised_problems();
    std::set<std::int64_t> shown_ids;
    for (const Entity* p : shown) shown_ids.insert(p->id);
    std::set<std::int64_t> missing;
    for (const auto& m : plan.measures) {
        // A measure may name only a cause; it still belongs under that cause's problem.
        std::vector<std::int64_t> ids = m.problem_ids;
        for (auto cause_id : m.cause_ids)
            if (const Entity* cause = plan.causes.find(cause_id)) {
                const std::string problem = cause->attribute("problem_id");
                if (!problem.empty() && problem.find_first_not_of("0123456789") == std::string::npos)
                    ids.push_back(std::stoll(problem));
            }
        for (auto id : ids) {
            if (shown_ids.count(id)) continue;
            if (const Entity* p = plan.problems.find(id)) {
                shown.push_back(p);
                shown_ids.insert(id);
            } else {
                missing.insert(id);
            }
        }
    }
    for (const Entity* p : shown) problem(*p);
    for (auto id : missing) {
        ImGui::TextDisabled("%s", problem_label(plan, id, state_.translator()).c_str());
        ImGui::Indent();
        for (const Measure* m : plan.measures_addressing_problem(id)) measure_line(*m);
        ImGui::Unindent();
    }
    std::vector<const Measure*> unlinked;
    for (const auto& m : plan.measures)
        if (m.problem_ids.empty() && m.cause_ids.empty()) unlinked.push_back(&m);
    if (!unlinked.empty() && kartla::ui::clipped_header("###unlinked", state_.tr("Measures not linked to a problem"),
                                                        ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const Measure* m : unlinked) measure_line(*m);
    }
}

}  // namespace kartla::action_plan::views
