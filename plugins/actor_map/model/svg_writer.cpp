#include "kartla/text_encode.hpp"
#include "model/images.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace kartla::actor_map {

namespace {

std::string esc(std::string_view s) { return kartla::text::xml_escape(kartla::text::without_control_chars(s, false)); }

std::string colour(const Colour& c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

std::string opacity(const char* attribute, double alpha) {
    return alpha < 1.0 ? fmt::format(" {}=\"{:.2f}\"", attribute, alpha) : std::string();
}

std::string points(const std::vector<Point>& pts) {
    std::string out;
    for (const auto& p : pts) out += fmt::format("{}{:.1f},{:.1f}", out.empty() ? "" : " ", p.x, p.y);
    return out;
}

std::string title_element(const std::string& title) {
    return title.empty() ? std::string() : "<title>" + esc(title) + "</title>";
}

void write(std::string& out, const RectShape& r) {
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"{:.1f}\"", r.x, r.y,
                       r.width, r.height, r.radius);
    out += r.filled ? " fill=\"" + colour(r.fill) + "\"" + opacity("fill-opacity", r.fill.alpha) : " fill=\"none\"";
    if (r.stroke_width > 0) {
        out += fmt::format(" stroke=\"{}\" stroke-width=\"{:.1f}\"", colour(r.stroke), r.stroke_width);
        if (r.dashed) out += fmt::format(" stroke-dasharray=\"{:.1f} {:.1f}\"", r.stroke_width * 2.5, r.stroke_width * 1.5);
    }
    out += r.title.empty() ? "/>\n" : ">" + title_element(r.title) + "</rect>\n";
}

void write(std::string& out, const LineShape& l) {
    out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1f}\" stroke-linecap=\"round\"",
                       points(l.points), colour(l.colour), l.width);
    out += opacity("stroke-opacity", l.colour.alpha);
    if (l.dash_on > 0) out += fmt::format(" stroke-dasharray=\"{:.1f} {:.1f}\"", l.dash_on, l.dash_off);
    out += "/>\n";
    if (l.arrow)
        if (auto head = arrow_head(l); !head.empty())
            out += fmt::format("<polygon points=\"{}\" fill=\"{}\"/>\n", points(head), colour(l.colour));
}

void write(std::string& out, const TextShape& t) {
    const char* anchor = t.anchor == Anchor::Middle ? "middle" : t.anchor == Anchor::End ? "end" : "start";
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{:.1f}\" text-anchor=\"{}\" fill=\"{}\"{}>", t.x, t.y,
                       t.size, anchor, colour(t.colour), t.bold ? " font-weight=\"bold\"" : "");
    out += title_element(t.title) + esc(t.text) + "</text>\n";
}

}  // namespace

std::string to_svg(const Scene& scene) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "font-family=\"DejaVu Sans, Verdana, sans-serif\">\n",
        scene.width, scene.height);
    out += title_element(scene.title) + "\n";
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", scene.width, scene.height, colour(scene.background));
    for (const auto& shape : scene.shapes) std::visit([&](const auto& s) { write(out, s); }, shape);
    out += "</svg>\n";
    return out;
}

void write_svg(const Scene& scene, const std::filesystem::path& path) {
    std::ofstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot write " + path.string());
    file << to_svg(scene);
    if (!file.flush()) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace kartla::actor_map
