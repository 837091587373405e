#include "model/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace kartla::actor_map {

namespace {

constexpr double kLongWord = 1.3;  // a word up to this times the line width stays whole
// Free space kept between boxes: a link is at least this long, so its dash, dots or bars
// and its arrow can be seen (at 28 the links were 10-30 px stubs between boxes that almost touched).
constexpr double kGap = 72.0;
constexpr double kGravity = 2.0;  // pulls every actor towards the middle; keeps loosely linked ones in view

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Cuts a line to fit, at a code point boundary, ending in an ellipsis.
std::string shorten(std::string line, double font_size, double max_width) {
    while (!line.empty() && estimate_text_width(line + "…", font_size) > max_width) {
        line.pop_back();
        while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();
        if (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0xC0) line.pop_back();
    }
    return line + "…";
}

// Splits a word too long for one line (Swedish compounds: "Samhällsbyggnadsförvaltningen")
// into pieces that fit, each but the last ending in a hyphen. Swedish joins the parts of a
// compound with an "s" (samhällsbyggnad-s-förvaltning), so a break right after an "s" is
// preferred when one leaves a reasonably long piece: "Samhällsbyggnads-" / "förvaltningen".
std::vector<std::string> split_long_word(std::string_view word, double font_size, double max_width) {
    std::vector<std::string> pieces;
    while (!word.empty()) {
        if (estimate_text_width(word, font_size) <= max_width) {
            pieces.emplace_back(word);
            break;
        }
        std::size_t fit = 0, after_s = 0;  // byte lengths of the longest fitting piece and of the longest one ending in "s"
        for (std::size_t i = 1; i <= word.size(); ++i) {
            if (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;  // inside a letter
            if (estimate_text_width(std::string(word.substr(0, i)) + "-", font_size) > max_width) break;
            fit = i;
            if (word[i - 1] == 's' && i < word.size()) after_s = i;
        }
        if (fit == 0) {  // not even one letter fits: take one whole letter anyway
            fit = 1;
            while (fit < word.size() && (static_cast<unsigned char>(word[fit]) & 0xC0) == 0x80) ++fit;
        }
        std::size_t cut = after_s * 5 >= fit * 2 ? after_s : fit;  // the "s" break if it keeps 40 % of the line
        pieces.push_back(std::string(word.substr(0, cut)) + "-");
        word.remove_prefix(cut);
    }
    return pieces;
}

void repel(std::vector<Point>& disp, const std::vector<Point>& pos, double k2) {
    const std::size_t n = pos.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            double dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
            double d2 = std::max(dx * dx + dy * dy, 1e-4);
            double f = k2 / d2;  // (k^2 / d) along the unit vector d / |d|
            disp[i].x += dx * f;
            disp[i].y += dy * f;
            disp[j].x -= dx * f;
            disp[j].y -= dy * f;
        }
}

void attract(std::vector<Point>& disp, const std::vector<Point>& pos, const std::vector<LayoutEdge>& edges, double k) {
    for (const auto& e : edges) {
        double dx = pos[e.a].x - pos[e.b].x, dy = pos[e.a].y - pos[e.b].y;
        double d = std::sqrt(dx * dx + dy * dy);
        double f = d / k * e.weight;  // (d^2 / k) along the unit vector
        disp[e.a].x -= dx * f;
        disp[e.a].y -= dy * f;
        disp[e.b].x += dx * f;
        disp[e.b].y += dy * f;
    }
}

// Pushes overlapping boxes apart along the axis where they overlap least.
void remove_overlaps(std::vector<Point>& pos, const std::vector<Size>& sizes) {
    const std::size_t n = pos.size();
    for (int pass = 0; pass < 400; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                double dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
                double ox = (sizes[i].width + sizes[j].width) / 2 + kGap - std::abs(dx);
                double oy = (sizes[i].height + sizes[j].height) / 2 + kGap - std::abs(dy);
                if (ox <= 0 || oy <= 0) continue;
                moved = true;
                if (ox * 0.5 < oy) {  // boxes are wide: prefer vertical moves a little
                    double s = dx >= 0 ? 1 : -1;
                    pos[i].x -= s * ox / 2 + s * 0.01;
                    pos[j].x += s * ox / 2 + s * 0.01;
                } else {
                    double s = dy >= 0 ? 1 : -1;
                    pos[i].y -= s * oy / 2 + s * 0.01;
                    pos[j].y += s * oy / 2 + s * 0.01;
                }
            }
        if (!moved) return;
    }
}

}  // namespace

double estimate_text_width(std::string_view utf8, double font_size) {
    // DejaVu Sans averages a little over half an em per letter in Swedish text.
    return double(utf8_length(utf8)) * font_size * 0.56;
}

// The first `count` code points of `utf8`.
static std::string_view first_code_points(std::string_view utf8, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == count) return utf8.substr(0, i);
    return utf8;
}

