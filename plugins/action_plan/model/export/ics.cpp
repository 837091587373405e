// iCalendar: one VTODO per measure with a due date. UIDs come from the
// measure id and the workshop's own uid, so a re-export updates the same tasks.
#include "writers.hpp"

#include "../dates.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>

namespace action_plan::exporting {

namespace {

using kartla::text::ics_fold;
using kartla::text::ics_text;

std::string property(std::string_view name, const std::string& text) {
    return ics_fold(std::string(name) + ":" + ics_text(text));
}

const char* ics_status(const std::string& status) {
    if (status == "in_progress") return "IN-PROCESS";
    if (status == "done") return "COMPLETED";
    if (status == "cancelled") return "CANCELLED";
    return "NEEDS-ACTION";
}

std::string calendar_description(const Document& doc) {
    const auto& tr = doc.tr;
    const Header& h = doc.header;
    std::string text = fmt::format("{}: {}\n{}: {}\n{}: {}\n{}: ", tr("Organisation"), h.organisation, tr("Date"),
                                   h.date, tr("Place"), h.place, tr("Participating organisations"));
    for (std::size_t i = 0; i < h.organisations.size(); ++i) text += (i ? ", " : "") + h.organisations[i];
    text += fmt::format("\n\n{}:\n", tr("Prioritised problems and causes"));
    for (const auto& section : doc.sections) {
        if (!section.prioritised) continue;
        text += "* " + section.label + "\n";
        for (const auto& cause : section.causes)
            text += std::string(static_cast<std::size_t>(2 + 2 * cause.depth), ' ') + "- " + cause.label + "\n";
    }
    return text;
}

std::string todo_description(const Document& doc, const MeasureRow& row, const std::string& problem) {
    const auto& tr = doc.tr;
    std::string text;
    auto add = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) text += label + ": " + value + "\n";
    };
    add(tr("Problem"), problem);
    for (Column c : {ColCauses, ColGoal, ColOwner, ColPartners, ColStart, ColDue, ColStatus, ColLight, ColLightComment,
                     ColIndicator, ColBaseline, ColFollowUp, ColDescription})
        add(doc.column_titles[c], row.cell(c));
    return text;
}

void todo(const Document& doc, const MeasureRow& row, const std::string& problem, const std::string& dtstamp,
          std::string& out) {
    out += "BEGIN:VTODO\r\n";
    out += ics_fold(fmt::format("UID:kartla-measure-{}-{}@kartla.invalid", row.id, doc.workshop_uid));
    out += ics_fold("DTSTAMP:" + dtstamp);
    out += property("SUMMARY", row.cell(ColTitle));
    out += property("DESCRIPTION", todo_description(doc, row, problem));
    if (dates::is_valid(row.start) && row.start <= row.due)
        out += ics_fold("DTSTART;VALUE=DATE:" + dates::compact(row.start));
    out += ics_fold("DUE;VALUE=DATE:" + dates::compact(row.due));
    out += ics_fold(std::string("STATUS:") + ics_status(row.status_key));
    if (row.status_key == "done") out += ics_fold("PERCENT-COMPLETE:100");
    if (!row.cell(ColOwner).empty()) out += property("X-KARTLA-RESPONSIBLE", row.cell(ColOwner));
    out += "END:VTODO\r\n";
}

}  // namespace

std::string to_ics(const Document& doc, const std::string& dtstamp) {
    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kartla//action plan//SV\r\nCALSCALE:GREGORIAN\r\n";
    const std::string name = doc.tr("Action plan") + std::string(": ") + doc.header.title;
    out += property("NAME", name);  // RFC 7986
    out += property("X-WR-CALNAME", name);
    out += property("DESCRIPTION", calendar_description(doc));
    for (std::size_t index = 0; index < doc.rows.size(); ++index) {
        const MeasureRow& row = doc.rows[index];
        if (!dates::is_valid(row.due)) continue;
        std::string problems;  // every problem the measure serves: one task, not one per problem
        for (const auto& section : doc.sections)
            for (std::size_t i : section.rows)
                if (i == index) problems += (problems.empty() ? "" : "; ") + section.label;
        todo(doc, row, problems, dtstamp, out);
    }
    out += "END:VCALENDAR\r\n";
    return out;
}

}  // namespace action_plan::exporting
