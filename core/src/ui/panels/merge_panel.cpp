#include "ui/panels/merge_panel.hpp"

#include "kartla/widgets.hpp"
#include "storage/other_copy.hpp"
#include "storage/sync_conflicts.hpp"
#include "ui/widgets/top_strip.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace kartla::ui {

namespace {

constexpr double kLookAgainSeconds = 5.0;  // a sync program may add a copy while the file is open

// "2026-12-06T10:15:00Z" as "2026-12-06 10:15 UTC": when, not to the second.
std::string shown_time(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string last_edit(Workshop& workshop) {
    try {
        return workshop.db().scalar_text("SELECT made_at FROM core_history ORDER BY seq DESC LIMIT 1");
    } catch (const SqliteError&) {
        return {};
    }
}

}  // namespace

void MergePanel::start(const std::filesystem::path& other) {
    Workshop* mine = runtime_.workshop();
    if (!mine) return;
    other_ = other;
    conflicts_.clear();
    choices_.clear();
    problem_.clear();
    mine_when_ = last_edit(*mine);
    auto opened = other_copy::open(other, *mine, runtime_.plugins().known_schema());
    if (auto* refused = std::get_if<std::string>(&opened)) {
        problem_ = *refused;
        return;
    }
    auto& theirs = *std::get<std::unique_ptr<Workshop>>(opened);
    auto outcome = merge::merge(*mine, theirs, {}, runtime_.offers().link_targets());
    theirs_when_ = outcome.theirs_last_edit;
    if (!outcome.refusal.empty()) {
        problem_ = outcome.refusal;
        return;
    }
    conflicts_ = std::move(outcome.conflicts);
    if (outcome.merged()) {
        remember_merged();
        runtime_.messages().post(LogLevel::Info,
                              fmt::format(fmt::runtime(runtime_.translate(
                                              "Merged {}: {} change(s). Undo takes the whole merge back.")),
                                          other.filename().string(), outcome.changes));
        close();
    }
}

void MergePanel::apply() {
    Workshop* mine = runtime_.workshop();
    if (!mine || other_.empty()) return;
    auto opened = other_copy::open(other_, *mine, runtime_.plugins().known_schema());
    if (auto* refused = std::get_if<std::string>(&opened)) {
        problem_ = *refused;
        return;
    }
    auto outcome = merge::merge(*mine, *std::get<std::unique_ptr<Workshop>>(opened), choices_, runtime_.offers().link_targets());
    if (!outcome.refusal.empty()) {
        problem_ = outcome.refusal;
        return;
    }
    if (!outcome.merged()) {  // a choice brought up another conflict (a row kept needs one the other deleted)
        for (auto& c : outcome.conflicts)
            if (std::none_of(conflicts_.begin(), conflicts_.end(), [&](const auto& k) { return k.key == c.key; }))
                conflicts_.push_back(std::move(c));
        return;
    }
    remember_merged();
    runtime_.messages().post(LogLevel::Info, fmt::format(fmt::runtime(runtime_.translate(
                                                          "Merged {}: {} change(s). Undo takes the whole merge back.")),
                                                      other_.filename().string(), outcome.changes));
    close();
}

MergePanel::MergedCopy MergePanel::as_it_is(const std::filesystem::path& copy) {
    std::error_code ec;
    MergedCopy seen{copy, std::filesystem::last_write_time(copy, ec), 0};
    seen.size = std::filesystem::file_size(copy, ec);
    return seen;
}

// Only the conflict copies beside the file are offered, so only those are remembered.
void MergePanel::remember_merged() {
    if (std::find(copies_.begin(), copies_.end(), other_) == copies_.end()) return;
    merged_.push_back(as_it_is(other_));
    std::erase(copies_, other_);
}

void MergePanel::close() {
    other_.clear();
    conflicts_.clear();
    choices_.clear();
    problem_.clear();
}

std::string MergePanel::kind_text(merge::ConflictKind kind) const {
    switch (kind) {
        case merge::ConflictKind::BothChanged: return runtime_.translate("Changed in both copies");
        case merge::ConflictKind::DeletedHere: return runtime_.translate("Deleted in your copy, changed in the other");
        case merge::ConflictKind::DeletedThere: return runtime_.translate("Changed in your copy, deleted in the other");
        case merge::ConflictKind::BothAdded: return runtime_.translate("Added in both copies");
        case merge::ConflictKind::MissingReference:
            return runtime_.translate("Refers to something one of the copies deleted");
    }
    return {};
}

// A field's text as it is; a row by its title, name or text; nothing as "(deleted)".
std::string MergePanel::shown_value(const std::string& json) const {
    auto value = nlohmann::json::parse(json, nullptr, false);
    if (value.is_discarded()) return json;
    if (value.is_null()) return runtime_.translate("(deleted)");
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object()) {
        for (const char* field : {"title", "name", "text", "role", "label"})
            if (value.contains(field) && value[field].is_string() && !value[field].get<std::string>().empty())
                return value[field].get<std::string>();
    }
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

float MergePanel::draw_notice(ImVec2 origin, float width) {
    Workshop* workshop = runtime_.workshop();
    if (!workshop || workshop->storage() == StorageKind::Memory) return 0;
    double now = ImGui::GetTime();
    if (workshop->path() != noticed_for_ || now - noticed_at_ > kLookAgainSeconds) {
        if (workshop->path() != noticed_for_) merged_.clear();
        noticed_for_ = workshop->path();
        noticed_at_ = now;
        copies_ = sync_conflicts::beside(workshop->path());
        // A copy merged is not offered again while it is the file that was merged; written anew, it is.
        std::erase_if(copies_, [&](const auto& copy) {
            return std::find(merged_.begin(), merged_.end(), as_it_is(copy)) != merged_.end();
        });
    }
    if (copies_.empty()) return 0;
    begin_top_strip("###core.sync_conflicts", origin, width, ImVec4(0.85f, 0.92f, 1.0f, 1.0f),
                    ImVec4(0.05f, 0.15f, 0.30f, 1.0f));
    ImGui::TextWrapped("%s", runtime_.translate("A sync program left another version of this file beside it. Merge "
                                                "it, and the changes made there come into this file; where both "
                                                "changed the same thing, you choose."));
    mark_item("core.sync_conflicts");
    std::optional<std::filesystem::path> chosen;  // merged after the list is drawn: a merge takes it off the list
    for (std::size_t i = 0; i < copies_.size(); ++i) {
        ImGui::PushID(int(i));
        ImGui::TextUnformatted(copies_[i].filename().string().c_str());
        ImGui::SameLine();
        if (big_button(runtime_.translate("Merge it…"))) chosen = copies_[i];
        mark_item("core.sync_conflicts.merge." + std::to_string(i));
        ImGui::PopID();
    }
    float height = end_top_strip();
    if (chosen) start(*chosen);
    return height;
}

void MergePanel::draw_conflict(std::size_t index, float column_width) {
    const auto& c = conflicts_[index];
    ImGui::PushID(int(index));
    ImGui::Separator();
    // In the words of the plugin that owns the table (Host::add_table_names), never its SQL names.
    std::string field = c.column.empty() ? std::string() : runtime_.offers().field_name(c.table, c.column);
    std::string what = kind_text(c.kind) + " · " + runtime_.offers().table_name(c.table) + (field.empty() ? "" : " · " + field);
    ImGui::TextWrapped("%s", what.c_str());
    mark_item(fmt::format("core.merge.conflict.{}.what", index));
    auto chosen = choices_.find(c.key);
    auto side = [&](const char* heading, const std::string& when, const std::string& value, merge::Choice choice,
                    const char* probe) {
        ImGui::PushID(probe);  // both sides' buttons say "Keep this"
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column_width);
        ImGui::TextUnformatted(heading);
        if (!when.empty()) ImGui::TextDisabled("%s", when.c_str());
        ImGui::TextWrapped("%s", shown_value(value).c_str());
        ImGui::PopTextWrapPos();
        bool selected = chosen != choices_.end() && chosen->second == choice;
        if (ImGui::RadioButton(runtime_.translate("Keep this"), selected)) choices_[c.key] = choice;
        mark_item(fmt::format("core.merge.conflict.{}.{}", index, probe));
        ImGui::EndGroup();
        ImGui::PopID();
    };
    side(runtime_.translate("Your version"), shown_time(mine_when_), c.mine, merge::Choice::Mine, "mine");
    ImGui::SameLine(column_width + ImGui::GetStyle().ItemSpacing.x * 4);
    side(runtime_.translate("The other copy's version"),
         fmt::format("{}, {}", other_.filename().string(), shown_time(theirs_when_)), c.theirs, merge::Choice::Theirs,
         "theirs");
    ImGui::PopID();
}

