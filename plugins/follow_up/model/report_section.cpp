#include "report_section.hpp"

#include "indicator.hpp"
#include "words.hpp"

#include <algorithm>
#include <map>

namespace kartla::follow_up {

namespace doc = kartla::doc;
namespace cd = kartla::core_data;

namespace {

// The parts of the change list, in the order of the meeting (English msgids).
const std::pair<std::string_view, const char*> kKinds[] = {
    {"problem", "Problems"}, {"cause", "Causes"}, {"actor", "Actors"}, {"relation", "Relations"}, {"measure", "Measures"}};

// A stored code (status, light, decision) in words.
std::string word(const std::string& code, const Translate& tr) {
    const char* msgid = msgid_of_any(code);
    return msgid ? tr(msgid) : code;
}

std::string with(const std::string& first, const std::string& second, const char* glue) {
    if (first.empty()) return second;
    return second.empty() ? first : first + glue + second;
}

std::string meeting_name(const cd::Meeting& m) { return with(m.date, m.title, " "); }

doc::Table change_table(const std::vector<Change>& changes, const LabelIndex& labels, const Translate& tr) {
    doc::Table table{{tr("Part"), tr("Kind of change"), tr("Name"), tr("What changed")}, {1.5, 1.3, 3.2, 4.4}, {}};
    for (auto [kind, heading] : kKinds)
        for (const Change& c : changes)
            if (c.kind == kind)
                table.rows.push_back({tr(heading), change_type_text(c, tr), c.label, change_details(c, labels, tr)});
    return table;
}

doc::Table record_table(const std::vector<Record>& records, const std::map<std::int64_t, std::string>& names,
                        const Translate& tr) {
    doc::Table table{{tr("Measure"), tr("Status"), tr("Light"), tr("Indicator"), tr("Decision")},
                     {3.0, 1.4, 2.6, 1.9, 2.6},
                     {}};
    for (const Record& r : records) {
        auto name = names.find(r.measure_id);
        table.rows.push_back({name != names.end() ? name->second : "#" + std::to_string(r.measure_id), word(r.status, tr),
                              with(word(r.light, tr), r.light_comment, ": "),
                              with(r.indicator_value, r.indicator_date.empty() ? "" : "(" + r.indicator_date + ")", " "),
                              with(word(r.decision, tr), r.decision_note, ": ")});
    }
    return table;
}

}  // namespace

doc::Section report_section(Database& db, const EntitySource& source, const Translate& tr, const EntitySelect& select) {
    doc::Section section{tr("Follow-up"), {}};
    const auto meetings = follow_up_meetings(db);
    if (meetings.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No follow-up meeting yet.")});
        return section;
    }
    const cd::Meeting& latest = meetings.back();
    const SinceLast since = since_last_meeting(db, latest.id, source);
    std::string compared = tr("the start of this meeting");
    for (const auto& m : meetings)
        if (since.previous && m.id == *since.previous) compared = meeting_name(m);
    section.blocks.push_back(doc::Facts{{{tr("Latest follow-up meeting"), meeting_name(latest)}, {tr("Compared with"), compared}}});

    section.blocks.push_back(doc::Heading{tr("Changes since the previous meeting")});
    if (since.changes.empty()) section.blocks.push_back(doc::Paragraph{tr("Nothing has changed.")});
    else section.blocks.push_back(change_table(since.changes, label_index(since.changes, select ? select : select_from(source)), tr));

    const auto measures = source("measure", nullptr);
    section.blocks.push_back(doc::Heading{tr("Indicators over time")});
    auto charts = indicator_charts(db, measures, tr);
    if (charts.empty()) section.blocks.push_back(doc::Paragraph{tr("No indicator values recorded yet.")});
    for (auto& chart : charts) section.blocks.push_back(std::move(chart));

    // Names of the measures, from the latest snapshot too: a measure removed since keeps its name.
    std::map<std::int64_t, std::string> names;
    for (const auto& e : snapshot(db, latest.id))
        if (e.kind == "measure") names[e.id] = e.label;
    for (const auto& m : measures) names[m.id] = m.label;
    section.blocks.push_back(doc::Heading{tr("Recorded at the latest meeting")});
    const auto recorded = records(db, latest.id);
    if (recorded.empty()) section.blocks.push_back(doc::Paragraph{tr("Nothing was recorded.")});
    else section.blocks.push_back(record_table(recorded, names, tr));
    return section;
}

}  // namespace kartla::follow_up
