#include "export.hpp"

#include "build.hpp"
#include "redact.hpp"
#include "writers.hpp"

#include <fstream>

namespace report {

namespace fs = std::filesystem;

void write_report(kartla::Host& host, kartla::Workshop& workshop, ReportFormat format,
                  const kartla::ExportOptions& options, const fs::path& out) {
    const Translate tr = [&](const char* msgid) { return std::string(host.tr(msgid)); };
    kartla::doc::Document document = build_report(workshop, options, tr, host.report_sections());
    if (options.redact_personal_data) redact(document);
    if (format == ReportFormat::Pdf) {
        write_pdf(document, out);
        return;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    const bool swedish = std::string(host.tr("Workshop report")) != "Workshop report";
    file << to_html(document, swedish ? "sv" : "en");
    if (!file.flush()) throw std::runtime_error("cannot write " + out.string());
}

}  // namespace report
