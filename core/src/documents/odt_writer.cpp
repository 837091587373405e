// The ODT writer: content.xml from a doc::Document, and the package around it
// (odt_styles.hpp). A part starts on a new page through its heading's
// paragraph style, which names the master page: portrait, or landscape when
// a table of the part needs it.
#include "kartla/document_files.hpp"

#include "odt_styles.hpp"
#include "page_layout.hpp"
#include "xml_writer.hpp"
#include "zip_package.hpp"

#include "kartla/export_file.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla::doc {

namespace {

using files::XmlWriter;

std::string pt(double points) { return fmt::format("{:.2f}pt", points); }

// Every table's columns, in the order the body meets them (tables and charts):
// the automatic styles that hold the widths come before the body in content.xml.
std::vector<std::vector<double>> all_column_widths(const Document& document) {
    std::vector<std::vector<double>> out;
    for (const auto& section : document.sections) {
        const files::Page& page = files::page_for(section);
        for (const auto& block : section.blocks) {
            if (const auto* table = std::get_if<Table>(&block))
                out.push_back(files::column_widths(*table, page.text_width(), document.language));
            if (const auto* chart = std::get_if<Chart>(&block))
                out.push_back(files::column_widths(chart_table(*chart, document.words),
                                                   std::min(page.text_width(), 240.0), document.language));
        }
    }
    return out;
}

void paragraph_style(XmlWriter& x, const char* name, const char* parent, const char* master) {
    x.open("style:style").attr("style:name", name).attr("style:family", "paragraph").attr("style:parent-style-name", parent);
    x.attr("style:master-page-name", master).close();
}

void cell_style(XmlWriter& x, const char* name, bool header) {
    x.open("style:style").attr("style:name", name).attr("style:family", "table-cell");
    x.open("style:table-cell-properties").attr("fo:border", "0.5pt solid #999999").attr("fo:padding", pt(files::kCellPadding));
    if (header) x.attr("fo:background-color", "#e8edf2");
    x.close().close();
}

void automatic_styles(XmlWriter& x, const std::vector<std::vector<double>>& tables) {
    x.open("office:automatic-styles");
    paragraph_style(x, "TitlePage", "Title", files::odt::kPortraitMaster);
    paragraph_style(x, "PartPortrait", "Heading_20_1", files::odt::kPortraitMaster);
    paragraph_style(x, "PartLandscape", "Heading_20_1", files::odt::kLandscapeMaster);
    x.open("style:style").attr("style:name", "Figure").attr("style:family", "paragraph").attr("style:parent-style-name", "Standard");
    x.open("style:paragraph-properties").attr("fo:text-align", "center").attr("fo:keep-with-next", "always").close().close();
    cell_style(x, "Cell", false);
    cell_style(x, "HeadCell", true);
    for (std::size_t t = 0; t < tables.size(); ++t) {
        double total = 0;
        for (double w : tables[t]) total += w;
        x.open("style:style").attr("style:name", fmt::format("Table{}", t + 1)).attr("style:family", "table");
        x.open("style:table-properties").attr("style:width", pt(total)).attr("table:align", "left")
            .attr("fo:margin-bottom", "6pt").close().close();
        for (std::size_t c = 0; c < tables[t].size(); ++c) {
            x.open("style:style").attr("style:name", fmt::format("Table{}.C{}", t + 1, c + 1)).attr("style:family", "table-column");
            x.open("style:table-column-properties").attr("style:column-width", pt(tables[t][c])).close().close();
        }
    }
    x.close();
}

class Content {
public:
    Content(const Document& document, std::vector<std::vector<double>> tables)
        : document_(document), tables_(std::move(tables)) {
        x_.open("office:document-content");
        files::odt::declare_namespaces(x_);
        automatic_styles(x_, tables_);
        x_.open("office:body").open("office:text");
    }

    void title_page() {
        paragraph("TitlePage", document_.title);
        if (!document_.subtitle.empty()) paragraph("Subtitle", document_.subtitle);
        for (const auto& [label, value] : document_.title_facts) fact(label, value);
    }

    void section(const Section& section) {
        const files::Page& page = files::page_for(section);
        heading(&page == &files::kLandscape ? "PartLandscape" : "PartPortrait", 1, section.title);
        for (const auto& block : section.blocks) std::visit([&](const auto& b) { write(b, page); }, block);
    }

