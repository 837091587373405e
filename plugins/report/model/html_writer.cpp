#include "writers.hpp"

#include "kartla/chart_geometry.hpp"
#include "kartla/document_layout.hpp"
#include "kartla/hyphenation.hpp"

#include "kartla/text_encode.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace kartla::report {

using namespace kartla::doc;

namespace {

using kartla::text::html_escape;

const char* kStyle = R"(body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#111;max-width:72em;margin:2em auto;padding:0 1em;overflow-wrap:break-word}
h1{font-size:20pt;margin-bottom:.2em}h2{font-size:15pt;border-bottom:2px solid #245;margin-top:1.6em}h3{font-size:12pt;margin-bottom:.3em}
.subtitle{color:#444;margin-top:0}table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.4em 0 1em}
th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top;overflow-wrap:break-word;hyphens:auto;-webkit-hyphens:auto}
caption{text-align:left;font-weight:bold;padding:.2em 0}th{background:#e8edf2}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2em 1em}dt{font-weight:bold}dd{margin:0;min-width:0}
figure{margin:1em 0}div.chart{display:inline-block;width:48%;margin:.5em 1.5% .5em 0;vertical-align:top}div.chart figure{margin:0}
div.chart svg{width:100%;height:auto}.baseline{color:#b35900;font-weight:bold}figure img{max-width:100%;border:1px solid #ccc}figcaption{color:#444;font-size:10pt}
@media print{body{margin:0;max-width:none}section{break-before:page}
thead{display:table-header-group}tr,figure,svg,div.chart{break-inside:avoid}@page{size:A4;margin:15mm}})";

// The page's text column in points (72em of 11pt, about 1,050 px: a 1,200 px
// screen, and A4 landscape in print): what the column widths are shared out
// for, as the paged formats share out theirs.
constexpr double kColumnPoints = 790, kTableFontPoints = 9.5;

struct HtmlBlock {
    std::string& out;
    // Soft hyphens at the language's legal breaks in table cells: a browser
    // without a hyphenation dictionary (Chromium on Linux) breaks a long word
    // there, with its hyphen, instead of anywhere.
    const kartla::text::Hyphenator& hyphenator;
    const std::string& language;
    const Document::Words& words;
    std::string cell(const std::string& text) const { return hyphenator.soft_hyphens(html_escape(text)); }
    void operator()(const Heading& h) const { out += "<h3>" + html_escape(h.text) + "</h3>\n"; }
    void operator()(const Paragraph& p) const { out += "<p>" + html_escape(p.text) + "</p>\n"; }
    void operator()(const Facts& f) const {
        out += "<dl>\n";
        for (const auto& [label, value] : f.items)
            out += "<dt>" + html_escape(label) + "</dt><dd>" + html_escape(value) + "</dd>\n";
        out += "</dl>\n";
    }
    void operator()(const Bullets& b) const {
        // Nested lists from each item's depth; a deeper item opens a list inside the open item.
        int depth = -1;
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            int d = std::min(i < b.depth.size() ? b.depth[i] : 0, depth + 1);
            if (d == depth + 1) {
                out += "<ul>\n";
                depth = d;
            } else {
                out += "</li>\n";
                for (; depth > d; --depth) out += "</ul></li>\n";
            }
            out += "<li>" + html_escape(b.items[i]);
        }
        if (depth < 0) return;
        out += "</li>\n";
        for (; depth > 0; --depth) out += "</ul></li>\n";
        out += "</ul>\n";
    }
    void operator()(const Table& t) const {
        out += "<table>\n";
        // Widths from the content by the paged formats' rule (kartla/document_layout.hpp): each column
        // at least as wide as its longest word.
        const std::vector<double> widths = kartla::doc::column_widths(t, kColumnPoints, kTableFontPoints, language);
        const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
        if (!widths.empty() && total > 0) {
            out += "<colgroup>";
            for (double w : widths) out += fmt::format("<col style=\"width:{:.1f}%\">", 100 * w / total);
            out += "</colgroup>\n";
        }
        out += "<thead><tr>";
        for (const auto& h : t.headers) out += "<th scope=\"col\">" + cell(h) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : t.rows) {
            out += "<tr>";
            for (const auto& text : row) out += "<td>" + cell(text) + "</td>";
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    void operator()(const Image& image) const {
        out += "<figure><img alt=\"" + html_escape(alt_text(image)) + "\" src=\"data:image/png;base64," +
               base64(image.png) + "\"><figcaption>" + html_escape(image.caption) + "</figcaption></figure>\n";
    }
    // Inline SVG: allowed by the page's strict CSP, sharp in print, no script.
    void operator()(const Chart& chart) const {
        constexpr double kWidth = 480, kHeight = 200;
        const ChartGeometry g = chart_geometry(chart, kWidth, kHeight);
        out += fmt::format("<div class=\"chart\"><figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" "
                           "role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n",
                           kWidth, kHeight, html_escape(alt_text(chart)));
        for (const auto& tick : g.ticks)
            out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
                               "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#444\">{}</text>\n",
                               g.left, tick.y, g.right, tick.y, g.left - 5, tick.y + 4, html_escape(tick.text));
        out += fmt::format("<path d=\"M{:.1f} {:.1f}V{:.1f}H{:.1f}\" fill=\"none\" stroke=\"#333\"/>\n", g.left, g.top,
                           g.bottom, g.right);
        if (g.baseline_y)
            out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#b35900\" "
                               "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
                               g.left, *g.baseline_y, g.right, *g.baseline_y);
        std::string line;
        for (const auto& m : g.marks) line += fmt::format("{}{:.1f} {:.1f}", line.empty() ? "M" : "L", m.x, m.y);
        if (g.marks.size() > 1) out += "<path d=\"" + line + "\" fill=\"none\" stroke=\"#245\" stroke-width=\"2.5\"/>\n";
        for (const auto& m : g.marks)
            out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"#245\"/>"
                               "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>"
                               "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#444\">{}</text>\n",
                               m.x, m.y, m.x, m.y - 8, html_escape(m.value), m.x, g.bottom + 16, html_escape(m.date));
        out += "</svg><figcaption><strong>" + html_escape(chart.title) + "</strong>";
        if (!chart.baseline_label.empty())
            out += "<br><span class=\"baseline\">- - -</span> " + html_escape(chart.baseline_label);
        out += "</figcaption></figure>\n";
        (*this)(chart_table(chart, words));  // the values in text, beside the picture
        out += "</div>\n";
    }
};

}  // namespace

std::string base64(const std::string& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8 | (unsigned char)bytes[i + 2];
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += table[v & 63];
    }
    if (i + 1 == bytes.size()) {
        unsigned v = (unsigned char)bytes[i] << 16;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += "==";
    } else if (i + 2 == bytes.size()) {
        unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63], out += '=';
    }
    return out;
}

std::string to_html(const Document& document, const std::string& language) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_escape(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n";
    out += "<title>" + html_escape(document.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += "<h1>" + html_escape(document.title) + "</h1>\n<p class=\"subtitle\">" + html_escape(document.subtitle) + "</p>\n";
    const kartla::text::Hyphenator hyphenator(language);
    // What the paged formats' title page says: the workshop, the municipality, the date of issue.
    if (!document.title_facts.empty()) HtmlBlock{out, hyphenator, language, document.words}(Facts{document.title_facts});
    for (const auto& section : document.sections) {
        out += "<section>\n<h2>" + html_escape(section.title) + "</h2>\n";
        for (const auto& block : section.blocks) std::visit(HtmlBlock{out, hyphenator, language, document.words}, block);
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace kartla::report
