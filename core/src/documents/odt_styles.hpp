#pragma once
// The fixed parts of an ODT package around content.xml: styles (the real
// heading styles, two master pages, portrait and landscape, each with the page
// number in its footer), metadata and the manifest.
#include "xml_writer.hpp"

#include "kartla/document.hpp"

#include <string>

namespace kartla::doc::files::odt {

// The master pages content.xml starts a part on.
inline constexpr const char* kPortraitMaster = "Standard";
inline constexpr const char* kLandscapeMaster = "Landscape";

// The namespaces every ODF part declares on its root element.
void declare_namespaces(XmlWriter& x);

std::string styles(const Document& document);
std::string meta(const Document& document);
std::string manifest(std::size_t images);

}  // namespace kartla::doc::files::odt
