// report: the workshop report for the board and the partners (HTML and PDF).
// Entry point and registration only; the logic lives in model/.
#include "kartla/plugin_api.hpp"
#include "model/export.hpp"

namespace kartla::report {

class ReportPlugin : public kartla::Plugin {
public:
    explicit ReportPlugin(kartla::Host& host) : host_(host) {
        add("report-html", "Workshop report (HTML)", ".html", ReportFormat::Html);
        add("report-pdf", "Workshop report (PDF)", ".pdf", ReportFormat::Pdf);
    }

private:
    void add(const char* format, const char* label, const char* extension, ReportFormat kind) {
        host_.add_export({format, label, extension,
                          [this, kind](kartla::Workshop& w, const kartla::ExportOptions& options, const std::filesystem::path& out) {
                              write_report(host_, w, kind, options, out);
                          }});
    }

    kartla::Host& host_;
};

}  // namespace kartla::report

KARTLA_PLUGIN("report", "Workshop report", "1.0.0", kartla::report::ReportPlugin)
