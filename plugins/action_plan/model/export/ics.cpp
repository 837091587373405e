// iCalendar: one VTODO per measure (a DUE where it has a due date, a DTSTART
// where it has a start), beside it an all-day VEVENT on its due date (Outlook
// and Microsoft 365 import no VTODO; docs/exports.md lists the rules followed),
// and one all-day VEVENT per follow-up meeting. UIDs come from the measure's or
// meeting's id and the workshop's own uid, so a re-export updates the same
// tasks and events.
#include "writers.hpp"

#include "../dates.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::exporting {

namespace {

using kartla::text::ics_fold;
using kartla::text::ics_text;

std::string property(std::string_view name, const std::string& text) {
    return ics_fold(std::string(name) + ":" + ics_text(text));
}

// RFC 5545 has four task states: a decided or paused measure still needs action.
const char* ics_status(const std::string& status) {
    if (status == "in_progress") return "IN-PROCESS";
    if (status == "done") return "COMPLETED";
    if (status == "cancelled") return "CANCELLED";
    return "NEEDS-ACTION";
}

std::string calendar_description(const Document& doc) {
    const auto& tr = doc.tr;
    const Header& h = doc.header;
    std::string text;
    for (const auto& notice : h.notices) text += fmt::format("{}: {}\n\n", tr("Please note"), notice);
    text += fmt::format("{}: {}\n{}: {}\n{}: {}\n{}: ", tr("Organisation"), h.organisation, tr("Date"), h.date,
                        tr("Place"), h.place, tr("Participating organisations"));
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
    const bool has_due = dates::is_valid(row.due);
    // With both, RFC 5545 wants DUE later than DTSTART: a start after the due date is left to the description.
    if (dates::is_valid(row.start) && (!has_due || row.start < row.due))
        out += ics_fold("DTSTART;VALUE=DATE:" + dates::compact(row.start));
    if (has_due) out += ics_fold("DUE;VALUE=DATE:" + dates::compact(row.due));
    out += ics_fold(std::string("STATUS:") + ics_status(row.status_key));
    if (row.status_key == "done") out += ics_fold("PERCENT-COMPLETE:100");
    if (!row.cell(ColOwner).empty()) out += property("X-KARTLA-RESPONSIBLE", row.cell(ColOwner));
    out += "END:VTODO\r\n";
}

// An all-day event: DTSTART and DTEND as dates, DTEND the next day (Outlook
// reads an event without DTEND as lasting no time), free time, so a deadline
// does not block the owner's day in a scheduling assistant.
void all_day(const std::string& date, std::string& out) {
    const auto day = dates::day_number(date);
    out += ics_fold("DTSTART;VALUE=DATE:" + dates::compact(date));
    out += ics_fold("DTEND;VALUE=DATE:" + dates::compact(dates::from_day_number(*day + 1)));
    out += "TRANSP:TRANSPARENT\r\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\n";
}

// The measure's due date as an event, for calendars that import no tasks.
void due_event(const Document& doc, const MeasureRow& row, const std::string& problem, const std::string& dtstamp,
               std::string& out) {
    out += "BEGIN:VEVENT\r\n";
    out += ics_fold(fmt::format("UID:kartla-due-{}-{}@kartla.invalid", row.id, doc.workshop_uid));
    out += ics_fold("DTSTAMP:" + dtstamp);
    all_day(row.due, out);
    out += property("SUMMARY", fmt::format(fmt::runtime(doc.tr("Due: {}")), row.cell(ColTitle)));
    out += property("DESCRIPTION", todo_description(doc, row, problem));
    out += property("CATEGORIES", doc.tr("Action plan"));
    out += "END:VEVENT\r\n";
}

void follow_up_event(const Document& doc, const MeetingLine& meeting, const std::string& dtstamp, std::string& out) {
    out += "BEGIN:VEVENT\r\n";
    out += ics_fold(fmt::format("UID:kartla-meeting-{}-{}@kartla.invalid", meeting.id, doc.workshop_uid));
    out += ics_fold("DTSTAMP:" + dtstamp);
    all_day(meeting.date, out);
    out += property("SUMMARY", meeting.title.empty() ? std::string(doc.tr("Follow-up meeting")) : meeting.title);
    if (!meeting.place.empty()) out += property("LOCATION", meeting.place);
    out += property("DESCRIPTION", fmt::format("{}: {}", doc.tr("Action plan"), doc.header.title));
    out += "END:VEVENT\r\n";
}

}  // namespace

std::string IcsCounts::summary(const Translate& tr) const {
    return fmt::format(fmt::runtime(tr("{} tasks, one per measure ({} with a due date, {} with no date at all), {} due "
                                       "dates as all-day events, {} follow-up meetings")),
                       tasks, with_due, undated, due_events, meetings);
}

std::string to_ics(const Document& doc, const std::string& dtstamp, bool due_events, IcsCounts* counts) {
    IcsCounts tally;
    std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kartla//action plan//SV\r\nCALSCALE:GREGORIAN\r\n";
    const std::string name = doc.tr("Action plan") + std::string(": ") + doc.header.title;
    out += property("NAME", name);  // RFC 7986
    out += property("X-WR-CALNAME", name);
    out += property("DESCRIPTION", calendar_description(doc));
    // Every problem a measure serves, in one pass (one task per measure, not one per problem).
    std::vector<std::string> problems(doc.rows.size());
    for (const auto& section : doc.sections)
        for (std::size_t i : section.rows)
            if (i < problems.size()) problems[i] += (problems[i].empty() ? "" : "; ") + section.label;
    for (std::size_t index = 0; index < doc.rows.size(); ++index) {
        const MeasureRow& row = doc.rows[index];
        ++tally.tasks;
        const bool has_due = dates::is_valid(row.due);
        tally.with_due += has_due;
        tally.undated += !has_due && !dates::is_valid(row.start);
        todo(doc, row, problems[index], dtstamp, out);
        // A cancelled measure answers for nothing: its date stays in its task, not in the calendar's days.
        if (due_events && has_due && row.status_key != "cancelled") {
            due_event(doc, row, problems[index], dtstamp, out);
            ++tally.due_events;
        }
    }
    for (const MeetingLine& meeting : doc.follow_ups) {
        if (!dates::is_valid(meeting.date)) continue;  // a meeting without a day has no place in a calendar
        follow_up_event(doc, meeting, dtstamp, out);
        ++tally.meetings;
    }
    out += "END:VCALENDAR\r\n";
    if (counts) *counts = tally;
    return out;
}

}  // namespace kartla::action_plan::exporting
