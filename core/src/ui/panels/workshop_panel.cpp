#include "ui/panels/workshop_panel.hpp"

#include "kartla/dates.hpp"
#include "kartla/widgets.hpp"
#include "storage/core_data_edits.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace kartla::ui {

namespace {

const char* meta_label(std::string_view key) {
    if (key == "title") return "Title";
    if (key == "organisation") return "Municipality / organisation";
    if (key == "date") return "Date (of the first meeting)";
    if (key == "place") return "Place";
    if (key == "facilitator_role") return "Facilitator (role)";
    return "Purpose";
}

}  // namespace

void WorkshopPanel::reload_if_changed(Workshop& workshop) {
    if (loaded_revision_ == workshop.revision()) return;
    auto& db = workshop.db();
    meta_.clear();
    for (auto key : core_data::kMetaKeys) meta_.push_back(core_data::meta(db, key));
    participants_ = core_data::participants(db);
    meetings_ = core_data::meetings(db);
    attendance_.clear();
    for (auto& m : meetings_) attendance_.push_back(core_data::attendees(db, m.id));
    loaded_revision_ = workshop.revision();
}

bool WorkshopPanel::save(const char* label, const std::function<void(Database&)>& change) {
    // Through the session's one edit path, like every edit; a field's save joins its
    // visit's undo step and tries again if it fails; labelled in the core's catalogue.
    FieldEditor editor(runtime_.session());
    return written(editor.edit(label, change));
}

bool WorkshopPanel::written(const EditResult& result) {
    // On failure the typed text stays in the field (the cache is not reloaded), so nothing is lost.
    // A file gone is said once, by the window's banner, and ends with a copy; a read-only file once,
    // by the line above the fields. Said again here, a new line would push the fields down under
    // the finger that is about to tap the next one.
    Workshop* workshop = runtime_.workshop();
    bool said_elsewhere = !workshop || !workshop->file_problem().empty() || workshop->read_only();
    error_ = result || said_elsewhere ? std::string() : result.message;
    if (result) loaded_revision_ = 0;
    return bool(result);
}

void WorkshopPanel::draw() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop) {
        hint(runtime_.translate("No workshop is open. Use File > New or File > Open."));
        return;
    }
    reload_if_changed(*workshop);
    if (workshop->read_only()) field_error(runtime_.translate("Read-only: changes are not saved."));
    if (!error_.empty()) field_error(error_);
    draw_details();
    draw_participants();
    draw_meetings();
}

