// The measure editor: every field of the selected measure. Text fields save as
// they are typed (one undo step per visit to a field); choices save at once.
#include "common.hpp"
#include "views.hpp"

#include "../model/dates.hpp"
#include "kartla/widgets.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::views {

namespace {

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
}

// A heading between groups of fields (ImGui 1.86 has no SeparatorText).
void section(const char* text) {
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.17f, 0.36f, 0.54f, 1.0f), "%s", text);
    ImGui::Separator();
}

}  // namespace

void MeasureEditor::text_field(const char* msgid, Field field, bool multiline) {
    label(state_.tr(msgid));
    ImGui::PushID(static_cast<int>(field));
    // One frame after the scroll went back to the top: focusing an item out of
    // view would scroll to it instead.
    if (field == Field::Title && focus_title_ > 0 && --focus_title_ == 0) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    const std::int64_t id = draft_.id;
    // The SDK's field: what the file could not take is kept, also when another measure is selected.
    kartla::ui::text_field("##text", draft_.*field_spec(field).member, state_.host(),
                           [id, field](kartla::Editor& editor, const std::string& text) {
                               return bool(editor.edit("Edit measure",
                                                       [&](kartla::Database& db) { set_text(db, id, field, text); }));
                           },
                           {.lines = multiline ? 3.0f : 0.0f,
                            .probe = fmt::format("action_plan.editor.field.{}", static_cast<int>(field))});
    ImGui::PopID();
}

void MeasureEditor::date_field(const char* msgid, Field field) {
    ImGui::PushID(static_cast<int>(field));
    ImGui::BeginGroup();
    label(state_.tr(msgid));
    ImGui::SetNextItemWidth(px(170));
    const std::int64_t id = draft_.id;
    // The SDK's field: a date not yet in its form stays as typed, marked with why,
    // also when another measure is selected or a phone's card changes the file.
    kartla::ui::text_field("##date", draft_.*field_spec(field).member, state_.host(),
                           [id, field](kartla::Editor& editor, const std::string& text) {
                               return bool(editor.edit("Set date",
                                                       [&](kartla::Database& db) { set_text(db, id, field, text); }));
                           },
                           {.probe = fmt::format("action_plan.editor.field.{}", static_cast<int>(field)),
                            .check = [this](const std::string& text) {
                                return text.empty() || dates::is_valid(text) ? std::string()
                                                                             : std::string(state_.tr("Write YYYY-MM-DD"));
                            }});
    ImGui::EndGroup();
    ImGui::PopID();
}

template <std::size_t N>
void MeasureEditor::choice(const char* msgid, Field field, const std::array<std::string_view, N>& keys,
                           const char* (*msgid_of)(std::string_view)) {
    ImGui::PushID(static_cast<int>(field));
    label(state_.tr(msgid));
    const std::string current = draft_.text(field);
    for (std::size_t i = 0; i <= N; ++i) {
        // The last choice clears the field.
        const std::string key = i < N ? std::string(keys[i]) : std::string();
        const char* text = i < N ? state_.tr(msgid_of(keys[i])) : state_.tr("Not set");
        if (kartla::ui::radio_in_row(text, current == key) && current != key) {
            const std::int64_t id = draft_.id;
            state_.host().edit("Edit measure", [&](kartla::Database& db) { set_text(db, id, field, key); });
        }
        kartla::ui::mark_item(fmt::format("action_plan.editor.choice.{}.{}", static_cast<int>(field), key));
    }
    ImGui::PopID();
}

