// HTML: one self-contained printable page. No scripts, no links to anything
// outside the file, every user text escaped.
#include "writers.hpp"

#include "kartla/text_encode.hpp"

#include <fmt/format.h>

namespace kartla::action_plan::exporting {

namespace {

using kartla::text::html_escape;

constexpr const char* kStyle = R"css(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #2c5d8a; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { margin-top: 1.4em; color: #2c5d8a; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 0.9em; margin-top: 0.5em; }
th, td { border: 1px solid #b8c4ce; padding: 0.35em 0.5em; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: break-word; hyphens: auto; -webkit-hyphens: auto; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th { background: #e6eef5; }
td.light { font-weight: bold; }
td.nowrap { white-space: nowrap; }
.light-green { background: #c9ecc6; }
.light-yellow { background: #fbefb1; }
.light-red { background: #f7c1bd; }
ul.causes { margin-top: 0.2em; }
dl.details > dt { font-weight: bold; margin-top: 0.8em; }
dl.details > dd { margin-left: 1.5em; white-space: pre-wrap; overflow-wrap: break-word; hyphens: auto; }
.nature { color: #555; font-style: italic; }
.none { color: #666; font-style: italic; }
footer { margin-top: 2em; color: #666; font-size: 0.85em; }
@media print {
  body { margin: 0; font-size: 10pt; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  .light-green, .light-yellow, .light-red, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4 landscape; margin: 12mm; }
)css";

std::string e(const std::string& s) { return html_escape(s); }

void header_block(const Document& doc, std::string& out) {
    const Header& h = doc.header;
    const auto& tr = doc.tr;
    out += fmt::format("<h1>{}: {}</h1>\n<dl class=\"meta\">\n", e(tr("Action plan")), e(h.title));
    for (const auto& [msgid, value] : h.lines())
        out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", e(tr(msgid)), e(value));
    out += "</dl>\n";
}

void problems_block(const Document& doc, std::string& out) {
    out += fmt::format("<h2>{}</h2>\n<ol>\n", e(doc.tr("Prioritised problems and causes")));
    for (const auto& section : doc.sections) {
        if (!section.prioritised) continue;
        out += fmt::format("<li><strong>{}</strong>", e(section.label));
        if (!section.causes.empty()) {
            out += "\n<ul class=\"causes\">\n";
            for (const auto& cause : section.causes) {
                out += fmt::format("<li style=\"margin-left: {}em\">{}", cause.depth * 1.5, e(cause.label));
                if (!cause.nature.empty()) out += fmt::format(" <span class=\"nature\">({})</span>", e(cause.nature));
                out += "</li>\n";
            }
            out += "</ul>\n";
        }
        out += "</li>\n";
    }
    out += "</ol>\n";
}

void measure_table(const Document& doc, const ProblemSection& section, std::string& out) {
    out += fmt::format("<table>\n<caption>{}: {}</caption>\n<thead><tr>", e(doc.tr("Measures")), e(section.label));
    for (Column c : kDocumentColumns) out += fmt::format("<th scope=\"col\">{}</th>", e(doc.column_titles[c]));
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t index : section.rows) {
        const MeasureRow& row = doc.rows[index];
        out += "<tr>";
        for (Column c : kDocumentColumns) {
            if (c == ColLight) {
                // Only one of our own three words names a class, whatever the file holds.
                const std::string light = light_code(row.light_key);
                const std::string css = light.empty() ? "" : " light-" + light;
                std::string text = e(row.cell(ColLight));
                if (!row.cell(ColLightComment).empty()) text += "<br>" + e(row.cell(ColLightComment));
                out += fmt::format("<td class=\"light{}\">{}</td>", css, text);
            } else if (c == ColStart || c == ColDue || c == ColStatus) {
                out += fmt::format("<td class=\"nowrap\">{}</td>", e(row.cell(c)));
            } else {
                out += fmt::format("<td>{}</td>", e(row.cell(c)));
            }
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}


// Everything the table leaves out, so the page holds the whole plan.
void measure_details(const Document& doc, const ProblemSection& section, std::string& out) {
    out += "<dl class=\"details\">\n";
    for (std::size_t index : section.rows) {
        const MeasureRow& row = doc.rows[index];
        out += fmt::format("<dt>{}</dt>\n<dd><dl class=\"meta\">", e(row.cell(ColTitle)));
        for (Column c : kDetailColumns)
            if (!row.cell(c).empty())
                out += fmt::format("<dt>{}</dt><dd>{}</dd>", e(doc.column_titles[c]), e(row.cell(c)));
        out += "</dl></dd>\n";
    }
    out += "</dl>\n";
}

}  // namespace

std::string to_html(const Document& doc) {
    const auto& tr = doc.tr;
    std::string out;
    // The words' language: screen readers pronounce by it and the browser hyphenates by it.
    out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", doc.language);
    // Nothing may load from elsewhere: the page is a document, not an app.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += fmt::format("<title>{}: {}</title>\n<style>{}</style>\n</head>\n<body>\n", e(tr("Action plan")),
                       e(doc.header.title), kStyle);
    header_block(doc, out);
    problems_block(doc, out);
    out += fmt::format("<h2>{}</h2>\n", e(tr("Measures by problem")));
    for (const auto& section : doc.sections) {
        out += fmt::format("<h3>{}</h3>\n", e(section.label));
        if (section.rows.empty()) out += fmt::format("<p class=\"none\">{}</p>\n", e(tr("No measures yet.")));
        else {
            measure_table(doc, section, out);
            measure_details(doc, section, out);
        }
    }
    out += fmt::format("<footer>{} {} · kartla</footer>\n</body>\n</html>\n", e(tr("Exported")), e(doc.header.exported));
    return out;
}

}  // namespace kartla::action_plan::exporting
