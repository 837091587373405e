#include "meeting/meeting_export.hpp"

#include "host/core_parts.hpp"

#include "meeting/agenda.hpp"
#include "kartla/core_data.hpp"
#include "kartla/text_encode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace kartla {

namespace {

struct Writer {
    const ExportOptions& options;
    const Translate& tr;
    std::ostream& out;

    std::string cell(std::string_view text) const {
        return text::markdown_inline(text);  // redacted, when asked, as it was read (run_export)
    }

    void heading(int level, const char* msgid, std::string_view suffix = {}) {
        out << '\n' << std::string(std::size_t(level), '#') << ' ' << tr(msgid);
        if (!suffix.empty()) out << ": " << cell(suffix);
        out << "\n\n";
    }

    void attendance(Database& db, const core_data::Meeting& meeting) {
        heading(3, "Attendance");
        auto present = core_data::attendees(db, meeting.id);
        auto people = core_data::participants(db);
        bool any = false;
        for (const auto& p : people)
            if (std::find(present.begin(), present.end(), p.id) != present.end()) {
                out << "- " << cell(p.role) << ", " << cell(p.organisation) << '\n';
                any = true;
            }
        if (!any) out << tr("No attendance recorded.") << '\n';
    }

    void agenda(Database& db, const core_data::Meeting& meeting) {
        heading(3, "Agenda");
        auto steps = agenda::steps(db, meeting.id);
        if (steps.empty()) {
            out << tr("No agenda.") << '\n';
            return;
        }
        out << "| # | " << tr("Step") << " | " << tr("Planned (min)") << " | " << tr("Spent (min)") << " |\n";
        out << "|---|---|---:|---:|\n";
        int planned = 0;
        std::int64_t spent = 0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const auto& s = steps[i];
            out << fmt::format("| {} | {} | {} | {:.1f} |\n", i + 1, cell(s.title), s.minutes, double(s.spent_seconds) / 60);
            planned += s.minutes;
            spent += s.spent_seconds;
        }
        out << fmt::format("| | **{}** | **{}** | **{:.1f}** |\n", tr("Total"), planned, double(spent) / 60);
    }

    void note_list(Database& db, const core_data::Meeting& meeting, agenda::NoteKind kind, const char* title,
                   const char* none) {
        heading(3, title);
        auto list = agenda::notes(db, meeting.id, kind);
        if (list.empty()) out << tr(none) << '\n';
        for (const auto& n : list)
            out << (kind == agenda::NoteKind::Parked ? (n.done ? "- [x] " : "- [ ] ") : "- ") << cell(n.text) << '\n';
    }

    void meeting_section(Database& db, const core_data::Meeting& meeting) {
        heading(2, meeting.kind == "follow_up" ? "Follow-up meeting" : "Mapping meeting", meeting.title);
        if (!meeting.date.empty()) out << "- " << tr("Date") << ": " << cell(meeting.date) << '\n';
        if (!meeting.place.empty()) out << "- " << tr("Place") << ": " << cell(meeting.place) << '\n';
        attendance(db, meeting);
        if (!agenda::available(db)) return;  // an older file opened read-only
        agenda(db, meeting);
        note_list(db, meeting, agenda::NoteKind::Decision, "Decisions", "No decisions recorded.");
        note_list(db, meeting, agenda::NoteKind::Note, "Notes", "No notes.");
        note_list(db, meeting, agenda::NoteKind::Parked, "Parking lot", "Nothing was parked.");
    }
};

}  // namespace

void write_meeting_markdown(Workshop& workshop, const ExportOptions& options, const Translate& tr, std::ostream& out) {
    Database& db = workshop.db();
    Writer w{options, tr, out};
    std::string title = core_data::meta(db, "title");
    out << "# " << w.cell(title.empty() ? std::string(tr("Workshop")) : title) << '\n';
    auto detail = [&](const char* label, const char* key) {
        if (auto value = core_data::meta(db, key); !value.empty()) out << "- " << tr(label) << ": " << w.cell(value) << '\n';
    };
    out << '\n';
    for (const auto& notice : options.notices) out << "> " << w.cell(notice) << "\n\n";
    detail("Municipality / organisation", "organisation");
    detail("Facilitator (role)", "facilitator_role");
    detail("Purpose", "purpose");
    for (const auto& meeting : core_data::meetings(db)) w.meeting_section(db, meeting);
}

namespace {

// The core's own export, on the command line as in the window.
void register_meeting_export(Host& core_host) {
    Host* host = &core_host;
    Translate tr = [host](const char* msgid) { return host->tr(msgid); };
    core_host.add_export({"meeting-md", "Meeting summary (Markdown)", ".md",
                          [tr](Workshop& workshop, const ExportOptions& options, const std::filesystem::path& path) {
                              std::ofstream out(path, std::ios::binary);
                              if (!out) throw std::runtime_error("cannot write " + path.string());
                              write_meeting_markdown(workshop, options, tr, out);
                              if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
                          }});
}

const CorePart meeting_export{&register_meeting_export};

}  // namespace

}  // namespace kartla
