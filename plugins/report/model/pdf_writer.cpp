// The PDF writer: a simple flowing layout on A4 pages. Pango shapes and wraps
// the text (å ä ö, long compound words), cairo draws it into a PDF surface.
// One file although it is over 450 lines: the page, its fonts, the limits on
// what Pango is given and the tagged-PDF structure elements are one layout
// state that every block, table and chart drawer below shares and advances;
// split, each part would need that state in a header of its own.
#include "writers.hpp"

#include "pdf_finish.hpp"

#include "kartla/chart_geometry.hpp"
#include "kartla/document_layout.hpp"
#include "kartla/hyphenation.hpp"
#include "kartla/text_encode.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace kartla::report {

using namespace kartla::doc;

namespace {

constexpr double kPageWidth = 595.28, kPageHeight = 841.89;  // A4 in points, portrait
constexpr double kMargin = 50, kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kTableFontSize = 9;  // kSmall and kTableHead
constexpr double kCellPadding = 3;

// Pango's time grows faster than the text (one 100,000-character word took
// 18 s), and no one reads that much on paper: a text block is cut at
// kMaxBlockBytes, a table cell or a chart label sooner, with a note saying how
// much more the file holds. Blocks flow over pages line by line; a cell is held
// to one page's height.
constexpr std::size_t kMaxBlockBytes = 12000, kMaxCellBytes = 3000, kMaxLabelBytes = 200;

std::size_t code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

struct Font {
    const char* description;
};
const Font kTitle{"DejaVu Sans Bold 20"}, kSection{"DejaVu Sans Bold 15"}, kHeading{"DejaVu Sans Bold 12"},
    kBody{"DejaVu Sans 10"}, kBold{"DejaVu Sans Bold 10"}, kSmall{"DejaVu Sans 9"}, kTableHead{"DejaVu Sans Bold 9"};

class PdfPage {
public:
    PdfPage(const std::filesystem::path& out, std::string cut_note, const std::string& language)
        : surface_(cairo_pdf_surface_create(out.c_str(), kPageWidth, kPageHeight)), cr_(cairo_create(surface_)),
          cut_note_(std::move(cut_note)), language_(language), hyphenator_(language) {
        if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error("cannot write " + out.string());
    }
    ~PdfPage() {
        cairo_destroy(cr_);
        cairo_surface_finish(surface_);
        cairo_surface_destroy(surface_);
    }
    PdfPage(const PdfPage&) = delete;
    PdfPage& operator=(const PdfPage&) = delete;

    void finish() {
        cairo_surface_finish(surface_);
        if (auto status = cairo_surface_status(surface_); status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("the PDF could not be written: ") + cairo_status_to_string(status));
    }

    // What Pango is given: no control or invisible format characters (ill-formed
    // UTF-8 repaired, so a damaged text still reaches the page; Pango would
    // refuse it whole), at most `limit` bytes, then the note.
    std::string shown(const std::string& text, std::size_t limit) const {
        std::string clean = kartla::text::without_control_chars(text, true);
        if (clean.size() <= limit) return clean;
        std::string head = kartla::text::truncate_utf8(clean, limit);
        std::string note = cut_note_;
        if (const auto at = note.find("{}"); at != std::string::npos)
            note.replace(at, 2, std::to_string(code_points(std::string_view(clean).substr(head.size()))));
        return head + note;
    }

    // A laid-out text; the caller owns it. max_height > 0: ellipsized to that height.
    // `hyphenate`: soft hyphens where the language allows a break (a table's
    // narrow cells), so a long word breaks there with its hyphen shown.
    std::unique_ptr<PangoLayout, void (*)(void*)> layout(const std::string& text, Font font, double width,
                                                         std::size_t limit = kMaxBlockBytes, double max_height = 0,
                                                         bool hyphenate = false) {
        PangoLayout* layout = pango_cairo_create_layout(cr_);
        // The PDF's unit is the point (1/72 in); Pango would otherwise assume 96 dpi and draw a third too large.
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72.0);
        pango_layout_context_changed(layout);
        PangoFontDescription* desc = pango_font_description_from_string(font.description);
        pango_layout_set_font_description(layout, desc);
        pango_font_description_free(desc);
        pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        if (max_height > 0) {
            pango_layout_set_height(layout, static_cast<int>(max_height * PANGO_SCALE));
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
        const std::string text_shown = hyphenate ? hyphenator_.soft_hyphens(shown(text, limit)) : shown(text, limit);
        pango_layout_set_text(layout, text_shown.c_str(), int(text_shown.size()));
        return {layout, g_object_unref};
    }
    static double height_of(PangoLayout* layout) {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    void draw(PangoLayout* layout, double x, double y, double r = 0, double g = 0, double b = 0) {
        cairo_set_source_rgb(cr_, r, g, b);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout);
    }

