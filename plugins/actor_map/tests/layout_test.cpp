#include "model/layout.hpp"
#include "model/relation_types.hpp"
#include "model_fixture.hpp"

#include <cmath>
#include <random>
#include <set>

using namespace kartla::actor_map;

namespace {

struct Graph {
    std::vector<Size> sizes;
    std::vector<LayoutEdge> edges;
};

Graph random_graph(std::size_t nodes, std::size_t edges, unsigned seed) {
    Graph g;
    std::mt19937 random(seed);
    for (std::size_t i = 0; i < nodes; ++i)
        g.sizes.push_back(node_size(i % 4 == 0 ? "Socialförvaltningen, enheten för barn och unga" : "Polisen LPO " + std::to_string(i)));
    std::set<std::pair<std::size_t, std::size_t>> seen;
    while (seen.size() < edges) {
        std::size_t a = random() % nodes, b = random() % nodes;
        if (a != b && seen.insert({std::min(a, b), std::max(a, b)}).second) g.edges.push_back({a, b, 1.0});
    }
    return g;
}

void check_layout(const Graph& g, const std::vector<Point>& pos) {
    REQUIRE(pos.size() == g.sizes.size());
    for (const auto& p : pos) {
        CHECK(std::isfinite(p.x));
        CHECK(std::isfinite(p.y));
    }
    for (std::size_t i = 0; i < pos.size(); ++i)
        for (std::size_t j = i + 1; j < pos.size(); ++j) {
            bool overlap_x = std::abs(pos[i].x - pos[j].x) < (g.sizes[i].width + g.sizes[j].width) / 2;
            bool overlap_y = std::abs(pos[i].y - pos[j].y) < (g.sizes[i].height + g.sizes[j].height) / 2;
            INFO("actors " << i << " and " << j << " overlap");
            CHECK_FALSE((overlap_x && overlap_y));
        }
}

}  // namespace

TEST_CASE("layout: finite, no two boxes on top of each other, the same every time") {
    // Not a structured binding: CAPTURE makes a lambda, and clang before 16 cannot capture one.
    for (auto size : {std::pair<std::size_t, std::size_t>{2, 1}, {14, 18}, {40, 30}, {120, 300}}) {
        const std::size_t nodes = size.first, edges = size.second;
        CAPTURE(nodes);
        Graph g = random_graph(nodes, edges, unsigned(nodes));
        auto first = force_layout(g.sizes, g.edges);
        check_layout(g, first);
        auto second = force_layout(g.sizes, g.edges);
        for (std::size_t i = 0; i < nodes; ++i) {
            CHECK(first[i].x == second[i].x);
            CHECK(first[i].y == second[i].y);
        }
    }
}

TEST_CASE("layout: actors with no links and identical names still get their own place") {
    Graph g;
    for (int i = 0; i < 25; ++i) g.sizes.push_back(node_size("Samma namn"));
    check_layout(g, force_layout(g.sizes, g.edges));
    CHECK(force_layout({}, {}).empty());
    auto one = force_layout({node_size("Ensam")}, {});
    REQUIRE(one.size() == 1);
    CHECK(std::isfinite(one[0].x));
}

TEST_CASE("layout: linked actors end up nearer each other than unlinked ones") {
    Graph g;
    for (int i = 0; i < 6; ++i) g.sizes.push_back(node_size("Aktör"));
    g.edges = {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 1.0}, {3, 4, 1.0}, {4, 5, 1.0}, {3, 5, 1.0}};
    auto pos = force_layout(g.sizes, g.edges);
    auto distance = [&](int a, int b) { return std::hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y); };
    CHECK(distance(0, 1) < distance(0, 4));
    CHECK(distance(3, 4) < distance(3, 1));
}

TEST_CASE("layout of a workshop network follows the stored actors and relations") {
    auto w = testing::workshop();
    auto a = testing::add(*w, "Polisen", "police");
    auto b = testing::add(*w, "Socialtjänsten", "municipality_social");
    auto c = testing::add(*w, "Älvstadshem AB", "housing");
    testing::link(*w, a, b);
    testing::link(*w, b, c, "missing");
    Snapshot s = load(w->db());
    auto pos = layout_network(s);
    REQUIRE(pos.size() == 3);
    CHECK(pos == layout_network(s));
}

TEST_CASE("a new actor's spot overlaps no one") {
    auto w = testing::workshop();
    for (int i = 0; i < 10; ++i) testing::add(*w, "Aktör " + std::to_string(i));
    Snapshot s = load(w->db());  // all at (0, 0)
    Size size = node_size("Ny aktör");
    Point p = free_spot(s, {0, 0}, size);
    for (const auto& a : s.actors) {
        Size other = node_size(a.name);
        bool overlap = std::abs(a.x - p.x) < (size.width + other.width) / 2 && std::abs(a.y - p.y) < (size.height + other.height) / 2;
        CHECK_FALSE(overlap);
    }
}