void MergePanel::draw() {
    if (other_.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.8f, viewport->WorkSize.y * 0.8f), ImGuiCond_Appearing);
    std::string title = std::string(runtime_.translate("Merge another copy")) + "###core.merge";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        if (!open) close();
        return;
    }
    if (!problem_.empty()) {
        ImGui::TextWrapped("%s", runtime_.translate(problem_.c_str()));
        mark_item("core.merge.problem");
        if (big_button("OK")) open = false;
    } else {
        ImGui::TextWrapped("%s", fmt::format(fmt::runtime(runtime_.translate(
                                                 "{} conflict(s): the two copies changed the same things differently. "
                                                 "Choose which version to keep; nothing is merged until each has a "
                                                 "choice.")),
                                             conflicts_.size())
                                     .c_str());
        mark_item("core.merge.summary");
        float footer = ImGui::GetFrameHeightWithSpacing() * 2;
        ImGui::BeginChild("##conflicts", ImVec2(0, -footer));
        float column = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 4) * 0.5f;
        for (std::size_t i = 0; i < conflicts_.size(); ++i) draw_conflict(i, column);
        ImGui::EndChild();
        bool all_chosen = std::all_of(conflicts_.begin(), conflicts_.end(),
                                      [&](const auto& c) { return choices_.count(c.key) > 0; });
        ImGui::BeginDisabled(!all_chosen);
        if (big_button(runtime_.translate("Merge"))) apply();
        ImGui::EndDisabled();
        mark_item("core.merge.apply");
        ImGui::SameLine();
        if (big_button(runtime_.translate("Cancel"))) open = false;
        mark_item("core.merge.cancel");
    }
    ImGui::End();
    if (!open) close();
}

}  // namespace kartla::ui
