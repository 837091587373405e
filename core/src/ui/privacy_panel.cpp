#include "privacy_panel.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>
#include <imgui.h>

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
    runtime_.post_message(result ? LogLevel::Info : LogLevel::Error, result ? runtime_.translate(done) : result.message);
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
        ImGui::TextDisabled("%s · %s", hit.table.c_str(), hit.column.c_str());
        ImGui::TextWrapped("%s", hit.masked_excerpt.c_str());
        if (ImGui::Button(runtime_.translate("Mask"))) report(privacy::mask_cell(*workshop, hit), "Masked.");
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
