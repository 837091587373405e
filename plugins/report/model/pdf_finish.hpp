#pragma once
// What cairo 1.16 cannot write into a tagged PDF, added afterwards with qpdf's
// library: the document's language, alternative text on each figure, an XMP
// metadata stream, the viewer preference to show the title, and /Scope on the
// tables' header cells, which screen readers and PDF/UA checkers look for;
// the PDF/A-2 identification, dates and sRGB output intent an archive looks
// for; and each page's footer ("Sida N av M"), drawn over the page as an
// artifact once the number of pages is known.
#include <filesystem>
#include <string>
#include <vector>

namespace kartla::report {

struct PdfFinish {
    std::string language;  // BCP 47: "sv" or "en"
    std::string title, author, subject, keywords;
    std::vector<std::string> figure_alts;  // one per Figure, in the order they were tagged
    // When the file was made, UTC, "2026-12-06T20:55:00Z"; empty: no dates, no PDF/A claim.
    std::string created = {};
    // A PDF of the footers alone, one page per page of the report, drawn over
    // it as pagination artifacts; empty: no footers.
    std::filesystem::path footers = {};
    // The sRGB profile for the PDF/A output intent (Debian's icc-profiles-free);
    // when it cannot be read, the PDF is written without claiming PDF/A.
    std::filesystem::path srgb_profile = "/usr/share/color/icc/sRGB.icc";
};

// What the PDF's Info dictionary and the XMP both say made the file.
inline constexpr const char* kPdfProducer = "kartla (cairo, qpdf)";

// Text from the workshop file as the PDF's metadata holds it: repaired UTF-8,
// no control characters, cut at a length a reader's dialog can show. The
// document information (cairo) and the XMP (here) both go through it, so the
// two say the same.
std::string metadata_text(const std::string& value);

// The XMP packet: Dublin Core title, creator, description and language, the
// PDF keywords, the creating tool and producer, every value XML-escaped; with
// `pdfa`, the dates and the PDF/A-2 identification (part 2, conformance U).
std::string xmp_packet(const PdfFinish& finish, bool pdfa = false);

// Rewrites `pdf` (the export's temporary file) in place. Throws
// std::runtime_error with one line when qpdf cannot read or write it, or when
// the structure tree does not hold one Figure per alternative text.
void finish_pdf(const std::filesystem::path& pdf, const PdfFinish& finish);

}  // namespace kartla::report
