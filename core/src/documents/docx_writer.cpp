// The DOCX writer: the body of word/document.xml from a doc::Document, and the
// package around it (docx_styles.hpp). Each part of the document is a section
// of its own, so it starts on a new page, landscape when a table needs it.
#include "kartla/document_files.hpp"

#include "docx_styles.hpp"
#include "page_layout.hpp"
#include "xml_writer.hpp"
#include "zip_package.hpp"

#include "kartla/export_file.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla::doc {

namespace {

using files::XmlWriter;

int twips(double points) { return int(points * 20 + 0.5); }
// A column's width, rounded down: the columns together never exceed the text width they were shared from.
int column_twips(double points) { return int(points * 20); }
long emu(double points) { return long(points * 12700 + 0.5); }

class Body {
public:
    explicit Body(const Document& document) : document_(document) {
        x_.open("w:document")
            .attr("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
            .attr("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
            .attr("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
            .attr("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main")
            .attr("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        x_.open("w:body");
    }

    void title_page(bool last) {
        paragraph("Title", document_.title);
        if (!document_.subtitle.empty()) paragraph("Subtitle", document_.subtitle);
        for (const auto& [label, value] : document_.title_facts) fact(label, value);
        end_section(files::kPortrait, last);
    }

    void section(const Section& section, bool last) {
        const files::Page& page = files::page_for(section);
        paragraph("Heading1", section.title);
        for (const auto& block : section.blocks) std::visit([&](const auto& b) { write(b, page); }, block);
        end_section(page, last);
    }

    std::string finish() {
        section_properties(*last_page_);  // the last part's page: the body's own sectPr
        return x_.finish();
    }

    const std::vector<std::string>& images() const { return images_; }

private:
    void write(const Heading& h, const files::Page&) { paragraph("Heading2", h.text); }
    void write(const Paragraph& p, const files::Page&) { paragraph("", p.text); }
    void write(const Facts& f, const files::Page&) {
        for (const auto& [label, value] : f.items) fact(label, value);
    }
    void write(const Bullets& b, const files::Page&) {
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            const int depth = std::clamp(i < b.depth.size() ? b.depth[i] : 0, 0, 8);
            x_.open("w:p").open("w:pPr").leaf("w:pStyle", {{"w:val", "ListBullet"}});
            x_.open("w:numPr").leaf("w:ilvl", {{"w:val", std::to_string(depth)}}).leaf("w:numId", {{"w:val", "1"}}).close();
            x_.close();
            runs(b.items[i], false);
            x_.close();
        }
    }
    void write(const Table& t, const files::Page& page) {
        table(t, files::column_widths(t, page.text_width(), document_.language));
    }
    void write(const Image& image, const files::Page& page) {
        const files::PixelSize pixels = files::png_size(image.png);
        if (pixels.width == 0 || pixels.height == 0) {
            paragraph("Caption", image.caption);  // no picture to show: its words at least
            return;
        }
        images_.push_back(image.png);
        // 96 pixels an inch, made smaller to fit the text width and half the page's height.
        double w = pixels.width * 0.75, h = pixels.height * 0.75;
        const double scale = std::min({1.0, page.text_width() / w, (page.height - 2 * files::Page::kMargin) * 0.6 / h});
        w *= scale, h *= scale;
        const std::string id = std::to_string(images_.size()), alt = files::clean_text(alt_text(image), false);
        x_.open("w:p").open("w:pPr").leaf("w:keepNext").leaf("w:jc", {{"w:val", "center"}}).close();
        x_.open("w:r").open("w:drawing").open("wp:inline");
        for (const char* side : {"distT", "distB", "distL", "distR"}) x_.attr(side, "0");
        x_.leaf("wp:extent", {{"cx", std::to_string(emu(w))}, {"cy", std::to_string(emu(h))}});
        x_.leaf("wp:docPr", {{"id", id}, {"name", "Picture " + id}, {"descr", alt}, {"title", alt}});
        x_.open("wp:cNvGraphicFramePr").leaf("a:graphicFrameLocks", {{"noChangeAspect", "1"}}).close();
        x_.open("a:graphic").open("a:graphicData").attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        x_.open("pic:pic").open("pic:nvPicPr");
        x_.leaf("pic:cNvPr", {{"id", id}, {"name", "image" + id + ".png"}, {"descr", alt}});
        x_.leaf("pic:cNvPicPr").close();
        x_.open("pic:blipFill").leaf("a:blip", {{"r:embed", "rIdImage" + id}});
        x_.open("a:stretch").leaf("a:fillRect").close().close();
        x_.open("pic:spPr").open("a:xfrm").leaf("a:off", {{"x", "0"}, {"y", "0"}});
        x_.leaf("a:ext", {{"cx", std::to_string(emu(w))}, {"cy", std::to_string(emu(h))}}).close();
        x_.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close().close();
        x_.close().close().close().close();  // pic:pic, a:graphicData, a:graphic, wp:inline
        x_.close().close().close();          // w:drawing, w:r, w:p
        paragraph("Caption", image.caption);
    }
    // A chart is written as its values: no reader needs the picture, and a word processor could not redraw it.
    void write(const Chart& chart, const files::Page& page) {
        paragraph("Heading3", chart.title);
        const Table values = chart_table(chart, document_.words);
        table(values, files::column_widths(values, std::min(page.text_width(), 240.0), document_.language));
        if (!chart.baseline_label.empty()) paragraph("Caption", chart.baseline_label);
    }

    void table(const Table& t, const std::vector<double>& widths) {
        if (widths.empty()) return;
        double total = 0;
        for (double w : widths) total += column_twips(w);
        x_.open("w:tbl").open("w:tblPr");
        x_.leaf("w:tblW", {{"w:w", std::to_string(int(total))}, {"w:type", "dxa"}});
        x_.leaf("w:tblLayout", {{"w:type", "fixed"}});
        x_.open("w:tblBorders");
        for (const char* edge : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
            x_.leaf(edge, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "999999"}});
        x_.close();
        x_.open("w:tblCellMar");
        for (const char* side : {"w:left", "w:right"})
            x_.leaf(side, {{"w:w", std::to_string(twips(files::kCellPadding))}, {"w:type", "dxa"}});
        x_.close();
        x_.leaf("w:tblLook", {{"w:val", "0420"}, {"w:firstRow", "1"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
        x_.close();
        x_.open("w:tblGrid");
        for (double w : widths) x_.leaf("w:gridCol", {{"w:w", std::to_string(column_twips(w))}});
        x_.close();
        row(t.headers, widths, true);
        for (const auto& r : t.rows) row(r, widths, false);
        x_.close();
        x_.open("w:p").open("w:pPr").leaf("w:spacing", {{"w:after", "60"}}).close().close();  // space after, and Word wants a paragraph between tables
    }

    void row(const std::vector<std::string>& cells, const std::vector<double>& widths, bool header) {
        x_.open("w:tr");
        // The header row repeats at the top of every page the table runs over.
        if (header) x_.open("w:trPr").leaf("w:tblHeader").leaf("w:cantSplit").close();
        for (std::size_t c = 0; c < widths.size(); ++c) {
            x_.open("w:tc").open("w:tcPr").leaf("w:tcW", {{"w:w", std::to_string(column_twips(widths[c]))}, {"w:type", "dxa"}});
            if (header) x_.leaf("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "E8EDF2"}});
            x_.close();
            x_.open("w:p").open("w:pPr").leaf("w:pStyle", {{"w:val", header ? "TableHeading" : "TableText"}}).close();
            runs(files::cell_text(c < cells.size() ? cells[c] : "", hyphenator_), false, true);
            x_.close().close();
        }
        x_.close();
    }

    void paragraph(const char* style, const std::string& text) {
        x_.open("w:p");
        if (*style) x_.open("w:pPr").leaf("w:pStyle", {{"w:val", style}}).close();
        runs(text, false);
        x_.close();
    }

    void fact(const std::string& label, const std::string& value) {
        x_.open("w:p").open("w:pPr").leaf("w:spacing", {{"w:after", "40"}}).close();
        runs(label + ": ", true);
        runs(value, false);
        x_.close();
    }

    // The text as runs, a line break where it has one.
    void runs(const std::string& text, bool bold, bool cleaned = false) {
        const std::string clean = cleaned ? text : files::clean_text(text, true);
        std::size_t start = 0;
        while (true) {
            const std::size_t end = std::min(clean.find('\n', start), clean.size());
            x_.open("w:r");
            if (bold) x_.open("w:rPr").leaf("w:b").close();
            if (start > 0) x_.leaf("w:br");
            line(std::string_view(clean).substr(start, end - start));
            x_.close();
            if (end == clean.size()) break;
            start = end + 1;
        }
    }

    // One line of a run: a soft hyphen and a non-breaking hyphen are Word's own elements;
    // a word joiner (files::cell_text) is kept as the character, which text() would drop.
    void line(std::string_view text) {
        std::size_t start = 0;
        while (true) {
            const std::size_t soft = text.find("\xC2\xAD", start), hard = text.find("\xE2\x80\x91", start),
                              joiner = text.find("\xE2\x81\xA0", start);
            const std::size_t at = std::min({soft, hard, joiner});
            x_.open("w:t").attr("xml:space", "preserve").text(text.substr(start, std::min(at, text.size()) - start));
            if (at != std::string_view::npos && at == joiner) x_.word_joiner();
            x_.close();
            if (at == std::string_view::npos) return;
            if (at != joiner) x_.leaf(at == soft ? "w:softHyphen" : "w:noBreakHyphen");
            start = at + (at == soft ? 2 : 3);
        }
    }

    // Ends a part: an empty paragraph carries its page (size, orientation,
    // margins, footer); the last part's is the body's own, written at the end.
    void end_section(const files::Page& page, bool last) {
        last_page_ = &page;
        if (last) return;
        x_.open("w:p").open("w:pPr");
        section_properties(page);
        x_.close().close();
    }

    void section_properties(const files::Page& page) {
        x_.open("w:sectPr");
        x_.leaf("w:footerReference", {{"w:type", "default"}, {"r:id", files::docx::kFooterId}});
        x_.leaf("w:type", {{"w:val", "nextPage"}});
        x_.open("w:pgSz").attr("w:w", std::to_string(twips(page.width))).attr("w:h", std::to_string(twips(page.height)));
        if (page.width > page.height) x_.attr("w:orient", "landscape");
        x_.close();
        const std::string margin = std::to_string(twips(files::Page::kMargin));
        x_.leaf("w:pgMar", {{"w:top", margin}, {"w:right", margin}, {"w:bottom", margin}, {"w:left", margin},
                            {"w:header", "567"}, {"w:footer", "454"}, {"w:gutter", "0"}});
        x_.close();
    }

    const Document& document_;
    XmlWriter x_;
    std::vector<std::string> images_;
    kartla::text::Hyphenator hyphenator_{document_.language};
    const files::Page* last_page_ = &files::kPortrait;
};

}  // namespace

void write_docx(const Document& document, const std::filesystem::path& out) {
    Body body(document);
    body.title_page(document.sections.empty());
    for (std::size_t i = 0; i < document.sections.size(); ++i)
        body.section(document.sections[i], i + 1 == document.sections.size());
    std::string main = body.finish();

    files::ZipPackage package;
    package.add("[Content_Types].xml", files::docx::content_types());
    package.add("_rels/.rels", files::docx::package_relationships());
    package.add("word/document.xml", std::move(main));
    package.add("word/_rels/document.xml.rels", files::docx::document_relationships(body.images().size()));
    package.add("word/styles.xml", files::docx::styles(document.language));
    package.add("word/numbering.xml", files::docx::numbering());
    package.add("word/footer1.xml", files::docx::footer(document));
    package.add("docProps/core.xml", files::docx::core_properties(document));
    package.add("docProps/app.xml", files::docx::app_properties());
    for (std::size_t i = 0; i < body.images().size(); ++i)
        package.add(fmt::format("word/media/image{}.png", i + 1), body.images()[i]);
    kartla::write_file_atomically(out, [&](const std::filesystem::path& temporary) { package.write(temporary); });
}

}  // namespace kartla::doc