void MeasureEditor::links() {
    const Plan& plan = state_.plan();
    const Translate tr = state_.translator();
    const std::int64_t id = draft_.id;
    section(state_.tr("Problems and causes it addresses"));
    if (!plan.problems.available)
        unavailable_note(state_, "Problems are unavailable (the problem map plugin is not loaded); links are kept.");
    // Links to entities that are not there now stay stored and visible.
    for (auto pid : draft_.problem_ids)
        if (!plan.problems.find(pid)) ImGui::TextDisabled("%s", problem_label(plan, pid, tr).c_str());
    for (auto cid : draft_.cause_ids)
        if (!plan.causes.find(cid)) ImGui::TextDisabled("%s", cause_label(plan, cid, tr).c_str());
    std::vector<const Entity*> problems = plan.prioritised_problems();
    for (const auto& p : plan.problems.items)
        if (p.attribute("prioritised") != "1") problems.push_back(&p);
    for (const Entity* p : problems) {
        ImGui::PushID(static_cast<int>(p->id));
        bool linked = std::find(draft_.problem_ids.begin(), draft_.problem_ids.end(), p->id) != draft_.problem_ids.end();
        const std::string text = p->attribute("prioritised") == "1" ? fmt::format("{} *", p->label) : p->label;
        if (ImGui::Checkbox(text.c_str(), &linked))
            state_.host().edit(linked ? "Link problem" : "Unlink problem",
                        [&](kartla::Database& db) { set_addresses(db, id, "problem", p->id, linked); });
        kartla::ui::mark_item(fmt::format("action_plan.editor.problem.{}", p->id));
        ImGui::Indent();
        for (const auto& [cause, depth] : plan.causes_of(p->id)) {
            ImGui::PushID(static_cast<int>(cause->id));
            if (depth > 0) ImGui::Indent(px(20) * float(depth));  // Indent(0) would use the default step
            bool addresses =
                std::find(draft_.cause_ids.begin(), draft_.cause_ids.end(), cause->id) != draft_.cause_ids.end();
            if (ImGui::Checkbox(cause->label.c_str(), &addresses))
                // An init-capture: clang before 16 cannot capture a structured binding (the sanitizer tree uses clang).
                state_.host().edit(addresses ? "Link cause" : "Unlink cause", [&, cause = cause](kartla::Database& db) {
                    set_addresses(db, id, "cause", cause->id, addresses);
                });
            kartla::ui::mark_item(fmt::format("action_plan.editor.cause.{}", cause->id));
            if (depth > 0) ImGui::Unindent(px(20) * float(depth));
            ImGui::PopID();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

// A pick counts only when released on the row it was pressed on: a row that
// slid under the finger between press and release is never chosen.
bool MeasureEditor::released_on_row(std::int64_t row, bool clicked) {
    if (ImGui::IsItemActivated()) pressed_row_ = row;
    const bool same = clicked && pressed_row_ == row && ImGui::IsItemHovered();
    if (ImGui::IsItemDeactivated()) pressed_row_ = 0;
    return same;
}

void MeasureEditor::actors() {
    const Plan& plan = state_.plan();
    const Translate tr = state_.translator();
    const std::int64_t id = draft_.id;
    section(state_.tr("Who"));
    if (!plan.actors.available)
        unavailable_note(state_, "Actors are unavailable (the actor map plugin is not loaded); links are kept.");
    if (draft_.owner_id && !plan.actors.find(draft_.owner_id))
        ImGui::TextDisabled("%s: %s", state_.tr("Responsible"), actor_label(plan, draft_.owner_id, tr).c_str());
    for (auto aid : draft_.partner_ids)
        if (!plan.actors.find(aid)) ImGui::TextDisabled("%s: %s", state_.tr("Partner"), actor_label(plan, aid, tr).c_str());
    if (plan.actors.items.empty()) return;
    if (ImGui::BeginTable("##actors", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(state_.tr("Actor"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(state_.tr("Responsible"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(state_.tr("Partner"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const auto& actor : plan.actors.items) {
            ImGui::PushID(static_cast<int>(actor.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(actor.label.c_str());
            ImGui::TableNextColumn();
            if (released_on_row(actor.id, ImGui::RadioButton("##owner", draft_.owner_id == actor.id))) {
                const std::int64_t owner = draft_.owner_id == actor.id ? 0 : actor.id;  // a second tap clears
                state_.host().edit("Set responsible", [&](kartla::Database& db) { set_owner(db, id, owner); });
            }
            kartla::ui::mark_item(fmt::format("action_plan.editor.owner.{}", actor.id));
            ImGui::TableNextColumn();
            bool partner = std::find(draft_.partner_ids.begin(), draft_.partner_ids.end(), actor.id) !=
                           draft_.partner_ids.end();
            if (released_on_row(actor.id, ImGui::Checkbox("##partner", &partner)))
                state_.host().edit(partner ? "Add partner" : "Remove partner",
                            [&](kartla::Database& db) { set_partner(db, id, actor.id, partner); });
            kartla::ui::mark_item(fmt::format("action_plan.editor.partner.{}", actor.id));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

void MeasureEditor::status_and_light() {
    const std::int64_t id = draft_.id;
    section(state_.tr("Status and follow-up"));
    label(state_.tr("Status"));
    for (auto status : kStatuses) {
        ImGui::SameLine();
        const bool current = draft_.status == status;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, status_colour(status));
        if (ImGui::Button(status_words(status, state_.translator()).c_str()) && !current) {
            const std::string today = state_.today();
            state_.host().edit("Change status", [&](kartla::Database& db) { set_status(db, id, status, today); });
        }
        kartla::ui::mark_item(fmt::format("action_plan.editor.status.{}", status));
        if (current) ImGui::PopStyleColor();
    }
    label(state_.tr("Follow-up light"));
    for (std::size_t i = 0; i <= kLights.size(); ++i) {
        const std::string light = i < kLights.size() ? std::string(kLights[i]) : std::string();
        ImGui::SameLine();
        const bool current = draft_.light == light;
        ImGui::PushStyleColor(ImGuiCol_Button, light.empty() ? ImGui::GetColorU32(ImGuiCol_Button) : light_colour(light));
        const std::string text = fmt::format("{}{}", current ? "> " : "", light.empty() ? std::string(state_.tr("Not set")) : light_words(light, state_.translator()));
        if (ImGui::Button(text.c_str()) && !current)
            state_.host().edit("Set follow-up light", [&](kartla::Database& db) { set_light(db, id, light); });
        kartla::ui::mark_item(fmt::format("action_plan.editor.light.{}", light));
        ImGui::PopStyleColor();
    }
    text_field("Follow-up comment", Field::LightComment);
}

void MeasureEditor::status_log() {
    if (!ImGui::CollapsingHeader(state_.tr("Status log"))) return;
    for (const StatusChange* change : state_.plan().log_of(draft_.id)) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s  %s%s%s", change->date.c_str(), status_words(change->from_status, state_.translator()).c_str(),
                           change->from_status.empty() ? "" : " -> ", status_words(change->to_status, state_.translator()).c_str());
    }
}

void MeasureEditor::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    const Measure* measure = state_.plan().measure(state_.selected);
    if (!measure) {
        unavailable_note(state_, "Select a measure in the table, board, timeline or problem view, or add one.");
        if (kartla::ui::big_button(state_.tr("New measure"))) add_measure(state_);
        kartla::ui::mark_item("action_plan.editor.new");
        return;
    }
    if (draft_id_ != measure->id || draft_revision_ != state_.revision()) {
        if (draft_id_ != measure->id) {
            // Another measure: the form starts at its top, and a new one is ready to be named.
            ImGui::SetScrollY(0);
            focus_title_ = state_.created == measure->id ? 2 : 0;
            state_.created = 0;
        }
        draft_ = *measure;
        draft_id_ = measure->id;
        draft_revision_ = state_.revision();
        confirm_delete_ = false;
    }
    ImGui::PushID(static_cast<int>(draft_.id));
    finding_badges(state_, *measure);
    text_field("Title", Field::Title);
    text_field("Description", Field::Description, true);
    links();
    section(state_.tr("What"));
    choice("Kind", Field::Prevention, kPreventionKinds, prevention_msgid);
    label(state_.tr("Form"));
    for (bool ordinary : {false, true}) {
        if (kartla::ui::radio_in_row(state_.tr(ordinary_work_msgid(ordinary)), draft_.ordinary_work == ordinary) &&
            draft_.ordinary_work != ordinary) {
            const std::int64_t id = draft_.id;
            state_.host().edit("Edit measure", [&](kartla::Database& db) { set_ordinary_work(db, id, ordinary); });
        }
    }
    choice("Goal type", Field::GoalType, kGoalTypes, goal_type_msgid);
    text_field("Operational goal", Field::Goal);
    actors();
    section(state_.tr("When"));
    date_field("Start", Field::Start);
    ImGui::SameLine(0, px(30));
    date_field("Due", Field::Due);
    label(state_.tr("Priority"));
    for (int p : {1, 2, 3, 0}) {
        if (kartla::ui::radio_in_row(state_.tr(p ? priority_msgid(p) : "Not set"), draft_.priority == p) && draft_.priority != p) {
            const std::int64_t id = draft_.id;
            state_.host().edit("Edit measure", [&](kartla::Database& db) { set_priority(db, id, p); });
        }
    }
    text_field("Resources", Field::Resources);
    text_field("Cost", Field::Cost);
    section(state_.tr("Expected effect and follow-up"));
    choice("Effect term", Field::EffectTerm, kEffectTerms, effect_term_msgid);
    text_field("Expected effect", Field::ExpectedEffect, true);
    text_field("Indicator", Field::Indicator);
    text_field("Baseline", Field::Baseline);
    text_field("Follow-up method", Field::FollowUpMethod);
    status_and_light();
    status_log();
    ImGui::Separator();
    if (!confirm_delete_) {
        if (ImGui::Button(state_.tr("Delete measure…"))) confirm_delete_ = true;
    } else {
        ImGui::TextUnformatted(state_.tr("Delete this measure? You can undo it."));
        ImGui::SameLine();
        if (ImGui::Button(state_.tr("Delete"))) {
            const std::int64_t id = draft_.id;
            state_.host().edit("Delete measure", [&](kartla::Database& db) { delete_measure(db, id); });
            state_.selected = 0;
        }
        ImGui::SameLine();
        if (ImGui::Button(state_.tr("Keep"))) confirm_delete_ = false;
    }
    ImGui::PopID();
}

}  // namespace kartla::action_plan::views