    // Writes a block of text at the cursor, starting a new page when it does not
    // fit; a block taller than the rest of the page flows on, line by line.
    void text(const std::string& text, Font font, double indent = 0, double space_after = 4,
              std::size_t limit = kMaxBlockBytes) {
        auto l = layout(text, font, content_width() - indent, limit);
        double h = height_of(l.get());
        ensure(std::min(h, bottom() - kMargin));
        if (y + h <= bottom()) {
            draw(l.get(), kMargin + indent, y);
        } else {
            flow(l.get(), kMargin + indent);
            h = 0;
        }
        y += h + space_after;
    }
    void flow(PangoLayout* layout, double x) {
        cairo_set_source_rgb(cr_, 0, 0, 0);
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        double top = y;  // where the layout's line 0 would sit on this page
        do {
            PangoRectangle line{};
            pango_layout_iter_get_line_extents(iter, nullptr, &line);
            const double line_top = top + double(line.y) / PANGO_SCALE, line_h = double(line.height) / PANGO_SCALE;
            if (line_top + line_h > bottom()) {
                new_page();
                top = y - double(line.y) / PANGO_SCALE;
            }
            cairo_move_to(cr_, x + double(line.x) / PANGO_SCALE, top + double(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter));
            y = top + double(line.y + line.height) / PANGO_SCALE;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
    }
    void ensure(double height) {
        if (y + height > bottom() && y > kMargin + 1) new_page();
    }
    void new_page() { new_page(landscape()); }
    // A new page, landscape or portrait from here on (a part whose table needs the width).
    void new_page(bool landscape) {
        cairo_show_page(cr_);
        if (landscape != this->landscape()) {
            std::swap(width_, height_);
            cairo_pdf_surface_set_size(surface_, width_, height_);
        }
        y = kMargin;
        ++page_number;
        landscape_pages.push_back(landscape);
    }
    bool landscape() const { return width_ > height_; }
    double content_width() const { return width_ - 2 * kMargin; }
    double bottom() const { return height_ - kMargin; }
    double height() const { return height_; }
    // A cell never grows past one page, so a row always fits on a fresh one.
    double max_cell_height() const { return bottom() - kMargin - 60; }
    // A bookmark to where the cursor is, under `parent` (CAIRO_PDF_OUTLINE_ROOT for a part).
    int bookmark(int parent, const std::string& text) {
        const std::string name = kartla::text::truncate_utf8(metadata_text(text), kMaxLabelBytes);
        const std::string target = fmt::format("page={} pos=[{:.1f} {:.1f}]", page_number, kMargin, y);
        return cairo_pdf_surface_add_outline(surface_, parent, name.c_str(), target.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
    cairo_t* cr() { return cr_; }
    cairo_surface_t* surface() { return surface_; }

    double y = kMargin;
    int page_number = 1;
    std::vector<bool> landscape_pages{false};  // per page, for the footers drawn over them
    int part_bookmark = CAIRO_PDF_OUTLINE_ROOT;  // the bookmark of the part being written
    // Charts go two to a row: the column the next one takes and where the row began.
    int chart_column = 0;
    double chart_row_top = 0, chart_row_bottom = 0;
    // Each Figure's alternative text, in the order the figures are tagged (pdf_finish.hpp).
    std::vector<std::string> figure_alts;

private:
    cairo_surface_t* surface_;
    cairo_t* cr_;
    std::string cut_note_;
    double width_ = kPageWidth, height_ = kPageHeight;
    std::string language_;
    kartla::text::Hyphenator hyphenator_;

public:
    const std::string& language() const { return language_; }
};

// A heading is cut to a label's length, so it always fits on one page: cairo
// 1.16 refuses the whole file (CAIRO_STATUS_TAG_ERROR) when a heading's tag
// spans a page break.
void heading(PdfPage& page, const std::string& text, Font font, double space_after) {
    page.text(text, font, 0, space_after, kMaxLabelBytes);
}

// A structure element of the tagged PDF (a screen reader's headings, paragraphs,
// tables and figures), open while it lives. cairo 1.16 writes the structure tree.
class Tag {
public:
    Tag(cairo_t* cr, const char* name) : cr_(cr), name_(name) { cairo_tag_begin(cr_, name_, nullptr); }
    ~Tag() { cairo_tag_end(cr_, name_); }
    Tag(const Tag&) = delete;
    Tag& operator=(const Tag&) = delete;

private:
    cairo_t* cr_;
    const char* name_;
};

struct PngReader {
    const std::string& bytes;
    std::size_t at = 0;
    static cairo_status_t read(void* closure, unsigned char* data, unsigned int length) {
        auto* self = static_cast<PngReader*>(closure);
        if (self->at + length > self->bytes.size()) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, self->bytes.data() + self->at, length);
        self->at += length;
        return CAIRO_STATUS_SUCCESS;
    }
};

struct PdfBlock {
    PdfPage& page;
    const std::string& section;  // what a figure without a caption shows, at least
    const Document::Words& words;  // a chart's values table's headers

    // The text the HTML gives the same figure as alt or aria-label.
    void figure(const std::string& alt) const { page.figure_alts.push_back(alt.empty() ? section : alt); }

    void operator()(const Heading& h) const {
        page.ensure(60);  // keep a heading with what follows
        page.y += 4;
        page.bookmark(page.part_bookmark, h.text);
        Tag tag(page.cr(), "H3");
        heading(page, h.text, kHeading, 3);
    }
    void operator()(const Paragraph& p) const {
        Tag tag(page.cr(), "P");
        page.text(p.text, kBody);
    }
    void operator()(const Facts& f) const {
        const double label_width = 135;
        for (const auto& [label, value] : f.items) {
            Tag tag(page.cr(), "P");
            auto l = page.layout(label, kBold, label_width - 6, kMaxCellBytes, page.max_cell_height());
            auto v = page.layout(value, kBody, page.content_width() - label_width, kMaxBlockBytes, page.max_cell_height());
            double h = std::max(PdfPage::height_of(l.get()), PdfPage::height_of(v.get()));
            page.ensure(h);
            page.draw(l.get(), kMargin, page.y);
            page.draw(v.get(), kMargin + label_width, page.y);
            page.y += h + 2;
        }
        page.y += 4;
    }
    void operator()(const Bullets& b) const {
        Tag list(page.cr(), "L");
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            Tag item(page.cr(), "LI");
            double indent = 12.0 * (i < b.depth.size() ? b.depth[i] : 0);
            const char* mark = (i < b.depth.size() && b.depth[i] > 0) ? "–" : "•";
            auto m = page.layout(mark, kBody, 10);
            auto l = page.layout(b.items[i], kBody, page.content_width() - indent - 12, kMaxBlockBytes, page.max_cell_height());
            double h = PdfPage::height_of(l.get());
            page.ensure(h);
            page.draw(m.get(), kMargin + indent, page.y);
            page.draw(l.get(), kMargin + indent + 12, page.y);
            page.y += h + 2;
        }
        page.y += 4;
    }
    // From the content, by the rule every paged format shares (kartla/document_layout.hpp):
    // each column as wide as its longest word at least.
    std::vector<double> column_widths(const Table& t) const {
        return kartla::doc::column_widths(t, page.content_width(), kTableFontSize, page.language());
    }
    // One row; returns false when it had to move to a new page first (so the header repeats).
    void row(const std::vector<std::string>& cells, const std::vector<double>& widths, Font font, bool shaded,
             double left = kMargin) const {
        std::vector<std::unique_ptr<PangoLayout, void (*)(void*)>> layouts;
        double h = 0;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            layouts.push_back(page.layout(c < cells.size() ? cells[c] : "", font, widths[c] - 2 * kCellPadding,
                                          kMaxCellBytes, page.max_cell_height(), true));
            h = std::max(h, PdfPage::height_of(layouts.back().get()));
        }
        h += 2 * kCellPadding;
        cairo_t* cr = page.cr();
        Tag tr(cr, "TR");
        double x = left;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            Tag cell(cr, shaded ? "TH" : "TD");
            cairo_rectangle(cr, x, page.y, widths[c], h);
            if (shaded) {
                cairo_set_source_rgb(cr, 0.91, 0.93, 0.95);
                cairo_fill_preserve(cr);
            }
            cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
            cairo_set_line_width(cr, 0.5);
            cairo_stroke(cr);
            page.draw(layouts[c].get(), x + kCellPadding, page.y + kCellPadding);
            x += widths[c];
        }
        page.y += h;
    }
    double row_height(const std::vector<std::string>& cells, const std::vector<double>& widths, Font font) const {
        double h = 0;
        for (std::size_t c = 0; c < widths.size(); ++c)
            h = std::max(h, PdfPage::height_of(page.layout(c < cells.size() ? cells[c] : "", font,
                                                           widths[c] - 2 * kCellPadding, kMaxCellBytes,
                                                           page.max_cell_height(), true)
                                                   .get()));
        return h + 2 * kCellPadding;
    }
    void operator()(const Table& t) const {
        auto widths = column_widths(t);
        double header_h = row_height(t.headers, widths, kTableHead);
        page.ensure(header_h + (t.rows.empty() ? 0 : row_height(t.rows[0], widths, kSmall)));
        Tag table(page.cr(), "Table");
        row(t.headers, widths, kTableHead, true);
        for (const auto& r : t.rows) {
            double h = row_height(r, widths, kSmall);
            if (page.y + h > page.bottom()) {
                page.new_page();
                row(t.headers, widths, kTableHead, true);  // the header repeats on every page
            }
            row(r, widths, kSmall, false);
        }
        page.y += 8;
    }
    void operator()(const Image& image) const {
        Tag tag(page.cr(), "Figure");
        figure(alt_text(image));
        PngReader reader{image.png};
        cairo_surface_t* png = cairo_image_surface_create_from_png_stream(&PngReader::read, &reader);
        if (cairo_surface_status(png) == CAIRO_STATUS_SUCCESS) {
            double w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
            double scale = std::min({page.content_width() / w, (page.bottom() - kMargin - 40) / h, 1.0});
            page.ensure(h * scale + 20);
            cairo_t* cr = page.cr();
            cairo_save(cr);
            cairo_translate(cr, kMargin + (page.content_width() - w * scale) / 2, page.y);
            cairo_scale(cr, scale, scale);
            cairo_set_source_surface(cr, png, 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            page.y += h * scale + 4;
        }
        cairo_surface_destroy(png);
        page.text(image.caption, kSmall, 0, 10);
    }

    // A chart takes half the width, so two indicators sit side by side, each
    // with the table of its values under it.
    void operator()(const Chart& chart) const {
        constexpr double kGap = 16, kChartHeight = 130;
        const double width = (page.content_width() - kGap) / 2;
        auto title = page.layout(chart.title, kBold, width, kMaxLabelBytes);
        auto legend = page.layout(chart.baseline_label.empty() ? "" : "- - -  " + chart.baseline_label, kSmall, width,
                                  kMaxLabelBytes);
        const double title_h = PdfPage::height_of(title.get()), legend_h = PdfPage::height_of(legend.get());
        const Table values = chart_table(chart, words);
        const std::vector<double> value_widths = kartla::doc::column_widths(values, width, kTableFontSize);
        double values_h = row_height(values.headers, value_widths, kTableHead);
        for (const auto& r : values.rows) values_h += row_height(r, value_widths, kSmall);
        const double height = title_h + 4 + kChartHeight + legend_h + 10 + values_h + 8;
        double x = kMargin;
        if (page.chart_column == 1) {
            x += width + kGap;
            page.y = page.chart_row_top;
        } else {
            page.ensure(height);
            page.chart_row_top = page.y;
            page.chart_row_bottom = page.y;
        }
        if (page.chart_row_top + height > page.bottom()) {  // the right half does not fit: a new row on a new page
            page.y = page.chart_row_bottom;
            page.new_page();
            page.chart_row_top = page.chart_row_bottom = page.y;
            x = kMargin;
            page.chart_column = 0;
        }
        // The plot first and its caption under it, so the plots of a row line up.
        double y = page.y;
        {
            Tag tag(page.cr(), "Figure");
            figure(alt_text(chart));
            draw_chart(chart, x, y, width, kChartHeight);
            y += kChartHeight + 2;
            page.draw(title.get(), x, y);
            y += title_h + 1;
            page.draw(legend.get(), x, y, 0.70, 0.35, 0.0);
        }
        page.y = y + legend_h + 6;
        {
            Tag table(page.cr(), "Table");
            row(values.headers, value_widths, kTableHead, true, x);
            for (const auto& r : values.rows) row(r, value_widths, kSmall, false, x);
        }
        page.chart_row_bottom = std::max(page.chart_row_bottom, page.y + 12);
        page.chart_column = 1 - page.chart_column;
        page.y = page.chart_column == 1 ? page.chart_row_top : page.chart_row_bottom;
    }

    void small_text(const std::string& text, double x, double y, bool centred, bool right, bool bold = false) const {
        auto l = page.layout(text, bold ? kTableHead : kSmall, 200, kMaxLabelBytes, 40);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(l.get(), &w, &h);
        double left = right ? x - w : centred ? x - w / 2.0 : x;
        page.draw(l.get(), left, y - h / 2.0);
    }

    void draw_chart(const Chart& chart, double x0, double y0, double width, double height) const {
        const ChartGeometry g = chart_geometry(chart, width, height);
        cairo_t* cr = page.cr();
        cairo_save(cr);
        cairo_translate(cr, x0, y0);
        cairo_set_line_width(cr, 0.5);
        for (const auto& tick : g.ticks) {
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_move_to(cr, g.left, tick.y);
            cairo_line_to(cr, g.right, tick.y);
            cairo_stroke(cr);
        }
        cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, g.left, g.top);
        cairo_line_to(cr, g.left, g.bottom);
        cairo_line_to(cr, g.right, g.bottom);
        cairo_stroke(cr);
        if (g.baseline_y) {
            const double dash[] = {5, 3};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_source_rgb(cr, 0.70, 0.35, 0.0);
            cairo_set_line_width(cr, 1.5);
            cairo_move_to(cr, g.left, *g.baseline_y);
            cairo_line_to(cr, g.right, *g.baseline_y);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        }
        cairo_set_source_rgb(cr, 0.14, 0.27, 0.40);
        cairo_set_line_width(cr, 2);
        for (std::size_t i = 0; i < g.marks.size(); ++i)
            i == 0 ? cairo_move_to(cr, g.marks[i].x, g.marks[i].y) : cairo_line_to(cr, g.marks[i].x, g.marks[i].y);
        if (g.marks.size() > 1) cairo_stroke(cr);
        cairo_new_path(cr);
        for (const auto& m : g.marks) {
            cairo_arc(cr, m.x, m.y, 3.2, 0, 2 * 3.14159265);
            cairo_fill(cr);
        }
        cairo_restore(cr);
        for (const auto& tick : g.ticks) small_text(tick.text, x0 + g.left - 4, y0 + tick.y, false, true);
        for (const auto& m : g.marks) {
            small_text(m.value, x0 + m.x, y0 + m.y - 9, true, false, true);
            small_text(m.date, x0 + m.x, y0 + g.bottom + 10, true, false);
        }
    }
};

}  // namespace

