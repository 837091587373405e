#include "redact.hpp"

#include "kartla/privacy.hpp"

namespace report {

using namespace kartla::doc;

namespace {

void mask(std::string& text) { text = kartla::privacy::redact(text); }

struct RedactBlock {
    void operator()(Heading& h) const { mask(h.text); }
    void operator()(Paragraph& p) const { mask(p.text); }
    void operator()(Facts& f) const {
        for (auto& [label, value] : f.items) mask(label), mask(value);
    }
    void operator()(Bullets& b) const {
        for (auto& item : b.items) mask(item);
    }
    void operator()(Table& t) const {
        for (auto& h : t.headers) mask(h);
        for (auto& row : t.rows)
            for (auto& cell : row) mask(cell);
    }
    void operator()(Image& image) const { mask(image.caption); }  // the pixels come from the actor map's own drawing
    void operator()(Chart& chart) const {
        mask(chart.title);
        mask(chart.baseline_label);
    }
};

}  // namespace

void redact(Document& document) {
    mask(document.title);
    mask(document.subtitle);
    for (auto& section : document.sections) {
        mask(section.title);
        for (auto& block : section.blocks) std::visit(RedactBlock{}, block);
    }
}

}  // namespace report
