#pragma once
// A neutral document: sections of headings, paragraphs, facts, lists, tables,
// images and charts. Plugins contribute their part of the workshop report in
// this form (Host::add_report_section); the report plugin writes it as HTML and
// PDF, and the core as DOCX and ODT (document_files.hpp), so every document
// says the same thing and no plugin knows a format.
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kartla::doc {

struct Heading {
    std::string text;  // a sub-heading inside a section
};

struct Paragraph {
    std::string text;
};

// Label/value pairs ("Organisation: Älvstads kommun").
struct Facts {
    std::vector<std::pair<std::string, std::string>> items;
};

struct Bullets {
    std::vector<std::string> items;
    std::vector<int> depth;  // indentation level per item (0 = top)
};

struct Table {
    std::vector<std::string> headers;
    std::vector<double> widths;  // relative column widths, one per header
    std::vector<std::vector<std::string>> rows;
};

// A picture says in `alt` what it shows ("The network: 12 actors, 21 relations,
// listed in the table below"); its content follows it as a table, so a reader
// who does not see it loses nothing.
struct Image {
    std::string png;  // the PNG file's bytes
    std::string caption;
    std::string alt;  // what the picture shows; the caption when empty
};

// A small line chart of one indicator over time: the measured values as
// points, the baseline as a horizontal line. Dates are YYYY-MM-DD; the x axis
// is spaced by date, so uneven meeting intervals show as such.
struct ChartPoint {
    std::string date;
    double value = 0;
};

struct Chart {
    std::string title;           // the indicator
    std::vector<ChartPoint> points;  // oldest first
    bool has_baseline = false;
    double baseline = 0;
    std::string baseline_label;  // "Baseline: 58 % otrygga", in the reader's language
    std::string alt;  // what the chart shows (its course in words); the title when empty.
                      // Every writer puts its values in a table beside it (chart_table).
};

// The text a reader who does not see the picture gets (HTML alt, PDF /Alt, DOCX descr).
inline const std::string& alt_text(const Image& image) { return image.alt.empty() ? image.caption : image.alt; }
inline const std::string& alt_text(const Chart& chart) { return chart.alt.empty() ? chart.title : chart.alt; }

using Block = std::variant<Heading, Paragraph, Facts, Bullets, Table, Image, Chart>;

struct Section {
    std::string title;
    std::vector<Block> blocks;
};

struct Document {
    std::string title;
    std::string subtitle;
    std::vector<Section> sections;
    // The title page and the page footer of the paged formats, in the reader's language.
    std::string language;  // BCP 47: "sv" or "en"
    std::vector<std::pair<std::string, std::string>> title_facts;  // workshop, municipality, date of issue
    std::string author;    // a role and an organisation, never a person
    std::string issued;    // the date of issue, YYYY-MM-DD
    std::string footer;    // beside the page number on every page ("Utfärdad 2026-12-06")
    // The fixed words a writer adds, translated by the plugin that builds the document.
    struct Words {
        std::string page_of = "Page {} of {}";  // the page number: the page, then the pages
        std::string date = "Date", value = "Value";  // the columns of a chart written as its table
    } words;
};

}  // namespace kartla::doc
