// report: the workshop report and the documents the law and Brå name (the
// lägesbild, the åtgärdsplan, a draft samverkansöverenskommelse), each as
// HTML, PDF, DOCX and ODT. Entry point and registration only; the logic lives in model/.
#include "kartla/plugin_api.hpp"
#include "model/export.hpp"

namespace kartla::report {

class ReportPlugin : public kartla::Plugin {
public:
    explicit ReportPlugin(kartla::Host& host) : host_(host) {
        using K = kartla::DocumentKind;
        using F = ReportFormat;
        const Export exports[] = {
            {"report-html", "Workshop report (HTML)", ".html", K::Report, F::Html},
            {"report-pdf", "Workshop report (PDF)", ".pdf", K::Report, F::Pdf},
            {"report-docx", "Workshop report for Word (.docx)", ".docx", K::Report, F::Docx},
            {"report-odt", "Workshop report for LibreOffice (.odt)", ".odt", K::Report, F::Odt},
            {"situation-picture-html", "Situation picture (HTML)", ".html", K::SituationPicture, F::Html},
            {"situation-picture-pdf", "Situation picture (PDF)", ".pdf", K::SituationPicture, F::Pdf},
            {"situation-picture-docx", "Situation picture for Word (.docx)", ".docx", K::SituationPicture, F::Docx},
            {"situation-picture-odt", "Situation picture for LibreOffice (.odt)", ".odt", K::SituationPicture, F::Odt},
            {"action-plan-html", "Action plan by Brå's template (HTML)", ".html", K::ActionPlan, F::Html},
            {"action-plan-pdf", "Action plan by Brå's template (PDF)", ".pdf", K::ActionPlan, F::Pdf},
            {"action-plan-docx", "Action plan by Brå's template for Word (.docx)", ".docx", K::ActionPlan, F::Docx},
            {"action-plan-odt", "Action plan by Brå's template for LibreOffice (.odt)", ".odt", K::ActionPlan, F::Odt},
            {"agreement-html", "Collaboration agreement, draft (HTML)", ".html", K::Agreement, F::Html},
            {"agreement-pdf", "Collaboration agreement, draft (PDF)", ".pdf", K::Agreement, F::Pdf},
            {"agreement-docx", "Collaboration agreement, draft, for Word (.docx)", ".docx", K::Agreement, F::Docx},
            {"agreement-odt", "Collaboration agreement, draft, for LibreOffice (.odt)", ".odt", K::Agreement, F::Odt}};
        for (const auto& e : exports)
            host_.add_export({e.format, e.label, e.extension,
                              [this, e](kartla::Workshop& w, const kartla::ExportOptions& options, const std::filesystem::path& out) {
                                  write_report(host_, w, e.kind, e.as, options, out);
                              }});
    }

private:
    struct Export {
        const char* format;
        const char* label;  // English msgid for the menu
        const char* extension;
        kartla::DocumentKind kind;
        ReportFormat as;
    };

    kartla::Host& host_;
};

}  // namespace kartla::report

KARTLA_PLUGIN("report", "Workshop report", "1.0.0", kartla::report::ReportPlugin)
