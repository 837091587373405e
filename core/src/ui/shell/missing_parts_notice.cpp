#include "ui/shell/missing_parts_notice.hpp"

#include "kartla/widgets.hpp"
#include "ui/widgets/top_strip.hpp"

namespace kartla::ui {

float MissingPartsNotice::draw(Runtime& runtime, ImVec2 origin, float width) {
    Workshop* workshop = runtime.workshop();
    if (!workshop) return 0;
    if (workshop != workshop_ || workshop->revision() != revision_) {
        workshop_ = workshop;
        revision_ = workshop->revision();
        missing_ = runtime.plugins().missing(*workshop);
    }
    if (missing_.empty()) return 0;
    // Calm, not the red of a file in danger: nothing is wrong with the file.
    begin_top_strip("###core.missing_plugins", origin, width, ImVec4(1.0f, 0.93f, 0.70f, 1.0f),
                    ImVec4(0.20f, 0.15f, 0.0f, 1.0f));
    for (const auto& id : missing_) {
        ImGui::TextUnformatted(runtime.plugins().missing_notice(id).c_str());
        mark_item("core.missing_plugins." + id);
    }
    return end_top_strip();
}

}  // namespace kartla::ui
