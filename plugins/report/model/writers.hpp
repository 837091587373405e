#pragma once
#include "kartla/document.hpp"

#include <filesystem>
#include <string>

namespace kartla::report {

using kartla::doc::Document;

// One self-contained HTML page (inline CSS, images as data: URLs, no scripts).
std::string to_html(const Document& document, const std::string& language);
// An A4 PDF laid out with Pango (so å ä ö and long Swedish words wrap correctly).
// The PDF's document information: Author is the facilitator's role and organisation, never a person;
// language is the report's ("sv" or "en"), for the catalog's /Lang and the XMP.
struct PdfInfo {
    std::string author, subject, keywords, language;
};
// A very long text is cut, followed by `cut_note`, whose "{}" becomes the
// number of characters left out.
void write_pdf(const Document& document, const PdfInfo& info, const std::filesystem::path& out,
               const std::string& cut_note = " … [{} more characters in the workshop file]");

std::string base64(const std::string& bytes);

}  // namespace kartla::report