    std::string finish() { return x_.finish(); }
    const std::vector<std::string>& images() const { return images_; }

private:
    void write(const Heading& h, const files::Page&) { heading("Heading_20_2", 2, h.text); }
    void write(const Paragraph& p, const files::Page&) { paragraph("Standard", p.text); }
    void write(const Facts& f, const files::Page&) {
        for (const auto& [label, value] : f.items) fact(label, value);
    }
    // Nested lists from each item's depth, as the HTML writer makes them.
    void write(const Bullets& b, const files::Page&) {
        int depth = -1;
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            const int d = std::min(i < b.depth.size() ? std::max(b.depth[i], 0) : 0, depth + 1);
            if (d == depth + 1) {
                x_.open("text:list");
                if (depth < 0) x_.attr("text:style-name", "Bullets");
                depth = d;
            } else {
                x_.close();  // list-item
                for (; depth > d; --depth) x_.close().close();  // list, list-item
            }
            x_.open("text:list-item");
            paragraph("List_20_Bullet", b.items[i]);
        }
        if (depth < 0) return;
        x_.close();
        for (; depth > 0; --depth) x_.close().close();
        x_.close();
    }
    void write(const Table& t, const files::Page&) { table(t); }
    void write(const Image& image, const files::Page& page) {
        const files::PixelSize pixels = files::png_size(image.png);
        if (pixels.width == 0 || pixels.height == 0) {
            paragraph("Caption", image.caption);
            return;
        }
        images_.push_back(image.png);
        double w = pixels.width * 0.75, h = pixels.height * 0.75;
        const double scale = std::min({1.0, page.text_width() / w, (page.height - 2 * files::Page::kMargin) * 0.6 / h});
        w *= scale, h *= scale;
        const std::string n = std::to_string(images_.size());
        x_.open("text:p").attr("text:style-name", "Figure");
        x_.open("draw:frame").attr("draw:name", "Picture " + n).attr("text:anchor-type", "as-char");
        x_.attr("svg:width", pt(w)).attr("svg:height", pt(h));
        x_.leaf("draw:image", {{"xlink:href", "Pictures/image" + n + ".png"}, {"xlink:type", "simple"},
                               {"xlink:show", "embed"}, {"xlink:actuate", "onLoad"}});
        x_.open("svg:title").text(image.caption).close();
        x_.open("svg:desc").text(alt_text(image)).close();
        x_.close().close();
        paragraph("Caption", image.caption);
    }
    void write(const Chart& chart, const files::Page&) {
        heading("Heading_20_3", 3, chart.title);
        table(chart_table(chart, document_.words));
        if (!chart.baseline_label.empty()) paragraph("Caption", chart.baseline_label);
    }

    void table(const Table& t) {
        const std::size_t number = ++table_count_;
        const std::vector<double>& widths = tables_.at(number - 1);
        x_.open("table:table").attr("table:name", fmt::format("Table{}", number)).attr("table:style-name", fmt::format("Table{}", number));
        for (std::size_t c = 0; c < widths.size(); ++c)
            x_.leaf("table:table-column", {{"table:style-name", fmt::format("Table{}.C{}", number, c + 1)}});
        // The header row repeats at the top of every page the table runs over.
        x_.open("table:table-header-rows");
        row(t.headers, widths.size(), true);
        x_.close();
        for (const auto& r : t.rows) row(r, widths.size(), false);
        x_.close();
    }

    void row(const std::vector<std::string>& cells, std::size_t columns, bool header) {
        x_.open("table:table-row");
        for (std::size_t c = 0; c < columns; ++c) {
            x_.open("table:table-cell").attr("table:style-name", header ? "HeadCell" : "Cell").attr("office:value-type", "string");
            x_.open("text:p").attr("text:style-name", header ? "Table_20_Heading" : "Table_20_Contents");
            lines(files::cell_text(c < cells.size() ? cells[c] : "", hyphenator_), true);
            x_.close();
            x_.close();
        }
        x_.close();
    }

    void heading(const char* style, int level, const std::string& text) {
        x_.open("text:h").attr("text:style-name", style).attr("text:outline-level", std::to_string(level));
        lines(text);
        x_.close();
    }

    void paragraph(const char* style, const std::string& text) {
        x_.open("text:p").attr("text:style-name", style);
        lines(text);
        x_.close();
    }

    void fact(const std::string& label, const std::string& value) {
        x_.open("text:p").attr("text:style-name", "Standard");
        x_.open("text:span").attr("text:style-name", "Strong");
        lines(label + ": ");
        x_.close();
        lines(value);
        x_.close();
    }

    // The text, a line break where it has one.
    void lines(const std::string& text, bool cleaned = false) {
        const std::string clean = cleaned ? text : files::clean_text(text, true);
        std::size_t start = 0;
        while (true) {
            const std::size_t end = std::min(clean.find('\n', start), clean.size());
            if (start > 0) x_.leaf("text:line-break");
            // Soft hyphens and word joiners (files::cell_text) survive: XmlWriter::text drops
            // them with the other invisible characters.
            const std::string_view line = std::string_view(clean).substr(start, end - start);
            std::size_t from = 0;
            while (true) {
                const std::size_t soft = line.find("\xC2\xAD", from), joiner = line.find("\xE2\x81\xA0", from);
                const std::size_t at = std::min(soft, joiner);
                x_.text(line.substr(from, std::min(at, line.size()) - from));
                if (at == std::string_view::npos) break;
                if (at == soft) x_.soft_hyphen();
                else x_.word_joiner();
                from = at + (at == soft ? 2 : 3);
            }
            if (end == clean.size()) break;
            start = end + 1;
        }
    }

    const Document& document_;
    std::vector<std::vector<double>> tables_;
    std::size_t table_count_ = 0;
    XmlWriter x_;
    std::vector<std::string> images_;
    kartla::text::Hyphenator hyphenator_{document_.language};
};

}  // namespace

void write_odt(const Document& document, const std::filesystem::path& out) {
    Content content(document, all_column_widths(document));
    content.title_page();
    for (const auto& section : document.sections) content.section(section);
    std::string body = content.finish();

    files::ZipPackage package;
    package.add("mimetype", "application/vnd.oasis.opendocument.text", true);  // first and stored, as ODF requires
    package.add("META-INF/manifest.xml", files::odt::manifest(content.images().size()));
    package.add("content.xml", std::move(body));
    package.add("styles.xml", files::odt::styles(document));
    package.add("meta.xml", files::odt::meta(document));
    for (std::size_t i = 0; i < content.images().size(); ++i)
        package.add(fmt::format("Pictures/image{}.png", i + 1), content.images()[i]);
    kartla::write_file_atomically(out, [&](const std::filesystem::path& temporary) { package.write(temporary); });
}

}  // namespace kartla::doc
