#pragma once
// Every change the follow-up makes to the workshop: to be run inside one
// Host::edit (one transaction, one undo step), which the caller opens. Only this
// plugin's tables and the core meeting are written; the action plan's never.
#include "follow_up.hpp"

#include "kartla/core_data.hpp"

#include <cstdint>

namespace kartla::follow_up {

// Starts a follow-up meeting: adds the core meeting (kind "follow_up") and
// stores the snapshot of every published entity. Call inside one Workshop::edit.
std::int64_t start_meeting(Database& db, const kartla::core_data::Meeting& meeting, const EntitySource& source);

// Saves (inserts or replaces) the record of one measure in one meeting; throws on a bad value.
void save_record(Database& db, const Record& record);

}  // namespace kartla::follow_up