std::vector<std::string> wrap_label(std::string_view text, double font_size, double max_width, std::size_t max_lines) {
    // No more than the lines can show, and a little beyond so a cut still ends in "…": a
    // 100,000-character name from a hostile file would otherwise cost seconds per label.
    const auto per_line = static_cast<std::size_t>(max_width * kLongWord / (font_size * 0.56)) + 2;
    text = first_code_points(text, (max_lines + 1) * per_line);
    std::vector<std::string> lines;
    std::string line;
    for (auto word : words_of(text)) {
        // A word a little too long widens the box; only a much longer one is split.
        if (estimate_text_width(word, font_size) > max_width * kLongWord) {
            if (!line.empty()) lines.push_back(line);
            auto pieces = split_long_word(word, font_size, max_width * kLongWord);
            lines.insert(lines.end(), pieces.begin(), pieces.end() - 1);
            line = pieces.back();
            continue;
        }
        std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (!line.empty() && estimate_text_width(candidate, font_size) > max_width) {
            lines.push_back(line);
            line = std::string(word);
        } else {
            line = candidate;
        }
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    for (auto& l : lines)
        if (estimate_text_width(l, font_size) > max_width * kLongWord) l = shorten(l, font_size, max_width * kLongWord);
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        lines.back() = shorten(lines.back(), font_size, max_width);
        // A last line of a letter or two and "…" ("d…") says nothing: the line before ends the label.
        auto characters = [](const std::string& s) {
            return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
        };
        if (lines.size() > 1 && characters(lines.back()) - 1 < 4) {
            lines.pop_back();
            lines.back() = shorten(lines.back(), font_size, max_width);
        }
    }
    return lines;
}

Size node_size(std::string_view name, double max_width) {
    double inner = max_width - 2 * kNodePadding;
    auto lines = wrap_label(name, kNodeFont, inner);
    double widest = 0;
    for (const auto& l : lines) widest = std::max(widest, estimate_text_width(l, kNodeFont));
    double width = std::max(widest + 2 * kNodePadding, std::min(kNodeMinWidth, max_width));
    return {width, double(lines.size()) * kNodeLineHeight + 2 * kNodePadding * 0.75};
}

std::vector<Point> force_layout(const std::vector<Size>& sizes, const std::vector<LayoutEdge>& edges, double aspect) {
    const std::size_t n = sizes.size();
    std::vector<Point> pos(n);
    if (n == 0) return pos;
    const double k = 200.0;  // ideal distance between linked centres: a box and a visible link
    // A golden-angle spiral: distinct, evenly spread starting points with no randomness.
    for (std::size_t i = 0; i < n; ++i) {
        double r = k * 0.7 * std::sqrt(double(i) + 0.5), angle = double(i) * 2.399963229728653;
        pos[i] = {r * std::cos(angle), r * std::sin(angle)};
    }
    const int iterations = 300;
    const double start_temperature = k * std::sqrt(double(n)) * 0.5, end_temperature = k * 0.01;
    // Actors linked to no one feel only repulsion: a stronger pull keeps them near the
    // others instead of drifting to the edge, which would shrink the whole picture.
    std::vector<double> gravity(n, kGravity);
    std::vector<int> degree(n, 0);
    for (const auto& e : edges) ++degree[e.a], ++degree[e.b];
    for (std::size_t i = 0; i < n; ++i)
        if (degree[i] == 0) gravity[i] = kGravity * 4;
    std::vector<Point> disp(n);
    for (int it = 0; it < iterations; ++it) {
        std::fill(disp.begin(), disp.end(), Point{});
        repel(disp, pos, k * k);
        attract(disp, pos, edges, k);
        for (std::size_t i = 0; i < n; ++i) {  // gravity keeps separate groups in view
            disp[i].x -= pos[i].x * gravity[i];
            disp[i].y -= pos[i].y * gravity[i];
        }
        double t = start_temperature + (end_temperature - start_temperature) * double(it) / double(iterations - 1);
        for (std::size_t i = 0; i < n; ++i) {
            double len = std::sqrt(disp[i].x * disp[i].x + disp[i].y * disp[i].y);
            if (len < 1e-9) continue;
            double step = std::min(len, t) / len;
            pos[i].x += disp[i].x * step;
            pos[i].y += disp[i].y * step;
        }
    }
    double stretch = std::clamp(aspect, 1.0, 3.0);  // node boxes are wide and so are screens
    for (auto& p : pos) p.x *= stretch;
    remove_overlaps(pos, sizes);
    Point centre;
    for (const auto& p : pos) centre.x += p.x / double(n), centre.y += p.y / double(n);
    for (auto& p : pos) p.x = std::round(p.x - centre.x), p.y = std::round(p.y - centre.y);
    return pos;
}

Point free_spot(const Snapshot& snapshot, Point near, Size size) {
    auto clear = [&](Point p) {
        for (const auto& actor : snapshot.actors) {
            Size other = node_size(actor.name);
            if (std::abs(actor.x - p.x) < (size.width + other.width) / 2 + kGap / 2 &&
                std::abs(actor.y - p.y) < (size.height + other.height) / 2 + kGap / 2)
                return false;
        }
        return true;
    };
    for (int ring = 0; ring < 60; ++ring) {
        int steps = ring == 0 ? 1 : 8 + ring * 4;
        for (int i = 0; i < steps; ++i) {
            double angle = 2 * M_PI * double(i) / double(steps), r = ring * 40.0;
            Point p{std::round(near.x + r * std::cos(angle) * 1.5), std::round(near.y + r * std::sin(angle))};
            if (clear(p)) return p;
        }
    }
    return {std::round(near.x), std::round(near.y)};
}

std::vector<Point> layout_network(const Snapshot& snapshot, double aspect) {
    std::vector<Size> sizes;
    std::map<std::int64_t, std::size_t> index;
    for (const auto& actor : snapshot.actors) {
        index[actor.id] = sizes.size();
        sizes.push_back(node_size(actor.name));
    }
    std::vector<LayoutEdge> edges;
    for (const auto& relation : snapshot.relations) {
        auto a = index.find(relation.from), b = index.find(relation.to);
        if (a == index.end() || b == index.end()) continue;
        edges.push_back({a->second, b->second, 0.6 + 0.2 * relation.strength});
    }
    return force_layout(sizes, edges, aspect);
}

}  // namespace kartla::actor_map
