#pragma once
// The core's own data as plugins meet it: workshop metadata, participants (by
// role and organisation, never private persons), meetings, attendance, and
// links between plugins' entities. Writes go through Host::edit, so they are
// undoable like any plugin edit. What only the host edits (participants,
// meetings, the metadata) is declared in core/src/storage/core_data_edits.hpp.
#include "kartla/api.hpp"
#include "kartla/workshop.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::core_data {

inline constexpr std::array<std::string_view, 6> kMetaKeys = {"title", "organisation", "date", "place",
                                                             "facilitator_role", "purpose"};

struct Participant {
    std::int64_t id = 0;
    std::string role;
    std::string organisation;
};

struct Meeting {
    std::int64_t id = 0;
    std::string kind;  // "mapping" or "follow_up"
    std::string title;
    std::string date;  // ISO 8601, YYYY-MM-DD
    std::string place;
    std::string notes;
};

KARTLA_API std::vector<Participant> participants(Database& db);

KARTLA_API std::vector<Meeting> meetings(Database& db);
KARTLA_API std::int64_t add_meeting(Database& db, const Meeting& meeting);

// Which participants attended which meeting.
KARTLA_API std::vector<std::int64_t> attendees(Database& db, std::int64_t meeting_id);
KARTLA_API void set_attended(Database& db, std::int64_t meeting_id, std::int64_t participant_id, bool attended);

KARTLA_API std::string meta(Database& db, std::string_view key);

// Distinct organisations taking part, in the order they were added.
KARTLA_API std::vector<std::string> organisations(Database& db);

struct LinkEnd {
    std::string kind;
    std::int64_t id = 0;
};
KARTLA_API void add_link(Database& db, const LinkEnd& from, const LinkEnd& to, std::string_view role);
KARTLA_API void remove_link(Database& db, const LinkEnd& from, const LinkEnd& to, std::string_view role);
KARTLA_API std::vector<LinkEnd> links_from(Database& db, const LinkEnd& from, std::string_view to_kind,
                                           std::string_view role);
// Removes every link that starts or ends at the entity (call when deleting it).
KARTLA_API void remove_links_of(Database& db, const LinkEnd& entity);

}  // namespace kartla::core_data
