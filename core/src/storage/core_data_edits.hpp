#pragma once
// The host's side of the core tables (kartla/core_data.hpp): the workshop panel,
// the agenda, the sample builder and the command line edit participants, meetings
// and the workshop's metadata; no plugin does, so these stay out of the SDK.
// Like every write, each runs inside Workshop::edit.
#include "kartla/core_data.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace kartla::core_data {

std::int64_t add_participant(Database& db, std::string_view role, std::string_view organisation);
void update_participant(Database& db, const Participant& participant);
void remove_participant(Database& db, std::int64_t id);

void update_meeting(Database& db, const Meeting& meeting);
void remove_meeting(Database& db, std::int64_t id);

void set_meta(Database& db, std::string_view key, std::string_view value);

// The reverse of links_from(): what links to `to` (the merge's reference checks, tests).
std::vector<LinkEnd> links_to(Database& db, const LinkEnd& to, std::string_view from_kind, std::string_view role);

}  // namespace kartla::core_data
