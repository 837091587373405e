#pragma once
// A neutral document: sections of headings, paragraphs, facts, lists, tables
// and images. The report is built once into this model and then written by
// each writer (HTML, PDF), so both documents always say the same thing.
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace report {

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

struct Image {
    std::string png;  // the PNG file's bytes
    std::string caption;
};

using Block = std::variant<Heading, Paragraph, Facts, Bullets, Table, Image>;

struct Section {
    std::string title;
    std::vector<Block> blocks;
};

struct Document {
    std::string title;
    std::string subtitle;
    std::vector<Section> sections;
};

}  // namespace report
