#include "odt_styles.hpp"

#include "page_layout.hpp"

#include <fmt/format.h>

namespace kartla::doc::files::odt {

namespace {

constexpr const char* kFont = "DejaVu Sans";

std::string pt(double points) { return fmt::format("{:.2f}pt", points); }

struct StyleSpec {
    const char* name;
    const char* display;
    double size;
    bool bold;
    int outline;  // 0: not a heading
    double space_before, space_after;  // points
    const char* colour = "#111111";
    bool centred = false;
};

void paragraph_style(XmlWriter& x, const StyleSpec& s) {
    x.open("style:style").attr("style:name", s.name).attr("style:display-name", s.display);
    x.attr("style:family", "paragraph").attr("style:parent-style-name", "Standard").attr("style:next-style-name", "Standard");
    if (s.outline > 0) x.attr("style:default-outline-level", std::to_string(s.outline));
    x.open("style:paragraph-properties").attr("fo:margin-top", pt(s.space_before)).attr("fo:margin-bottom", pt(s.space_after));
    if (s.outline > 0) x.attr("fo:keep-with-next", "always");
    if (s.centred) x.attr("fo:text-align", "center");
    x.close();
    x.open("style:text-properties").attr("fo:font-size", pt(s.size)).attr("fo:color", s.colour);
    if (s.bold) x.attr("fo:font-weight", "bold");
    x.close();
    x.close();
}

void page_layout(XmlWriter& x, const char* name, const Page& page) {
    x.open("style:page-layout").attr("style:name", name);
    x.open("style:page-layout-properties")
        .attr("fo:page-width", pt(page.width))
        .attr("fo:page-height", pt(page.height))
        .attr("style:print-orientation", page.width > page.height ? "landscape" : "portrait");
    for (const char* side : {"fo:margin-top", "fo:margin-bottom", "fo:margin-left", "fo:margin-right"})
        x.attr(side, pt(Page::kMargin));
    x.close();
    x.open("style:footer-style").open("style:header-footer-properties").attr("fo:min-height", "0pt").attr("fo:margin-top", "8pt");
    x.close().close();
    x.close();
}

void master_page(XmlWriter& x, const char* name, const char* layout, const Document& document) {
    const auto parts = page_of_parts(document.words.page_of);
    x.open("style:master-page").attr("style:name", name).attr("style:page-layout-name", layout);
    x.open("style:footer").open("text:p").attr("text:style-name", "Footer");
    if (!document.footer.empty()) x.text(document.footer + "   \xC2\xB7   ");
    x.text(parts[0]);
    x.open("text:page-number").attr("text:select-page", "current").text("1").close();
    x.text(parts[1]);
    x.open("text:page-count").text("1").close();
    x.text(parts[2]);
    x.close().close().close();
}

}  // namespace

void declare_namespaces(XmlWriter& x) {
    const std::pair<const char*, const char*> spaces[] = {
        {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
        {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
        {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
        {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
        {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
        {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
        {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"}};
    for (auto [name, uri] : spaces) x.attr(name, uri);
    x.attr("office:version", "1.2");
}

std::string styles(const Document& document) {
    const std::string language = document.language.empty() ? "sv" : document.language;
    XmlWriter x;
    x.open("office:document-styles");
    declare_namespaces(x);
    x.open("office:font-face-decls");
    x.leaf("style:font-face", {{"style:name", kFont}, {"svg:font-family", std::string("'") + kFont + "'"},
                               {"style:font-family-generic", "swiss"}});
    x.close();
    x.open("office:styles");
    x.open("style:default-style").attr("style:family", "paragraph");
    x.open("style:text-properties").attr("style:font-name", kFont).attr("fo:font-size", pt(kBodySize));
    x.attr("fo:language", language).attr("fo:country", language == "sv" ? "SE" : "GB").attr("fo:hyphenate", "false");
    x.close().close();
    x.open("style:style").attr("style:name", "Standard").attr("style:family", "paragraph").attr("style:class", "text");
    x.open("style:paragraph-properties").attr("fo:margin-bottom", "6pt").close().close();
    const StyleSpec specs[] = {
        {"Title", "Title", 24, true, 0, 120, 12, "#1f3a5a"},
        {"Subtitle", "Subtitle", 14, false, 0, 0, 24, "#444444"},
        {"Heading_20_1", "Heading 1", 16, true, 1, 0, 8, "#1f3a5a"},
        {"Heading_20_2", "Heading 2", 13, true, 2, 14, 5, "#1f3a5a"},
        {"Heading_20_3", "Heading 3", 11, true, 3, 10, 4},
        {"Caption", "Caption", 9, false, 0, 3, 10, "#444444"},
        {"Table_20_Contents", "Table Contents", kTableSize, false, 0, 0, 0},
        {"Table_20_Heading", "Table Heading", kTableSize, true, 0, 0, 0},
        {"List_20_Bullet", "List Bullet", kBodySize, false, 0, 0, 3},
        {"Footer", "Footer", 8, false, 0, 0, 0, "#444444", true},  // centred, as the DOCX's
    };
    for (const auto& spec : specs) paragraph_style(x, spec);
    x.open("style:style").attr("style:name", "Strong").attr("style:display-name", "Strong Emphasis").attr("style:family", "text");
    x.leaf("style:text-properties", {{"fo:font-weight", "bold"}});
    x.close();
    // Bullets per level, as the DOCX's numbering: • – ▪.
    x.open("text:list-style").attr("style:name", "Bullets");
    const char* marks[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x96\xAA"};
    for (int level = 1; level <= 10; ++level) {
        x.open("text:list-level-style-bullet").attr("text:level", std::to_string(level)).attr("text:bullet-char", marks[(level - 1) % 3]);
        x.open("style:list-level-properties").attr("text:list-level-position-and-space-mode", "label-alignment");
        x.open("style:list-level-label-alignment").attr("text:label-followed-by", "listtab")
            .attr("fo:text-indent", "-12pt").attr("fo:margin-left", pt(18.0 * level));
        x.close().close().close();
    }
    x.close();
    x.close();  // office:styles
    x.open("office:automatic-styles");
    page_layout(x, "PortraitPage", kPortrait);
    page_layout(x, "LandscapePage", kLandscape);
    x.close();
    x.open("office:master-styles");
    master_page(x, kPortraitMaster, "PortraitPage", document);
    master_page(x, kLandscapeMaster, "LandscapePage", document);
    x.close();
    return x.finish();
}

std::string meta(const Document& document) {
    XmlWriter x;
    x.open("office:document-meta");
    declare_namespaces(x);
    x.open("office:meta");
    x.open("meta:generator").text("kartla").close();
    x.open("dc:title").text(document.title).close();
    if (!document.subtitle.empty()) x.open("dc:subject").text(document.subtitle).close();
    if (!document.author.empty()) x.open("meta:initial-creator").text(document.author).close();
    if (!document.author.empty()) x.open("dc:creator").text(document.author).close();
    if (document.issued.size() == 10) {
        x.open("meta:creation-date").text(document.issued + "T00:00:00").close();
        x.open("dc:date").text(document.issued + "T00:00:00").close();
    }
    x.open("dc:language").text(document.language.empty() ? "sv" : document.language).close();
    x.close().close();
    return x.finish();
}

std::string manifest(std::size_t images) {
    XmlWriter x;
    x.open("manifest:manifest").attr("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
        .attr("manifest:version", "1.2");
    x.leaf("manifest:file-entry", {{"manifest:full-path", "/"}, {"manifest:version", "1.2"},
                                   {"manifest:media-type", "application/vnd.oasis.opendocument.text"}});
    for (const char* part : {"content.xml", "styles.xml", "meta.xml"})
        x.leaf("manifest:file-entry", {{"manifest:full-path", part}, {"manifest:media-type", "text/xml"}});
    for (std::size_t i = 1; i <= images; ++i)
        x.leaf("manifest:file-entry", {{"manifest:full-path", fmt::format("Pictures/image{}.png", i)},
                                       {"manifest:media-type", "image/png"}});
    return x.finish();
}

}  // namespace kartla::doc::files::odt
