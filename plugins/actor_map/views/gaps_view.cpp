#include "kartla/widgets.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

namespace actor_map::ui {

void GapsView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    const ImVec4 red(0.78f, 0.16f, 0.16f, 1), green(0.18f, 0.49f, 0.20f, 1);
    std::function<void()> pending;

    ImGui::TextUnformatted(s_.tr("Prioritised problems without an owner"));
    ImGui::Separator();
    if (!d.problems_available) {
        kartla::ui::hint(s_.tr("The problem map plugin is not loaded, so ownership of problems cannot be checked."));
    } else if (d.gaps.unowned_problems.empty()) {
        ImGui::TextColored(green, "%s", s_.tr("Every prioritised problem has an owner."));
    } else {
        for (const auto& problem : d.gaps.unowned_problems) {
            ImGui::PushID(int(problem.id));
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(red, "• %s", problem.label.c_str());
            kartla::ui::mark_item(fmt::format("actor_map.gaps.problem.{}", problem.id));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            if (ImGui::BeginCombo("##owner", s_.tr("Choose an owner…"))) {
                for (const auto& actor : d.snapshot.actors)
                    if (ImGui::Selectable(actor.name.c_str())) {
                        std::int64_t a = actor.id, p = problem.id;
                        pending = [this, a, p] {
                            s_.edit("Set the actor's part in a problem",
                                    [&](kartla::Database& db) { set_problem_role(db, a, p, kRoleOwns); });
                        };
                    }
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextUnformatted(s_.tr("Actors with no relation and no problem"));
    ImGui::Separator();
    if (d.gaps.isolated_actors.empty()) {
        ImGui::TextColored(green, "%s", s_.tr("Every actor is connected to another actor or to a problem."));
    } else {
        for (std::int64_t id : d.gaps.isolated_actors) {
            const Actor* actor = d.snapshot.actor(id);
            ImGui::PushID(int(id));
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(red, "• %s (%s)", actor->name.c_str(), s_.type_name(d.snapshot, *actor).c_str());
            kartla::ui::mark_item(fmt::format("actor_map.gaps.actor.{}", id));
            ImGui::SameLine();
            if (ImGui::Button(s_.tr("Show in the network"))) {
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

}  // namespace actor_map::ui