void WorkshopPanel::draw_details() {
    if (!ImGui::CollapsingHeader(runtime_.translate("Details"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    // Labels above the fields: they stay readable when the panel is narrow or the text is large.
    ImGui::PushItemWidth(-1);
    for (std::size_t i = 0; i < core_data::kMetaKeys.size(); ++i) {
        auto key = core_data::kMetaKeys[i];
        ImGui::TextUnformatted(runtime_.translate(meta_label(key)));
        std::string label = fmt::format("##meta.{}", key);
        // Looks the workshop up when it writes: text the file could not take is written later, maybe into a copy.
        text_field(label.c_str(), meta_[i], runtime_.session(),
                   [this, key](Editor& editor, const std::string& text) {
                       return written(editor.edit("Edit workshop details",
                                                  [&](Database& db) { core_data::set_meta(db, key, text); }));
                   },
                   {.lines = key == "purpose" ? 3.0f : 0.0f, .probe = fmt::format("workshop.meta.{}", key)});
    }
    ImGui::PopItemWidth();
}

void WorkshopPanel::draw_participants() {
    if (!ImGui::CollapsingHeader(runtime_.translate("Participants"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    hint(runtime_.translate("By role and organisation; kartla stores no names of persons."));
    std::int64_t remove = 0;
    if (ImGui::BeginTable("participants", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(runtime_.translate("Role"));
        ImGui::TableSetupColumn(runtime_.translate("Organisation"));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t row = 0; row < participants_.size(); ++row) {
            auto& p = participants_[row];
            ImGui::PushID(static_cast<int>(p.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            // A row added by the button: its role is typed at once.
            if (focus_row_ == p.id) {
                ImGui::SetKeyboardFocusHere();
                focus_row_ = 0;
            }
            bool commit = input_text("##role", p.role);
            mark_item(fmt::format("workshop.participant.{}.role", row));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            commit |= input_text("##organisation", p.organisation);
            mark_item(fmt::format("workshop.participant.{}.organisation", row));
            if (commit) save("Edit participant", [&](Database& db) { core_data::update_participant(db, p); });
            ImGui::TableNextColumn();
            if (ImGui::Button(runtime_.translate("Remove"))) remove = p.id;
            mark_item(fmt::format("workshop.participant.{}.remove", row));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove) save("Remove participant", [&](Database& db) { core_data::remove_participant(db, remove); });
    // Roles dictated one after another: Enter adds the row and keeps the cursor here.
    std::string role;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (add_field("##new_participant", runtime_.translate("Role of a new participant"), new_role_, role) == AddEvent::Added)
        save("Add participant", [&](Database& db) { core_data::add_participant(db, role, ""); });
    mark_item("workshop.new_participant");
    ImGui::SameLine();
    if (big_button(runtime_.translate("+ Add participant"))) {
        std::int64_t added = 0;
        save("Add participant", [&](Database& db) { added = core_data::add_participant(db, "", ""); });
        focus_row_ = added;
    }
    mark_item("workshop.add_participant");
}

void WorkshopPanel::draw_meetings() {
    if (!ImGui::CollapsingHeader(runtime_.translate("Meetings"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    std::int64_t remove = 0;
    if (ImGui::BeginTable("meetings", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(runtime_.translate("Meeting"));
        ImGui::TableSetupColumn(runtime_.translate("Date"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
        ImGui::TableSetupColumn(runtime_.translate("Place"));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t row = 0; row < meetings_.size(); ++row) {
            auto& m = meetings_[row];
            ImGui::PushID(static_cast<int>(m.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            bool commit = input_text("##title", m.title);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            commit |= input_text("##date", m.date);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            commit |= input_text("##place", m.place);
            if (commit) save("Edit meeting", [&](Database& db) { core_data::update_meeting(db, m); });
            ImGui::TableNextColumn();
            if (ImGui::Button(runtime_.translate("Remove"))) remove = m.id;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (std::size_t row = 0; row < meetings_.size(); ++row) draw_attendance(meetings_[row], row);
    if (remove) save("Remove meeting", [&](Database& db) { core_data::remove_meeting(db, remove); });
    if (big_button(runtime_.translate("+ Add meeting"))) {
        const bool first = meetings_.empty();
        core_data::Meeting meeting{0, first ? "mapping" : "follow_up",
                                   runtime_.translate(first ? "Mapping meeting" : "Follow-up meeting"), dates::today(), "", ""};
        save("Add meeting", [&](Database& db) {
            // The first meeting takes the workshop's date when one is set (add_meeting moves it in).
            if (first && !core_data::meta(db, "date").empty()) meeting.date.clear();
            core_data::add_meeting(db, meeting);
        });
    }
}

void WorkshopPanel::draw_attendance(const core_data::Meeting& meeting, std::size_t row) {
    const auto& present = attendance_[row];
    std::string header = fmt::format("{}: {} ({} / {})###attendance.{}", runtime_.translate("Attendance"), meeting.title,
                                     present.size(), participants_.size(), meeting.id);
    bool open = ImGui::TreeNode(header.c_str());
    mark_item(fmt::format("workshop.attendance.{}", row));
    if (!open) return;
    // One tap for the usual case: everyone came; then untick who did not.
    ImGui::BeginDisabled(participants_.empty() || present.size() == participants_.size());
    if (big_button(fmt::format("{}##everyone.{}", runtime_.translate("Everyone present"), meeting.id).c_str()))
        save("Record attendance", [&](Database& db) {
            for (const auto& p : participants_) core_data::set_attended(db, meeting.id, p.id, true);
        });
    mark_item(fmt::format("workshop.attendance.{}.everyone", row));
    ImGui::EndDisabled();
    for (std::size_t i = 0; i < participants_.size(); ++i) {
        const auto& p = participants_[i];
        bool attended = std::find(present.begin(), present.end(), p.id) != present.end();
        std::string label = fmt::format("{}, {}##attended.{}", p.role, p.organisation, p.id);
        if (ImGui::Checkbox(label.c_str(), &attended))
            save("Record attendance",
                 [&](Database& db) { core_data::set_attended(db, meeting.id, p.id, attended); });
        mark_item(fmt::format("workshop.attendance.{}.{}", row, i));
    }
    ImGui::TreePop();
}

}  // namespace kartla::ui
