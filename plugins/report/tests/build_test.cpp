// Putting the report together and writing it, without the other plugins.
#include "../model/build.hpp"
#include "kartla/chart_geometry.hpp"
#include "../model/writers.hpp"

#include "kartla/core_data.hpp"
#include "kartla/export_file.hpp"
#include "temp_dir.hpp"
#include "storage/core_data_edits.hpp"
#include "exports/export_run.hpp"

#include <doctest/doctest.h>

using namespace kartla::report;
using namespace kartla::doc;

namespace {

const kartla::Translate kEnglish = kartla::untranslated;

kartla::ReportSectionSpec section_spec(std::string key, std::string title, int order, std::string paragraph) {
    return {key, title, order, [title, paragraph](kartla::Workshop&, const kartla::ExportOptions&) { return Section{title, {Paragraph{paragraph}}}; }};
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the report is the workshop part, then the contributed sections as given, a failing one becomes a note") {
    auto w = kartla::Workshop::in_memory();
    w->edit("meta", [](kartla::Database& db) { kartla::core_data::set_meta(db, "title", "Kartläggning Åby"); });
    std::vector<kartla::ReportSectionSpec> specs{
        section_spec("problem_map.problems", "Problem picture", 10, "Problemen"),
        {"actor_map.actors", "Actor map", 20, [](kartla::Workshop&, const kartla::ExportOptions&) -> Section { throw std::runtime_error("bilden saknas"); }},
        section_spec("action_plan.measures", "Action plan", 30, "Åtgärderna")};
    const Document d = build_report(*w, kartla::ExportOptions{}, kEnglish, specs);
    CHECK(d.title == "Kartläggning Åby");
    REQUIRE(d.sections.size() == 4);
    CHECK(d.sections[0].title == "About the workshop");
    CHECK(d.sections[1].title == "Problem picture");
    CHECK(d.sections[2].title == "Actor map");
    CHECK(std::get<Paragraph>(d.sections[2].blocks.at(0)).text ==
          "This part of the report could not be made: bilden saknas");
    CHECK(d.sections[3].title == "Action plan");
    CHECK(std::get<Paragraph>(d.sections[3].blocks.at(0)).text == "Åtgärderna");
    const std::string html = to_html(d, "sv");
    CHECK(html.find("bilden saknas") != std::string::npos);
    CHECK(html.find("Åtgärderna") != std::string::npos);
}

TEST_CASE("HTML escapes every text and nests cause lists") {
    Document d{"<b>Rubrik & co</b>", "sub", {{"S", {Bullets{{"a", "b", "c", "d"}, {0, 1, 2, 0}}, Paragraph{"<script>"}}}}};
    const std::string html = to_html(d, "sv");
    CHECK(html.find("&lt;b&gt;Rubrik &amp; co&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<ul>\n<li>a<ul>\n<li>b<ul>\n<li>c</li>\n</ul></li>\n</ul></li>\n<li>d</li>\n</ul>") != std::string::npos);
}

TEST_CASE("a chart is inline SVG: a dot and a value per point, the baseline dashed, texts escaped") {
    Chart chart{"Otrygghet <vid> torget", {{"2026-05-20", 47}, {"2026-09-15", 38}}, true, 58, "Utgångsvärde: 58 % otrygga"};
    const std::string html = to_html(Document{"T", "", {{"Uppföljning", {chart}}}}, "sv");
    CHECK(count(html, "<svg ") == 1);
    CHECK(count(html, "<circle ") == 2);
    CHECK(count(html, "stroke-dasharray") == 1);
    CHECK(html.find(">47</text>") != std::string::npos);
    CHECK(html.find(">2026-09-15</text>") != std::string::npos);
    CHECK(html.find("Otrygghet &lt;vid&gt; torget") != std::string::npos);
    CHECK(html.find("Utgångsvärde: 58 % otrygga") != std::string::npos);
}

TEST_CASE("chart geometry: points spread by date, the value axis from zero, the baseline inside the plot") {
    Chart chart{"", {{"2026-01-01", 10}, {"2026-01-11", 20}, {"2026-03-12", 40}}, true, 30, ""};
    const auto g = chart_geometry(chart, 400, 200);
    REQUIRE(g.marks.size() == 3);
    // 10 days then 60 days: the second gap is six times the first.
    CHECK((g.marks[2].x - g.marks[1].x) == doctest::Approx(6 * (g.marks[1].x - g.marks[0].x)));
    CHECK(g.marks[0].y > g.marks[1].y);  // larger values are higher up
    CHECK(g.ticks.front().text == "0");
    CHECK(g.ticks.front().y == doctest::Approx(g.bottom));
    REQUIRE(g.baseline_y);
    CHECK(*g.baseline_y < g.bottom);
    CHECK(*g.baseline_y > g.top);
    CHECK(g.marks[2].value == "40");
    const auto single = chart_geometry(Chart{"", {{"2026-05-01", 4.3}}, false, 0, ""}, 400, 200);
    CHECK(single.marks[0].x == doctest::Approx((single.left + single.right) / 2));
    CHECK(single.marks[0].value == "4.3");
    CHECK_FALSE(single.baseline_y);
}

TEST_CASE("base64 of the three padding cases") {
    CHECK(base64("") == "");
    CHECK(base64("M") == "TQ==");
    CHECK(base64("Ma") == "TWE=");
    CHECK(base64("Man") == "TWFu");
    CHECK(base64("\x89PNG") == "iVBORw==");
}

TEST_CASE("--redact masks every text the report reads, chart labels included, through the host's export run") {
    auto w = kartla::Workshop::in_memory();
    w->edit("meta", [](kartla::Database& db) {
        kartla::core_data::set_meta(db, "title", "Kartläggning, kontakt 070-123 45 67");
        kartla::core_data::set_meta(db, "organisation", "anna.svensson@example.se");
        kartla::core_data::set_meta(db, "place", "Ring 19121212\u200B-1212");  // split by a zero-width space
    });
    // A section that shows what it reads in every kind of block, as a plugin would.
    const kartla::ReportSectionSpec every_block{
        "test.all", "Test", 10, [](kartla::Workshop& ws, const kartla::ExportOptions&) {
            const std::string t = kartla::core_data::meta(ws.db(), "title");
            return Section{t, {Heading{t}, Paragraph{t}, Facts{{{t, t}}}, Bullets{{t}, {0}}, Table{{t}, {1.0}, {{t}}},
                               Image{"", t}, Chart{t, {{t, 1}, {"2026-02-01", 2}}, true, 1, t}}};
        }};
    std::string html;
    kartla::ExportOptions redact;
    redact.redact_personal_data = true;
    kartla::test::TempDir dir;
    kartla::run_export(
        [&](kartla::Workshop& ws, const kartla::ExportOptions& o, const std::filesystem::path& out) {
            html = to_html(build_report(ws, o, kEnglish, {every_block}), "sv");
            kartla::write_file_atomically(out, html);
        },
        *w, redact, dir / "report.html");
    CHECK(html.find("070-123") == std::string::npos);
    CHECK(html.find("1212") == std::string::npos);
    CHECK(html.find("anna.svensson") == std::string::npos);
    CHECK(html.find("[telefonnummer]") != std::string::npos);
    CHECK(html.find("[personnummer]") != std::string::npos);
    CHECK(html.find("Kartläggning") != std::string::npos);
    // Afterwards the workshop reads as it is again.
    CHECK(kartla::core_data::meta(w->db(), "title") == "Kartläggning, kontakt 070-123 45 67");
}
