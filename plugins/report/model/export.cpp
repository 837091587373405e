#include "export.hpp"

#include "build.hpp"
#include "law_documents.hpp"
#include "writers.hpp"

#include "kartla/document_files.hpp"
#include "kartla/export_file.hpp"

namespace kartla::report {

namespace fs = std::filesystem;

void write_report(kartla::Host& host, kartla::Workshop& workshop, kartla::DocumentKind kind, ReportFormat format,
                  const kartla::ExportOptions& options, const fs::path& out) {
    const Translate tr = host.translator();
    // Redaction and whole-file writing are the host's (kartla/export_file.hpp):
    // every text read here is already masked when asked, chart labels included.
    kartla::doc::Document document = build_document(kind, workshop, options, tr, host.report_sections());
    switch (format) {
    case ReportFormat::Pdf: {
        std::string keywords = "kartla";
        for (const auto& section : document.sections) keywords += "; " + section.title;
        PdfInfo info{document.author, tr(document_spec(kind).name), keywords, document.language};
        return write_pdf(document, info, out, tr(" … [{} more characters in the workshop file]"));
    }
    case ReportFormat::Docx: return kartla::doc::write_docx(document, out);
    case ReportFormat::Odt: return kartla::doc::write_odt(document, out);
    case ReportFormat::Html: return kartla::write_file_atomically(out, to_html(document, document.language));
    }
}

}  // namespace kartla::report
