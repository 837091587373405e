#include "lists_view.hpp"

#include "fields.hpp"
#include "labels.hpp"
#include "model/edits.hpp"

#include "kartla/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <utility>

namespace kartla::problem_map::views {

void ListsView::draw() {
    auto snapshot = c_.snapshot();
    if (!snapshot) return;
    float half = ImGui::GetContentRegionAvail().x / 2 - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("problem_map.lists.categories", ImVec2(half, 0), true);
    draw_categories(*snapshot);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("problem_map.lists.areas", ImVec2(0, 0), true);
    draw_areas(*snapshot);
    ImGui::EndChild();
}

void ListsView::draw_categories(const Snapshot& s) {
    ImGui::TextWrapped("%s", c_.tr("Problem categories"));
    ui::hint(c_.tr("The list is this workshop's own: rename, recolour, add or remove."));
    for (const auto& cat : s.categories) {
        ImGui::PushID(int(cat.id));
        ImVec4 color = ImGui::ColorConvertU32ToFloat4(packed_color(cat.color));
        float rgb[3] = {color.x, color.y, color.z};
        if (ImGui::ColorEdit3("##color", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel)) {
            // Saved when the picker is let go, so one colour choice is one undo step.
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            std::uint32_t packed = (std::uint32_t(rgb[0] * 255 + 0.5f) << 16) | (std::uint32_t(rgb[1] * 255 + 0.5f) << 8) |
                                   std::uint32_t(rgb[2] * 255 + 0.5f);
            edits::set_category_color(c_.host(), cat.id, packed);
        }
        ImGui::SameLine();
        ImGui::BeginGroup();
        // The name takes what the row leaves beside "Remove" (at 300 % in a half-width column too).
        const float remove = ui::button_width(c_.tr("Remove")) + ImGui::GetStyle().ItemSpacing.x;
        ImGui::PushItemWidth(std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x - remove));
        Id id = cat.id;
        std::string shown = category_name(cat, c_.translator());
        text_field("", fmt::format("problem_map.lists.category.{}", cat.id).c_str(), shown, c_.host(), [this, id](Editor& editor, const std::string& v) {
            return c_.workshop() && bool(edits::rename_category(editor, id, v));
        });
        ImGui::PopItemWidth();
        ImGui::EndGroup();
        ui::same_line_if_fits(ui::button_width(c_.tr("Remove")));
        if (ImGui::Button(c_.tr("Remove"))) edits::delete_category(c_.host(), cat.id);
        ImGui::PopID();
    }
    // Named one after another: Enter adds it and keeps the cursor in the field.
    std::string name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::add_field("##new_category", c_.tr("Name of a new category"), new_category_, name) == ui::AddEvent::Added)
        edits::add_category(c_.host(), name, 0x607D8B);
    ui::mark_item("problem_map.lists.new_category");
    ui::same_line_if_fits(ui::button_width(c_.tr("Add category")));
    if (ui::big_button(c_.tr("Add category")))
        edits::add_category(c_.host(), new_category_.empty() ? c_.tr("New category") : std::exchange(new_category_, {}), 0x607D8B);
    ui::mark_item("problem_map.lists.add_category");
}

void ListsView::draw_areas(const Snapshot& s) {
    ImGui::TextWrapped("%s", c_.tr("Areas"));
    ui::hint(c_.tr("The places this mapping covers, with the police's area class where one applies."));
    auto classes = police_class_labels(c_);
    for (const auto& area : s.areas) {
        ImGui::PushID(int(area.id));
        Id id = area.id;
        text_field(c_.tr("Name"), fmt::format("problem_map.lists.area.{}", area.id).c_str(), area.name, c_.host(),
                   [this, id](Editor& editor, const std::string& v) {
                       return c_.workshop() && bool(edits::rename_area(editor, id, v));
                   });
        int cls = std::max(0, index_of(kPoliceClasses, area.police_class));
        ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x));
        if (ImGui::BeginCombo("##class", classes[std::size_t(cls)])) {
            for (std::size_t i = 0; i < classes.size(); ++i)
                if (ImGui::Selectable(classes[i], int(i) == cls))
                    edits::set_area_class(c_.host(), id, kPoliceClasses[i]);
            ImGui::EndCombo();
        }
        ui::same_line_if_fits(ui::button_width(c_.tr("Remove")));
        if (ImGui::Button(c_.tr("Remove"))) edits::delete_area(c_.host(), id);
        ImGui::Separator();
        ImGui::PopID();
    }
    std::string name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::add_field("##new_area", c_.tr("Name of a new area"), new_area_, name) == ui::AddEvent::Added)
        edits::add_area(c_.host(), name, "");
    ui::mark_item("problem_map.lists.new_area");
    ui::same_line_if_fits(ui::button_width(c_.tr("Add area")));
    if (ui::big_button(c_.tr("Add area")))
        edits::add_area(c_.host(), new_area_.empty() ? c_.tr("New area") : std::exchange(new_area_, {}), "");
    ui::mark_item("problem_map.lists.add_area");
}

}  // namespace kartla::problem_map::views