TEST_CASE("labels wrap into at most three lines and keep Swedish letters whole") {
    auto lines = wrap_label("Kommunstyrelsen i Älvstads kommun, kommunledningsförvaltningen, trygghetsenheten och säkerhet", 20, 200);
    CHECK(lines.size() <= 3);
    for (const auto& l : lines) CHECK(estimate_text_width(l, 20) <= 200 * 1.3);
    CHECK(lines[0].starts_with("Kommunstyrelsen"));
    auto split = wrap_label("Samhällsbyggnadsförvaltningen", 20, 150);
    REQUIRE(split.size() == 2);  // a long compound is hyphenated, not cut
    CHECK(split[0].ends_with("-"));
    CHECK(split[0].substr(0, split[0].size() - 1) + split[1] == "Samhällsbyggnadsförvaltningen");
    auto one = wrap_label("Ödmjukhetsförbundsföreningsmedlemsregistersammanställning", 20, 100, 1);
    REQUIRE(one.size() == 1);
    CHECK(one[0].ends_with("…"));
}


TEST_CASE("links are at least 3 px wide at 100 % however far out the view is, and grow with the zoom") {
    for (double zoom : {0.05, 0.15, 0.4, 1.0})
        for (int strength = 1; strength <= 3; ++strength) CHECK(relation_width(strength, zoom, 1.0) >= 3.0);
    CHECK(relation_width(1, 0.2, 1.0) < relation_width(2, 0.2, 1.0));  // strengths stay apart when zoomed out
    CHECK(relation_width(2, 0.2, 1.0) < relation_width(3, 0.2, 1.0));
    CHECK(relation_width(2, 3.0, 1.0) > 2 * relation_width(2, 1.0, 1.0));  // zoomed in: thicker
    CHECK(relation_width(1, 0.2, 2.0) >= 6.0);  // at 200 % text, twice as wide
}

TEST_CASE("layout: every link between two boxes is long enough to be seen") {
    Graph g = random_graph(14, 18, 14u);
    auto pos = force_layout(g.sizes, g.edges);
    // Where the line between two centres leaves a box, as the network draws it.
    auto exit = [](Point c, Size s, Point toward) {
        double dx = toward.x - c.x, dy = toward.y - c.y;
        double tx = dx != 0 ? (s.width / 2) / std::abs(dx) : 1e300, ty = dy != 0 ? (s.height / 2) / std::abs(dy) : 1e300;
        double t = std::min({tx, ty, 1.0});
        return Point{c.x + dx * t, c.y + dy * t};
    };
    double shortest = 1e300;
    for (const auto& e : g.edges) {
        Point a = exit(pos[e.a], g.sizes[e.a], pos[e.b]), b = exit(pos[e.b], g.sizes[e.b], pos[e.a]);
        shortest = std::min(shortest, std::hypot(a.x - b.x, a.y - b.y));
    }
    CHECK(shortest >= 60.0);
}

TEST_CASE("link types differ by more than their colour") {
    const auto& types = relation_types();
    for (std::size_t i = 0; i < types.size(); ++i)
        for (std::size_t j = i + 1; j < types.size(); ++j) {
            INFO(types[i].key << " and " << types[j].key);
            CHECK((types[i].pattern != types[j].pattern || types[i].directed != types[j].directed ||
                   types[i].crossed != types[j].crossed));
        }
}

TEST_CASE("a label cut to its last lines never ends in a line of a letter or two and an ellipsis") {
    const std::string name = "Samhällsbyggnadsförvaltningen – särskilt kvällstid och helger kring Östra Höjdens "
                             "centrum, resecentrums södra entré och gång- och cykeltunneln under järnvägen";
    for (double width : {120.0, 160.0, 200.0, 236.0}) {
        CAPTURE(width);
        auto lines = wrap_label(name, kNodeFont, width, 3);
        REQUIRE(!lines.empty());
        const std::string& last = lines.back();
        std::size_t characters = 0;
        for (char c : last) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        CHECK(characters >= 5);  // four letters and "…" at least
    }
}

TEST_CASE("a conflict's two bars cross its link at the middle, square to it, and a link of no length has none") {
    auto bars = crossing_bars(0, 0, 100, 0, 2);
    REQUIRE(bars.size() == 2);
    for (const Bar& bar : bars) {
        CHECK(bar.x0 == doctest::Approx(bar.x1));          // square to a level link
        CHECK(std::abs(bar.x0 - 50) < 10);                 // near the middle
        CHECK(bar.y0 == doctest::Approx(-bar.y1));         // across it, as far on each side
        CHECK(std::abs(bar.y1 - bar.y0) > 2 * 2);          // longer than the line is wide
    }
    CHECK(bars[0].x0 != doctest::Approx(bars[1].x0));      // two bars, apart
    CHECK(crossing_bars(5, 5, 5, 5, 2).empty());
}
