#include "export.hpp"

#include "kartla/core_data.hpp"
#include "kartla/privacy.hpp"

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
        auto& db = workshop.db();
        std::string author = kartla::core_data::meta(db, "facilitator_role");
        const std::string organisation = kartla::core_data::meta(db, "organisation");
        if (!organisation.empty()) author += (author.empty() ? "" : ", ") + organisation;
        std::string keywords = "kartla";
        for (const auto& section : document.sections) keywords += "; " + section.title;
        PdfInfo info{author, host.tr("Workshop report"), keywords};
        if (options.redact_personal_data) info.author = kartla::privacy::redact(info.author);
        write_pdf(document, info, out);
        return;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error("cannot write " + out.string());
    const bool swedish = std::string(host.tr("Workshop report")) != "Workshop report";
    file << to_html(document, swedish ? "sv" : "en");
    if (!file.flush()) throw std::runtime_error("cannot write " + out.string());
}

}  // namespace report
