#include "ui/panels/privacy_panel.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>

namespace kartla::ui {

const char* hit_kind_label(privacy::HitKind kind) {
    switch (kind) {
        case privacy::HitKind::PersonalIdentityNumber: return "Personal identity number";
        case privacy::HitKind::CoordinationNumber: return "Coordination number";
        case privacy::HitKind::PhoneNumber: return "Phone number";
        case privacy::HitKind::EmailAddress: return "E-mail address";
    }
    return "Personal data";
}

// Where a hit is, in the words of the screen it can be fixed on: the core's own
// panels by name, a plugin's tables by the plugin's name (tables carry its id as prefix).
std::string PrivacyPanel::place_of(const privacy::CellHit& hit) {
    static const std::pair<const char*, const char*> core_places[] = {
        {"core_meta", "Workshop details"},
        {"core_participant", "Participants"},
        {"core_meeting", "Meetings"},
        {"core_agenda_step", "Agenda"},
        {"core_meeting_note", "Decisions and parking lot"},
    };
    for (auto [table, place] : core_places)
        if (hit.table == table) return runtime_.translate(place);
    for (const auto& plugin : runtime_.plugins())
        if (hit.table.starts_with(plugin->id + "_")) {
            std::string field = hit.column;
            std::replace(field.begin(), field.end(), '_', ' ');
            return fmt::format("{} · {}", runtime_.frontend().translate_in(plugin->id, plugin->name.c_str()), field);
        }
    return fmt::format("{} · {}", hit.table, hit.column);
}

const std::vector<privacy::CellHit>& PrivacyPanel::hits(Workshop& workshop) {
    if (scanned_revision_ != workshop.revision()) {
        hits_ = privacy::scan_workshop(workshop.db());
        scanned_revision_ = workshop.revision();
    }
    return hits_;
}

std::size_t PrivacyPanel::hit_count() {
    Workshop* workshop = runtime_.workshop();
    return workshop ? hits(*workshop).size() : 0;
}

void PrivacyPanel::report(const EditResult& result, const char* done) {
    runtime_.messages().post(result ? LogLevel::Info : LogLevel::Error, result ? runtime_.translate(done) : result.message);
}

void PrivacyPanel::draw() {
    Workshop* workshop = runtime_.workshop();
    if (!workshop) return hint(runtime_.translate("No workshop is open."));
    hint(runtime_.translate("kartla stores organisations and roles, never private persons. These places look like "
                            "personal identity numbers, phone numbers or e-mail addresses."));
    const auto& found = hits(*workshop);
    if (found.empty()) {
        ImGui::TextColored(ImVec4(0.05f, 0.45f, 0.15f, 1), "%s", runtime_.translate("No personal data found."));
    } else {
        if (big_button(fmt::format("{} ({})", runtime_.translate("Mask all"), found.size()).c_str()))
            report(privacy::mask_all(*workshop), "Masked all personal data.");
        mark_item("privacy.mask_all");
    }
    auto list = found;  // masking changes the revision and so the list
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& hit = list[i];
        ImGui::PushID(int(i));
        ImGui::Separator();
        ImGui::TextUnformatted(runtime_.translate(hit_kind_label(hit.kind)));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", place_of(hit).c_str());
        mark_item(fmt::format("privacy.place.{}", i));
        ImGui::TextWrapped("%s", hit.masked_excerpt.c_str());
        if (big_button(runtime_.translate("Mask"))) report(privacy::mask_cell(*workshop, hit), "Masked.");
        mark_item(fmt::format("privacy.mask.{}", i));
        ImGui::PopID();
    }
    ImGui::Separator();
    hint(runtime_.translate("Deleted and undone text can remain in the file until it is purged. Purging also clears "
                            "the undo history."));
    if (!confirm_purge_) {
        confirm_purge_ = big_button(runtime_.translate("Purge deleted text…"));
    } else {
        if (big_button(runtime_.translate("Purge now"))) {
            report(privacy::purge_deleted_text(*workshop), "Deleted text was removed from the file.");
            confirm_purge_ = false;
        }
        ImGui::SameLine();
        if (big_button(runtime_.translate("Cancel"))) confirm_purge_ = false;
    }
    mark_item("privacy.purge");
}

}  // namespace kartla::ui
