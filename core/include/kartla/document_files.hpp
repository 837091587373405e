#pragma once
// The editable documents: a doc::Document written as a real word-processing
// file, not converted HTML. Parts become Heading 1 (DOCX) or outline level 1
// (ODT), sub-headings level 2; tables repeat their header row on every page and
// get column widths from their content, on a landscape page when they need it;
// a picture carries its caption as alternative text; a chart is written as the
// table of its values; every page has "Page N of M" and the document's footer.
// A title page names the workshop, the municipality and the date of issue.
#include "kartla/api.hpp"
#include "kartla/document.hpp"

#include <filesystem>

namespace kartla::doc {

// Each writes `out` whole or not at all (write_file_atomically) and throws
// std::runtime_error with one line when it cannot.
KARTLA_API void write_docx(const Document& document, const std::filesystem::path& out);
KARTLA_API void write_odt(const Document& document, const std::filesystem::path& out);

}  // namespace kartla::doc
