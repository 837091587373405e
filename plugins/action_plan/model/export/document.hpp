#pragma once
// The action plan as every export format shows it: the workshop header, the
// prioritised problems with their causes, and the measures grouped by
// problem. Built once per export, already translated and, on request,
// stripped of personal data, so the writers only lay it out.
#include "../plan.hpp"

#include "kartla/plugin_api.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kartla::action_plan::exporting {

enum Column : std::size_t {
    ColId,
    ColTitle,
    ColDescription,
    ColProblems,
    ColCauses,
    ColPrevention,
    ColWorkForm,
    ColGoalType,
    ColGoal,
    ColOwner,
    ColPartners,
    ColStart,
    ColDue,
    ColResources,
    ColCost,
    ColEffectTerm,
    ColExpectedEffect,
    ColIndicator,
    ColBaseline,
    ColFollowUp,
    ColPriority,
    ColStatus,
    ColLight,
    ColLightComment,
    ColStatusLog,
    ColumnCount
};

// The English msgid of a column title.
const char* column_msgid(Column column);

struct Header {
    std::string title, organisation, date, place;
    std::vector<std::string> organisations;  // taking part
    std::string exported;                     // today
    std::vector<std::string> notices;         // what the host says of the workshop as a whole (ExportOptions)

    // The lines under the title, as (English msgid, value), the same in every document format.
    std::vector<std::pair<const char*, std::string>> lines() const;
};

// The plan's table in documents, in the Brå template's order:
// cause -> measure -> operational goal -> when -> who -> follow-up.
inline constexpr Column kDocumentColumns[] = {ColTitle, ColCauses, ColGoal,   ColStart, ColDue,
                                              ColOwner, ColPartners, ColStatus, ColLight, ColIndicator};

// What a measure's details list under it (Markdown, HTML and the neutral documents alike).
inline constexpr Column kDetailColumns[] = {ColDescription, ColPrevention, ColWorkForm, ColGoalType, ColResources, ColCost,
                                            ColEffectTerm,  ColExpectedEffect, ColBaseline, ColFollowUp, ColPriority,
                                            ColStatusLog};

struct MeasureRow {
    std::int64_t id = 0;
    std::string status_key, light_key, start, due;  // untranslated, for styling and dates
    std::vector<std::string> cells;                  // ColumnCount texts
    std::vector<std::int64_t> cause_ids;             // the causes it addresses
    std::vector<std::int64_t> problem_ids;           // every problem it serves: its own and its causes'
    const std::string& cell(Column c) const { return cells[c]; }
};

struct CauseLine {
    std::int64_t id = 0;
    std::int64_t parent_id = 0;  // 0 for a direct cause
    std::string label, nature;   // nature translated
    int depth = 0;
};

// An actor of the actor map, with the measures it answers for or takes part in.
struct ActorLine {
    std::int64_t id = 0;
    std::string label, type;  // type translated
    std::vector<std::string> responsible_for, partner_in;  // measure titles
};

// One entry of the status log, words translated.
struct LogLine {
    std::int64_t id = 0;
    std::int64_t measure_id = 0;
    std::string measure, date, from, to, note;  // from, to: shape and word
    std::string from_key, to_key;                // untranslated, for the tables' word alone
};

struct ProblemSection {
    std::int64_t id = 0;  // 0: measures that address no problem
    std::string label;
    std::string rank;
    bool prioritised = false;
    std::vector<CauseLine> causes;
    std::vector<std::size_t> rows;  // indexes into Document::rows
};

// A follow-up meeting of the workshop, for the calendar.
struct MeetingLine {
    std::int64_t id = 0;
    std::string title, date, place;
};

struct Document {
    Header header;
    std::vector<std::string> column_titles;  // ColumnCount, translated
    std::vector<ProblemSection> sections;
    std::vector<MeasureRow> rows;  // one per measure, plan order
    std::vector<ActorLine> actors;
    std::vector<LogLine> log;  // oldest first
    std::vector<MeetingLine> follow_ups;  // the workshop's follow-up meetings
    std::string workshop_uid;
    std::string language;  // "sv" or "en": the words' language, for lang= and hyphenation
    // Translated fixed words the writers need.
    Translate tr;
};

// One measure's cells, as the exports and the table view show them.
MeasureRow measure_row(const Plan& plan, const Measure& measure, const Translate& tr);

Document build_document(kartla::Workshop& workshop, const Plan& plan, const kartla::ExportOptions& options,
                        const Translate& tr);
// Convenience: loads the plan through `source` first.
Document build_document(kartla::Workshop& workshop, const EntitySource& source, const kartla::ExportOptions& options,
                        const Translate& tr);
Document build_document(kartla::Workshop& workshop, const EntitySelect& select, const kartla::ExportOptions& options,
                        const Translate& tr);

}  // namespace kartla::action_plan::exporting
