#include "exporters.hpp"

#include "writers.hpp"

#include "kartla/export_file.hpp"

#include <ctime>

namespace action_plan::exporting {

namespace fs = std::filesystem;

void write_file(const fs::path& out, const std::string& bytes) { kartla::write_file_atomically(out, bytes); }

std::string utc_timestamp_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

std::vector<kartla::ExportSpec> export_specs(EntitySource source, Translate tr, EntitySelect select) {
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
                         write_file(out, to_csv(document(w, o), o.csv_separator));
                     }});
    specs.push_back({"html", "Action plan as a printable page (.html)", ".html",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_file(out, to_html(document(w, o)));
                     }});
    specs.push_back({"xlsx", "Action plan as a spreadsheet (.xlsx)", ".xlsx",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_xlsx(document(w, o), out);
                     }});
    specs.push_back({"ics", "Action plan due dates as a calendar (.ics)", ".ics",
                     [document](Workshop& w, const ExportOptions& o, const fs::path& out) {
                         write_file(out, to_ics(document(w, o), utc_timestamp_now()));
                     }});
    return specs;
}

}  // namespace action_plan::exporting
