#include "docx_styles.hpp"

#include "page_layout.hpp"
#include "xml_writer.hpp"

#include <fmt/format.h>

namespace kartla::doc::files::docx {

namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kFont = "DejaVu Sans";

std::string half_points(double points) { return std::to_string(int(points * 2 + 0.5)); }

void relationship(XmlWriter& x, const std::string& id, const char* type, const std::string& target) {
    x.open("Relationship").attr("Id", id).attr("Type", type).attr("Target", target).close();
}

// One paragraph style: name as Word knows it ("heading 1" is the built-in
// Heading 1, so Word's navigation pane, its table of contents and LibreOffice's
// outline all see it), size in points, bold, the outline level (-1: none).
struct StyleSpec {
    const char* id;
    const char* name;
    double size;
    bool bold;
    int outline;
    int space_before, space_after;  // twentieths of a point
    const char* colour = "111111";
};

void paragraph_style(XmlWriter& x, const StyleSpec& s) {
    x.open("w:style").attr("w:type", "paragraph").attr("w:styleId", s.id);
    x.leaf("w:name", {{"w:val", s.name}});
    x.leaf("w:basedOn", {{"w:val", "Normal"}});
    x.leaf("w:next", {{"w:val", "Normal"}});
    x.leaf("w:qFormat");
    x.open("w:pPr");
    if (s.outline >= 0) x.leaf("w:keepNext");
    x.leaf("w:spacing", {{"w:before", std::to_string(s.space_before)}, {"w:after", std::to_string(s.space_after)}});
    if (s.outline >= 0) x.leaf("w:outlineLvl", {{"w:val", std::to_string(s.outline)}});
    x.close();
    x.open("w:rPr");
    if (s.bold) x.leaf("w:b");
    x.leaf("w:color", {{"w:val", s.colour}});
    x.leaf("w:sz", {{"w:val", half_points(s.size)}});
    x.close();
    x.close();
}

}  // namespace

std::string language_tag(const std::string& language) {
    if (language == "sv") return "sv-SE";
    if (language == "en") return "en-GB";
    return language.empty() ? "sv-SE" : language;
}

