#include "export.hpp"

#include "kartla/core_data.hpp"

#include "build.hpp"
#include "writers.hpp"

#include "kartla/export_file.hpp"

namespace kartla::report {

namespace fs = std::filesystem;

void write_report(kartla::Host& host, kartla::Workshop& workshop, ReportFormat format,
                  const kartla::ExportOptions& options, const fs::path& out) {
    const Translate tr = [&](const char* msgid) { return std::string(host.tr(msgid)); };
    // Redaction and whole-file writing are the host's (kartla/export_file.hpp):
    // every text read here is already masked when asked, chart labels included.
    kartla::doc::Document document = build_report(workshop, options, tr, host.report_sections());
    const std::string language = std::string(host.tr("Workshop report")) != "Workshop report" ? "sv" : "en";
    if (format == ReportFormat::Pdf) {
        // The document information names roles and organisations, never a person.
        auto& db = workshop.db();
        std::string author = kartla::core_data::meta(db, "facilitator_role");
        const std::string organisation = kartla::core_data::meta(db, "organisation");
        if (!organisation.empty()) author += (author.empty() ? "" : ", ") + organisation;
        std::string keywords = "kartla";
        for (const auto& section : document.sections) keywords += "; " + section.title;
        PdfInfo info{author, host.tr("Workshop report"), keywords, language};
        return write_pdf(document, info, out, tr(" … [{} more characters in the workshop file]"));
    }
    kartla::write_file_atomically(out, to_html(document, language));
}

}  // namespace kartla::report
