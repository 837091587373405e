#pragma once
// The fixed parts of a DOCX package around the body: content types,
// relationships, styles (the real heading styles), bullets, footer and
// document properties.
#include "kartla/document.hpp"

#include <string>

namespace kartla::doc::files::docx {

inline constexpr const char* kFooterId = "rIdFooter";

// "sv" → "sv-SE": the language of every run, for the spelling and hyphenation of Word and LibreOffice.
std::string language_tag(const std::string& language);

std::string content_types();
std::string package_relationships();
// The body's relationships: styles, bullets, footer, then one per picture (rIdImage1 ... image N).
std::string document_relationships(std::size_t images);
std::string styles(const std::string& language);
std::string numbering();
std::string footer(const Document& document);
std::string core_properties(const Document& document);
std::string app_properties();

}  // namespace kartla::doc::files::docx