std::string content_types() {
    XmlWriter x;
    x.open("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    x.leaf("Default", {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
    x.leaf("Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
    x.leaf("Default", {{"Extension", "png"}, {"ContentType", "image/png"}});
    const std::pair<const char*, const char*> parts[] = {
        {"/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
        {"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
        {"/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
        {"/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
        {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
        {"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"}};
    for (auto [part, type] : parts) x.leaf("Override", {{"PartName", part}, {"ContentType", type}});
    return x.finish();
}

std::string package_relationships() {
    XmlWriter x;
    x.open("Relationships").attr("xmlns", kRelationships);
    relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                 "word/document.xml");
    relationship(x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml");
    relationship(x, "rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
                 "docProps/app.xml");
    return x.finish();
}

std::string document_relationships(std::size_t images) {
    XmlWriter x;
    x.open("Relationships").attr("xmlns", kRelationships);
    const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    relationship(x, "rIdStyles", (base + "styles").c_str(), "styles.xml");
    relationship(x, "rIdNumbering", (base + "numbering").c_str(), "numbering.xml");
    relationship(x, kFooterId, (base + "footer").c_str(), "footer1.xml");
    for (std::size_t i = 1; i <= images; ++i)
        relationship(x, fmt::format("rIdImage{}", i), (base + "image").c_str(), fmt::format("media/image{}.png", i));
    return x.finish();
}

std::string styles(const std::string& language) {
    XmlWriter x;
    x.open("w:styles").attr("xmlns:w", kW);
    x.open("w:docDefaults").open("w:rPrDefault").open("w:rPr");
    x.leaf("w:rFonts", {{"w:ascii", kFont}, {"w:hAnsi", kFont}, {"w:cs", kFont}, {"w:eastAsia", kFont}});
    x.leaf("w:sz", {{"w:val", half_points(kBodySize)}});
    x.leaf("w:lang", {{"w:val", language_tag(language)}});
    x.close().close();
    x.open("w:pPrDefault").open("w:pPr").leaf("w:spacing", {{"w:after", "120"}, {"w:line", "264"}, {"w:lineRule", "auto"}});
    x.close().close().close();

    x.open("w:style").attr("w:type", "paragraph").attr("w:default", "1").attr("w:styleId", "Normal");
    x.leaf("w:name", {{"w:val", "Normal"}}).leaf("w:qFormat").close();
    const StyleSpec specs[] = {
        {"Title", "Title", 24, true, -1, 2400, 240, "1F3A5A"},
        {"Subtitle", "Subtitle", 14, false, -1, 0, 480, "444444"},
        {"Heading1", "heading 1", 16, true, 0, 0, 160, "1F3A5A"},
        {"Heading2", "heading 2", 13, true, 1, 280, 100, "1F3A5A"},
        {"Heading3", "heading 3", 11, true, 2, 200, 80},
        {"Caption", "caption", 9, false, -1, 60, 200, "444444"},
        {"TableText", "Table Text", kTableSize, false, -1, 0, 0},
        {"TableHeading", "Table Heading", kTableSize, true, -1, 0, 0},
        {"ListBullet", "List Bullet", kBodySize, false, -1, 0, 60},
        {"Footer", "footer", 8, false, -1, 0, 0, "444444"},
    };
    for (const auto& spec : specs) paragraph_style(x, spec);
    return x.finish();
}

std::string numbering() {
    XmlWriter x;
    x.open("w:numbering").attr("xmlns:w", kW);
    x.open("w:abstractNum").attr("w:abstractNumId", "0");
    const char* marks[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x96\xAA"};  // • – ▪
    for (int level = 0; level < 9; ++level) {
        x.open("w:lvl").attr("w:ilvl", std::to_string(level));
        x.leaf("w:start", {{"w:val", "1"}});
        x.leaf("w:numFmt", {{"w:val", "bullet"}});
        x.leaf("w:lvlText", {{"w:val", marks[level % 3]}});
        x.leaf("w:lvlJc", {{"w:val", "left"}});
        x.open("w:pPr").leaf("w:ind", {{"w:left", std::to_string(360 * (level + 1))}, {"w:hanging", "240"}}).close();
        x.close();
    }
    x.close();
    x.open("w:num").attr("w:numId", "1").leaf("w:abstractNumId", {{"w:val", "0"}}).close();
    return x.finish();
}

std::string footer(const Document& document) {
    const auto parts = page_of_parts(document.words.page_of);
    XmlWriter x;
    x.open("w:ftr").attr("xmlns:w", kW).attr("xmlns:r", kR);
    x.open("w:p").open("w:pPr").leaf("w:pStyle", {{"w:val", "Footer"}}).leaf("w:jc", {{"w:val", "center"}}).close();
    const auto run = [&](const std::string& text) {
        if (!text.empty()) x.open("w:r").open("w:t").attr("xml:space", "preserve").text(text).close().close();
    };
    const auto field = [&](const char* instruction) {
        x.open("w:fldSimple").attr("w:instr", instruction);
        run("1");
        x.close();
    };
    if (!document.footer.empty()) run(document.footer + "   \xC2\xB7   ");
    run(parts[0]);
    field(" PAGE ");
    run(parts[1]);
    field(" NUMPAGES ");
    run(parts[2]);
    x.close();
    return x.finish();
}

std::string core_properties(const Document& document) {
    XmlWriter x;
    x.open("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    x.open("dc:title").text(document.title).close();
    if (!document.subtitle.empty()) x.open("dc:subject").text(document.subtitle).close();
    if (!document.author.empty()) x.open("dc:creator").text(document.author).close();
    x.open("dc:language").text(language_tag(document.language)).close();
    if (document.issued.size() == 10) {
        const std::string when = document.issued + "T00:00:00Z";
        x.open("dcterms:created").attr("xsi:type", "dcterms:W3CDTF").text(when).close();
        x.open("dcterms:modified").attr("xsi:type", "dcterms:W3CDTF").text(when).close();
    }
    return x.finish();
}

std::string app_properties() {
    XmlWriter x;
    x.open("Properties").attr("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    x.open("Application").text("kartla").close();
    return x.finish();
}

}  // namespace kartla::doc::files::docx
