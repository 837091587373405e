// Export preview: the plan as the Markdown export writes it, so the
// facilitator sees what leaves kartla before choosing File > Export.
#include "common.hpp"
#include "views.hpp"

#include "../model/export/writers.hpp"
#include "kartla/widgets.hpp"

#include <sstream>

namespace kartla::action_plan::views {

void ExportPreview::draw() {
    if (!state_.refresh()) return unavailable_note(state_, "Open a workshop to plan measures.");
    kartla::Workshop* workshop = state_.host().workshop();
    if (markdown_.empty() || revision_ != state_.revision()) {
        const auto doc = exporting::build_document(*workshop, state_.plan(), kartla::ExportOptions{}, state_.translator());
        markdown_ = exporting::to_markdown(doc);
        lines_.clear();
        std::istringstream in(markdown_);
        for (std::string line; std::getline(in, line);) lines_.push_back(line);
        revision_ = state_.revision();
    }
    kartla::ui::hint(state_.tr("This is the Markdown export. Export to a file with File > Export."));
    if (ImGui::Button(state_.tr("Copy to clipboard"))) ImGui::SetClipboardText(markdown_.c_str());
    ImGui::BeginChild("markdown", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::TextUnformatted(lines_[i].c_str());
    ImGui::EndChild();
}

}  // namespace kartla::action_plan::views
