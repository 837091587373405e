#include "exporters.hpp"

#include "tables.hpp"
#include "writers.hpp"

#include "kartla/document_files.hpp"
#include "kartla/export_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace kartla::action_plan::exporting {

namespace fs = std::filesystem;

void write_file(const fs::path& out, const std::string& bytes) { kartla::write_file_atomically(out, bytes); }

namespace {

std::vector<std::string> table_keys(const std::string& wanted) {
    if (wanted.empty()) return {"measures"};
    std::vector<std::string> keys;
    if (wanted == "all") {
        for (auto key : kTableKeys) keys.emplace_back(key);
        return keys;
    }
    std::size_t start = 0;
    while (start <= wanted.size()) {
        const std::size_t end = std::min(wanted.find(',', start), wanted.size());
        const std::string key = wanted.substr(start, end - start);
        if (!is_table_key(key))
            throw std::invalid_argument("unknown table '" + key + "' (tables: measures, problems, causes, actors, log, measure-problems, measure-causes, all)");
        keys.push_back(key);
        start = end + 1;
    }
    return keys;
}

}  // namespace

std::vector<fs::path> write_csv(const Document& doc, char separator, const std::string& tables, const fs::path& out) {
    const std::vector<std::string> keys = table_keys(tables);
    if (keys.size() == 1 && tables != "all") {
        write_file(out, to_csv(doc, separator, keys[0]));
        return {out};
    }
    std::error_code error;
    fs::create_directories(out, error);  // run_export gives an empty folder of its own; a direct call may not
    if (error || !fs::is_directory(out)) throw std::runtime_error("cannot make the folder " + out.string());
    std::vector<fs::path> written;
    for (const auto& key : keys) {
        written.push_back(out / (key + ".csv"));
        write_file(written.back(), to_csv(doc, separator, key));
    }
    return written;
}

std::string utc_timestamp_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

std::vector<kartla::ExportSpec> export_specs(EntitySource source, Translate tr, EntitySelect select, Say say) {
    using kartla::ExportOptions;
    using kartla::Workshop;
    if (!select) select = select_from(source);
    auto document = [select, tr](Workshop& w, const ExportOptions& o) { return build_document(w, select, o, tr); };
    std::vector<kartla::ExportSpec> specs;
    specs.push_back({"md", "Action plan as Markdown (.md)", ".md",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_file(out, to_markdown(document(w, o)));
                     }});
    specs.push_back({"csv", "Action plan as CSV for Excel (.csv)", ".csv",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_csv(document(w, o), o.csv_separator, "measures", out);
                     }});
    const std::pair<const char*, const char*> tables[] = {
        {"problems", "Problems of the action plan as CSV (.csv)"},
        {"causes", "Causes of the action plan as CSV (.csv)"},
        {"actors", "Actors of the action plan as CSV (.csv)"},
        {"log", "Status log of the action plan as CSV (.csv)"},
        {"measure-problems", "Measures and the problems they serve, one row each, as CSV (.csv)"},
        {"measure-causes", "Measures and the causes they address, one row each, as CSV (.csv)"}};
    for (const auto& [key, label] : tables)
        specs.push_back({std::string("csv-") + key, label, ".csv",
                         [document, table = std::string(key)](Workshop& w, const ExportOptions& o, const fs::path& out) {
                             write_csv(document(w, o), o.csv_separator, table, out);
                         }});
    specs.push_back({"csv-all", "Every table of the action plan as CSV, into a folder", "",
                     [document, say, tr](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         const auto written = write_csv(document(w, o), o.csv_separator, "all", out);
                         std::string names;  // the folder is the one the user chose; `out` is its stand-in until done
                         for (const auto& file : written) names += (names.empty() ? "" : ", ") + file.filename().string();
                         if (say) say(fmt::format(fmt::runtime(tr("{} tables: {}")), written.size(), names));
                     }});
    specs.push_back({"html", "Action plan as a printable page (.html)", ".html",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_file(out, to_html(document(w, o)));
                     }});
    specs.push_back({"docx", "Action plan for Word (.docx)", ".docx",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         kartla::doc::write_docx(to_neutral(document(w, o)), out);
                     }});
    specs.push_back({"odt", "Action plan for LibreOffice (.odt)", ".odt",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         kartla::doc::write_odt(to_neutral(document(w, o)), out);
                     }});
    specs.push_back({"xlsx", "Action plan as a spreadsheet (.xlsx)", ".xlsx",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_xlsx(document(w, o), out);
                     }});
    // The calendar: by default each due date also as an all-day event, which Outlook
    // imports (it drops tasks); ics-tasks for calendars that show tasks and want no copies.
    for (const bool due_events : {true, false})
        specs.push_back({due_events ? "ics" : "ics-tasks",
                         due_events ? "Action plan and follow-up meetings as a calendar, due dates as events (.ics)"
                                    : "Action plan as calendar tasks only, no due-date events (.ics)",
                         ".ics", [document, say, tr, due_events](Workshop& w, const ExportOptions& o, const fs::path& out) {
                             IcsCounts counts;
                             write_file(out, to_ics(document(w, o), utc_timestamp_now(), due_events, &counts));
                             if (say) say(counts.summary(tr));
                         }});
    // sample.plan.html, sample.plan-log.csv, sample.plan-tasks.ics: beside the report's and the meeting's files and
    // each other, never over them.
    for (auto& spec : specs) {
        const auto dash = spec.format.find('-');
        spec.file_tag = dash == std::string::npos ? "plan" : "plan-" + spec.format.substr(dash + 1);
    }
    return specs;
}

}  // namespace kartla::action_plan::exporting
