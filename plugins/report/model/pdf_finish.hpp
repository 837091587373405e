#pragma once
// What cairo 1.16 cannot write into a tagged PDF, added afterwards with qpdf's
// library: the document's language, alternative text on each figure, an XMP
// metadata stream, the viewer preference to show the title, and /Scope on the
// tables' header cells. Screen readers and PDF/UA checkers look for these.
#include <filesystem>
#include <string>
#include <vector>

namespace kartla::report {

struct PdfFinish {
    std::string language;  // BCP 47: "sv" or "en"
    std::string title, author, subject, keywords;
    std::vector<std::string> figure_alts;  // one per Figure, in the order they were tagged
};

// Text from the workshop file as the PDF's metadata holds it: repaired UTF-8,
// no control characters, cut at a length a reader's dialog can show. The
// document information (cairo) and the XMP (here) both go through it, so the
// two say the same.
std::string metadata_text(const std::string& value);

// The XMP packet: Dublin Core title, creator, description and language, the
// PDF keywords and the creating tool, every value XML-escaped.
std::string xmp_packet(const PdfFinish& finish);

// Rewrites `pdf` (the export's temporary file) in place. Throws
// std::runtime_error with one line when qpdf cannot read or write it, or when
// the structure tree does not hold one Figure per alternative text.
void finish_pdf(const std::filesystem::path& pdf, const PdfFinish& finish);

}  // namespace kartla::report
