#include "kartla/widgets.hpp"
#include "views/views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace kartla::actor_map::views {

std::string_view next_role(std::string_view role) {
    if (role.empty()) return kRoleOwns;
    if (role == kRoleOwns) return kRoleContributes;
    if (role == kRoleContributes) return kRoleAffected;
    return {};
}

const char* role_msgid(std::string_view role) {
    if (role == kRoleOwns) return "owns";
    if (role == kRoleContributes) return "contributes";
    if (role == kRoleAffected) return "affected";
    return "";
}

ImVec4 role_colour(std::string_view role) {
    if (role == kRoleOwns) return ImVec4(0.18f, 0.49f, 0.20f, 1.0f);
    if (role == kRoleContributes) return ImVec4(0.08f, 0.40f, 0.75f, 1.0f);
    if (role == kRoleAffected) return ImVec4(0.80f, 0.45f, 0.0f, 1.0f);
    return ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
}

namespace {

bool role_button(const char* label, std::string_view role, ImVec2 size) {
    ImVec4 c = role_colour(role);
    bool none = role.empty();
    ImGui::PushStyleColor(ImGuiCol_Button, c);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(c.x * 0.9f, c.y * 0.9f, c.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(c.x * 0.8f, c.y * 0.8f, c.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, none ? ImVec4(0.3f, 0.3f, 0.3f, 1) : ImVec4(1, 1, 1, 1));
    bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return pressed;
}

}  // namespace

void MatrixView::draw() {
    if (!s_.workshop()) {
        kartla::ui::hint(s_.tr("No workshop is open."));
        return;
    }
    const Data& d = s_.data();
    if (!d.problems_available) {
        kartla::ui::field_error(s_.tr("The problem map plugin is not loaded, so there are no problems to show here. "
                                      "Links already made between actors and problems are kept."));
        kartla::ui::mark_item("actor_map.matrix.unavailable");
        return;
    }
    if (d.problems.empty() || d.snapshot.actors.empty()) {
        kartla::ui::hint(s_.tr("The matrix needs both actors and problems."));
        return;
    }
    kartla::ui::hint(s_.tr("Tap a cell to change the actor's part: none, owns, contributes, affected. "
                           "Prioritised problems (★) come first; red ones nobody answers for (no owner, no measure with an owner)."));
    std::map<std::pair<std::int64_t, std::int64_t>, std::string> roles;
    for (const auto& link : d.snapshot.problem_links) roles[{link.actor_id, link.problem_id}] = link.role;
    std::set<std::int64_t> unowned;
    for (const auto& p : d.gaps.uncovered_problems) unowned.insert(p.id);

    const float em = ImGui::GetFontSize();
    const int columns = 1 + int(std::min<std::size_t>(d.problems.size(), 60));
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                            ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##actor_problem_matrix", columns, flags, ImGui::GetContentRegionAvail())) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(s_.tr("Actor"), ImGuiTableColumnFlags_WidthFixed, em * 13);
    for (int c = 1; c < columns; ++c) ImGui::TableSetupColumn(fmt::format("##p{}", c).c_str(), ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(s_.tr("Actor"));
    for (int c = 1; c < columns; ++c) {
        const auto& problem = d.problems[std::size_t(c - 1)];
        ImGui::TableSetColumnIndex(c);
        bool red = unowned.count(problem.id) > 0;
        if (red) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.16f, 0.16f, 1));
        ImGui::TextWrapped("%s%s", is_prioritised(problem) ? "★ " : "", problem.label.c_str());
        if (red) ImGui::PopStyleColor();
    }
    std::function<void()> pending;
    ImGuiListClipper clipper;
    clipper.Begin(int(d.snapshot.actors.size()));
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Actor& actor = d.snapshot.actors[std::size_t(row)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(actor.name.c_str());
            for (int c = 1; c < columns; ++c) {
                const auto& problem = d.problems[std::size_t(c - 1)];
                ImGui::TableSetColumnIndex(c);
                auto found = roles.find({actor.id, problem.id});
                std::string role = found == roles.end() ? std::string() : found->second;
                std::string label = fmt::format("{}##cell_{}_{}", role.empty() ? "·" : s_.tr(role_msgid(role)), actor.id, problem.id);
                if (role_button(label.c_str(), role, ImVec2(-FLT_MIN, ImGui::GetFrameHeight() * 1.15f))) {
                    std::int64_t a = actor.id, p = problem.id;
                    std::string next(next_role(role));
                    pending = [this, a, p, next] {
                        s_.host().edit("Set the actor's part in a problem", [&](kartla::Database& db) { set_problem_role(db, a, p, next); });
                    };
                }
                kartla::ui::mark_item(fmt::format("actor_map.matrix.{}.{}", actor.id, problem.id));
            }
        }
    ImGui::EndTable();
    if (pending) pending();
}

}  // namespace kartla::actor_map::views