namespace {

struct Drawn {
    std::vector<std::string> figure_alts;
    std::vector<bool> landscape_pages;  // one per page
};

// A part goes on landscape pages when one of its tables cannot keep its words whole on a portrait one.
bool needs_landscape(const Section& section) {
    for (const auto& block : section.blocks)
        if (const auto* table = std::get_if<Table>(&block);
            table && kartla::doc::least_width(*table, kContentWidth, kTableFontSize) > kContentWidth)
            return true;
    return false;
}

// Lays the document out and returns each figure's alternative text and the number of pages.
Drawn draw_pdf(const Document& document, const PdfInfo& info, const std::filesystem::path& out,
               const std::string& cut_note) {
    PdfPage page(out, cut_note, info.language);
    cairo_surface_t* surface = page.surface();
    const auto meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
        if (const std::string text = metadata_text(value); !text.empty())
            cairo_pdf_surface_set_metadata(surface, key, text.c_str());
    };
    meta(CAIRO_PDF_METADATA_TITLE, document.title);
    meta(CAIRO_PDF_METADATA_AUTHOR, info.author);
    meta(CAIRO_PDF_METADATA_SUBJECT, info.subject);
    meta(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
    meta(CAIRO_PDF_METADATA_CREATOR, "kartla");
    {
    Tag root(page.cr(), "Document");
    {
        Tag h1(page.cr(), "H1");
        heading(page, document.title, kTitle, 4);
    }
    {
        Tag p(page.cr(), "P");
        page.text(document.subtitle, kBody, 0, 14);
    }
    // The title page: the workshop, the municipality, the date of issue.
    if (!document.title_facts.empty()) PdfBlock{page, document.title, document.words}(Facts{document.title_facts});
    for (const auto& section : document.sections) {
        page.new_page(needs_landscape(section));  // each part starts on its own page, as in the HTML print
        page.part_bookmark = page.bookmark(CAIRO_PDF_OUTLINE_ROOT, section.title);
        {
            Tag h2(page.cr(), "H2");
            heading(page, section.title, kSection, 8);
        }
        for (const auto& block : section.blocks) {
            if (!std::holds_alternative<Chart>(block) && page.chart_column == 1) {
                page.chart_column = 0;  // a half-filled row of charts ends here
                page.y = page.chart_row_bottom;
            }
            std::visit(PdfBlock{page, section.title, document.words}, block);
        }
        if (page.chart_column == 1) page.y = page.chart_row_bottom;
        page.chart_column = 0;
    }
    }  // the document's structure closes before the file does
    page.finish();
    return {std::move(page.figure_alts), std::move(page.landscape_pages)};
}

// "Page {} of {}" with the numbers; a translation that fmt cannot read still numbers the page.
std::string page_of(const std::string& words, int page, int pages) {
    try {
        return fmt::format(fmt::runtime(words), page, pages);
    } catch (const fmt::format_error&) {
        return fmt::format("{} / {}", page, pages);
    }
}

// The footers alone, one A4 page each: the document's footer and "Page N of M",
// drawn over the report's pages by finish_pdf once their number is known.
void write_footers(const std::filesystem::path& out, const Document& document, const std::vector<bool>& landscape) {
    PdfPage page(out, "", document.language);
    const int pages = int(landscape.size());
    for (int number = 1; number <= pages; ++number) {
        if (number > 1) page.new_page(landscape[std::size_t(number - 1)]);
        const std::string text = (document.footer.empty() ? "" : document.footer + "   \xC2\xB7   ") +
                                 page_of(document.words.page_of, number, pages);
        auto layout = page.layout(text, kSmall, page.content_width(), kMaxLabelBytes, 24);
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        page.draw(layout.get(), kMargin, page.height() - 34, 0.3, 0.3, 0.3);
    }
    page.finish();
}

// Now, UTC, as XMP writes it.
std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

// The footers' file beside the export's temporary file, gone when the export is.
struct TemporaryFile {
    std::filesystem::path path;
    ~TemporaryFile() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

}  // namespace

void write_pdf(const Document& document, const PdfInfo& info, const std::filesystem::path& out, const std::string& cut_note) {
    Drawn drawn = draw_pdf(document, info, out, cut_note);  // cairo has closed the file
    TemporaryFile footers{std::filesystem::path(out.string() + ".footers")};
    write_footers(footers.path, document, drawn.landscape_pages);
    PdfFinish finish{info.language, document.title, info.author, info.subject, info.keywords, std::move(drawn.figure_alts)};
    finish.created = utc_now();
    finish.footers = footers.path;
    finish_pdf(out, finish);
}

}  // namespace kartla::report
