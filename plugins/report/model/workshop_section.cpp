#include "workshop_section.hpp"

#include "kartla/core_data.hpp"

#include <map>

namespace kartla::report {

namespace cd = kartla::core_data;
using namespace kartla::doc;

namespace {

Facts header_facts(kartla::Database& db, const Translate& tr) {
    Facts facts;
    const std::pair<const char*, const char*> keys[] = {{"organisation", "Organisation"}, {"date", "Date"},
                                                        {"place", "Place"}, {"facilitator_role", "Facilitator"},
                                                        {"purpose", "Purpose"}};
    for (auto [key, label] : keys)
        if (auto value = cd::meta(db, key); !value.empty()) facts.items.emplace_back(tr(label), value);
    return facts;
}

}  // namespace

Section workshop_section(kartla::Database& db, const Translate& tr) {
    Section section{tr("About the workshop"), {header_facts(db, tr)}};

    const auto meetings = cd::meetings(db);
    std::map<std::int64_t, std::vector<std::string>> attended;  // participant → meeting dates
    Table meeting_table{{tr("Date"), tr("Meeting"), tr("Kind"), tr("Place"), tr("Attendees")},
                        {1.6, 2.4, 2.1, 2.2, 1.3},
                        {}};
    for (const auto& m : meetings) {
        const auto ids = cd::attendees(db, m.id);
        for (auto id : ids) attended[id].push_back(m.date);
        meeting_table.rows.push_back({m.date, m.title,
                                      m.kind == "follow_up" ? tr("Follow-up meeting") : tr("Mapping meeting"), m.place,
                                      std::to_string(ids.size())});
    }
    section.blocks.push_back(Heading{tr("Meetings")});
    if (meetings.empty()) section.blocks.push_back(Paragraph{tr("No meetings recorded.")});
    else section.blocks.push_back(meeting_table);

    const auto participants = cd::participants(db);
    section.blocks.push_back(Heading{tr("Participants")});
    Table people{{tr("Role"), tr("Organisation"), tr("Attended")}, {2.3, 2.7, 2.6}, {}};
    for (const auto& p : participants) {
        std::string dates;
        for (const auto& d : attended[p.id]) dates += (dates.empty() ? "" : ", ") + d;
        people.rows.push_back({p.role, p.organisation, dates});
    }
    if (participants.empty()) section.blocks.push_back(Paragraph{tr("No participants recorded.")});
    else section.blocks.push_back(people);
    return section;
}

}  // namespace kartla::report
