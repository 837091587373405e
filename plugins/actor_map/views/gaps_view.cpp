#include "kartla/widgets.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

namespace kartla::actor_map::views {

namespace {
const ImVec4 kRed(0.78f, 0.16f, 0.16f, 1), kAmber(0.62f, 0.40f, 0.0f, 1);
}  // namespace

// One line per problem: its title, what is missing, and the one action that closes the gap here.
void GapsView::draw_problem_gap(const Data& d, const kartla::coverage::ProblemCoverage& p, std::function<void()>& pending) {
    using kartla::coverage::Gap;
    const auto& problem = p.problem;
    ImGui::PushID(int(problem.id));
    // Title, then what is missing and the action on a line of their own: wrapped, never cut off at 200 %.
    ImGui::PushStyleColor(ImGuiCol_Text, p.covered() ? kAmber : kRed);
    ImGui::TextWrapped("• %s", problem.label.c_str());
    ImGui::PopStyleColor();
    kartla::ui::mark_item(fmt::format("actor_map.gaps.problem.{}", problem.id));
    kartla::ui::mark_item(fmt::format("actor_map.gaps.{}.{}", kartla::coverage::gap_key(p.gap), problem.id));
    ImGui::Indent();
    if (p.gap == Gap::OwnerWithoutMeasure) {
        std::string owners;
        for (std::int64_t id : p.owners)
            if (const Actor* actor = d.snapshot.actor(id)) owners += (owners.empty() ? "" : ", ") + actor->name;
        kartla::ui::hint(fmt::format("{} {}", s_.tr("owned by"), owners).c_str());
        if (ImGui::Button(s_.tr("Plan a measure"))) s_.host().show_view("action_plan.by_problem");
    } else {
        if (p.gap == Gap::MeasuresWithoutOwner)
            kartla::ui::hint(fmt::format("{} {}", p.measures.size(), s_.tr("measures without an owner")).c_str());
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo("##owner", s_.tr("Choose an owner…"))) {
            for (const auto& actor : d.snapshot.actors)
                if (ImGui::Selectable(actor.name.c_str())) {
                    std::int64_t a = actor.id, id = problem.id;
                    pending = [this, a, id] {
                        s_.host().edit("Set the actor's part in a problem",
                                [&](kartla::Database& db) { set_problem_role(db, a, id, kRoleOwns); });
                    };
                }
            ImGui::EndCombo();
        }
    }
    ImGui::Unindent();
    ImGui::PopID();
}

void GapsView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    const ImVec4 red = kRed, green(0.18f, 0.49f, 0.20f, 1);
    std::function<void()> pending;

    ImGui::TextUnformatted(s_.tr("Prioritised problems with a gap"));
    ImGui::Separator();
    const auto& coverage = d.gaps.coverage;
    if (!d.problems_available) {
        kartla::ui::hint(s_.tr("The problem map plugin is not loaded, so ownership of problems cannot be checked."));
    } else if (coverage.problems.empty()) {
        kartla::ui::hint(s_.tr("No problem is prioritised yet."));
    } else if (coverage.gap_count() == 0) {
        ImGui::TextColored(green, "%s", s_.tr("Every prioritised problem has an owner or a measure with an owner."));
    } else {
        kartla::ui::hint(s_.tr("A problem is covered when an actor owns it, or when a measure aimed at it or at one "
                               "of its causes has an owner."));
        for (auto kind : kartla::coverage::kGapKinds) {
            auto problems = coverage.with_gap(kind);
            if (problems.empty()) continue;
            ImGui::Spacing();
            ImGui::TextUnformatted(fmt::format("{} ({})", s_.tr(kartla::coverage::gap_msgid(kind)), problems.size()).c_str());
            for (const auto* p : problems) draw_problem_gap(d, *p, pending);
        }
    }
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextUnformatted(s_.tr("Actors connected to nothing: no measure, problem or relation"));
    ImGui::Separator();
    if (d.gaps.isolated_actors.empty()) {
        ImGui::TextColored(green, "%s", s_.tr("Every actor has a measure, a problem or a relation."));
    } else {
        for (std::int64_t id : d.gaps.isolated_actors) {
            const Actor* actor = d.snapshot.actor(id);
            ImGui::PushID(int(id));
            ImGui::PushStyleColor(ImGuiCol_Text, red);
            ImGui::TextWrapped("• %s (%s)", actor->name.c_str(), s_.type_name(d.snapshot, *actor).c_str());
            ImGui::PopStyleColor();
            kartla::ui::mark_item(fmt::format("actor_map.gaps.actor.{}", id));
            ImGui::Indent();
            const bool show = ImGui::Button(s_.tr("Show in the network"));
            ImGui::Unindent();
            if (show) {
                s_.selected_actor = id;
                s_.selected_relation = 0;
                s_.tab_requested = true;
                s_.requested_tab = MapTab::Network;
            }
            ImGui::PopID();
        }
    }
    if (pending) pending();
}

}  // namespace kartla::actor_map::views
