#pragma once
// File > Merge another copy…, and the notice that a sync program left other
// versions of the open file beside it (storage/sync_conflicts.hpp). The other
// copy's changes come in as one undo step (storage/merge.hpp); where the two
// copies changed the same thing differently, each conflict is shown side by
// side, "Your version" and "The other copy's version", with the copy's file and
// when it was last edited, and nothing is merged until each has a choice.
#include "host/runtime.hpp"
#include "storage/merge.hpp"

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kartla::ui {

class KARTLA_API MergePanel {
public:
    explicit MergePanel(Runtime& runtime) : runtime_(runtime) {}

    // Opens `other` with every trust check and merges it, or shows what to choose.
    void start(const std::filesystem::path& other);
    // The strip naming conflict copies beside the open file, at `origin`; its height, 0 when none.
    float draw_notice(ImVec2 origin, float width);
    // The window of conflicts (or of a refusal), while there is one.
    void draw();

    bool showing() const { return !other_.empty(); }
    const std::vector<merge::Conflict>& conflicts() const { return conflicts_; }
    const std::string& problem() const { return problem_; }  // untranslated; empty when none
    void choose(std::size_t conflict, merge::Choice choice) { choices_[conflicts_.at(conflict).key] = choice; }
    void apply();  // with the choices made; the window closes when the merge went through
    void close();

private:
    void draw_conflict(std::size_t index, float column_width);
    std::string shown_value(const std::string& json) const;
    std::string kind_text(merge::ConflictKind kind) const;

    Runtime& runtime_;
    std::filesystem::path other_;  // the copy being merged; empty while no merge is shown
    std::vector<merge::Conflict> conflicts_;
    merge::Choices choices_;
    std::string theirs_when_, mine_when_;
    std::string problem_;
    // A conflict copy as it was when it was merged: the same file is not offered again,
    // and a copy that the sync program writes anew (or leaves again later) is.
    struct MergedCopy {
        std::filesystem::path path;
        std::filesystem::file_time_type written;
        std::uintmax_t size = 0;
        bool operator==(const MergedCopy&) const = default;
    };
    static MergedCopy as_it_is(const std::filesystem::path& copy);
    void remember_merged();

    // The conflict copies beside the open file, looked for when it changes and every few seconds.
    std::filesystem::path noticed_for_;
    double noticed_at_ = -1e9;
    std::vector<std::filesystem::path> copies_;
    std::vector<MergedCopy> merged_;  // of the open file's folder; forgotten when another file opens
};

}  // namespace kartla::ui
