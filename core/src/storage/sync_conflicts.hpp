#pragma once
// Conflict copies that sync clients leave beside a file edited on two machines
// at once. For plan.kartla:
//   OneDrive, SharePoint   plan-LAPTOP-7.kartla                       (the other computer's name)
//   Nextcloud, ownCloud    plan (conflicted copy 2026-12-06 101500).kartla
//   Syncthing              plan.sync-conflict-20261206-101500-ABC.kartla
//   Dropbox                plan (Machine's conflicted copy 2026-12-06).kartla
// The window names such copies and offers to merge them (docs/merging.md).
#include "kartla/api.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace kartla::sync_conflicts {

// Whether `candidate` (a file name) is a sync client's conflict copy of `original` (a file name).
KARTLA_API bool is_conflict_copy(std::string_view candidate, std::string_view original);

// The conflict copies of `file` in its folder, sorted by name.
KARTLA_API std::vector<std::filesystem::path> beside(const std::filesystem::path& file);

}  // namespace kartla::sync_conflicts
