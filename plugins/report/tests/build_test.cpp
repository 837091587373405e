// Building the report model from entities, without other plugins.
#include "../model/build.hpp"
#include "../model/redact.hpp"
#include "../model/writers.hpp"

#include "kartla/core_data.hpp"

#include <doctest/doctest.h>

using namespace report;
using kartla::Entity;

namespace {

struct Fake {
    std::vector<Entity> problems, causes, measures, actors;
    bool with_plugins = true;
    Sources sources() {
        return {[this](std::string_view kind, bool* available) {
                    if (available) *available = with_plugins;
                    if (!with_plugins) return std::vector<Entity>{};
                    if (kind == "problem") return problems;
                    if (kind == "cause") return causes;
                    if (kind == "measure") return measures;
                    if (kind == "actor") return actors;
                    return std::vector<Entity>{};
                },
                [](const char* msgid) { return std::string(msgid); }, [](std::string_view) { return std::string(); }};
    }
};

const Section& section(const Document& d, const std::string& title) {
    for (const auto& s : d.sections)
        if (s.title == title) return s;
    FAIL("no section " << title);
    throw 0;
}

template <typename T>
std::vector<T> blocks_of(const Section& s) {
    std::vector<T> out;
    for (const auto& b : s.blocks)
        if (auto* x = std::get_if<T>(&b)) out.push_back(*x);
    return out;
}

}  // namespace

TEST_CASE("measures are grouped under the problem they address, directly or through a cause, and ranks order problems") {
    auto w = kartla::Workshop::in_memory();
    Fake fake;
    fake.problems = {{"problem", 1, "Klotter i tunneln", {{"prioritised", "1"}, {"rank", "2"}}},
                     {"problem", 2, "Langning av alkohol", {{"prioritised", "1"}, {"rank", "1"}}},
                     {"problem", 3, "Nedskräpning", {{"prioritised", "0"}}}};
    fake.causes = {{"cause", 10, "Dålig belysning", {{"problem_id", "1"}, {"parent_id", ""}, {"nature", "situational"}}},
                   {"cause", 11, "Ingen ägare av platsen", {{"problem_id", "1"}, {"parent_id", "10"}}}};
    fake.actors = {{"actor", 5, "Älvstadshem AB", {{"type", "company"}}}};
    fake.measures = {{"measure", 100, "Ny belysning", {{"status", "in_progress"}, {"status_label", "In progress"}, {"light", "red"}, {"light_label", "Red"}, {"owner_actor_id", "5"}}},
                     {"measure", 101, "Föräldravandring", {{"status", "proposed"}, {"status_label", "Proposed"}}},
                     {"measure", 102, "Fristående idé", {}}};
    w->edit("links", [](kartla::Database& db) {
        kartla::core_data::add_link(db, {"measure", 100}, {"cause", 11}, "addresses");
        kartla::core_data::add_link(db, {"measure", 101}, {"problem", 2}, "addresses");
        kartla::core_data::set_meta(db, "title", "Kartläggning Åby");
    });
    const Document d = build_report(w->db(), fake.sources());
    CHECK(d.title == "Kartläggning Åby");

    auto problem_headings = blocks_of<Heading>(section(d, "Problem picture"));
    REQUIRE(problem_headings.size() == 3);
    CHECK(problem_headings[0].text == "1. Langning av alkohol");
    CHECK(problem_headings[1].text == "2. Klotter i tunneln");
    auto trees = blocks_of<Bullets>(section(d, "Problem picture"));
    REQUIRE(trees.size() == 2);  // the causes of problem 1, and the other problems
    CHECK(trees[0].items == std::vector<std::string>{"Dålig belysning (situational)", "Ingen ägare av platsen"});
    CHECK(trees[0].depth == std::vector<int>{0, 1});
    CHECK(trees[1].items == std::vector<std::string>{"Nedskräpning"});

    const Section& plan = section(d, "Action plan");
    auto groups = blocks_of<Heading>(plan);
    auto tables = blocks_of<Table>(plan);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].text == "Langning av alkohol");
    CHECK(groups[1].text == "Klotter i tunneln");
    CHECK(groups[2].text == "Measures not linked to a problem");
    REQUIRE(tables.size() == 3);
    CHECK(tables[0].rows[0][0] == "Föräldravandring");
    CHECK(tables[0].rows[0][4] == "Proposed");
    CHECK(tables[1].rows[0] == std::vector<std::string>{"Ny belysning", "Älvstadshem AB", "", "", "In progress", "Red"});
    CHECK(tables[2].rows[0][0] == "Fristående idé");
}

TEST_CASE("without the other plugins the report says what is missing and still writes") {
    auto w = kartla::Workshop::in_memory();
    Fake fake;
    fake.with_plugins = false;
    const Document d = build_report(w->db(), fake.sources());
    CHECK(blocks_of<Paragraph>(section(d, "Actor map"))[0].text.find("not available") != std::string::npos);
    CHECK(blocks_of<Paragraph>(section(d, "Action plan"))[0].text.find("not available") != std::string::npos);
    const std::string html = to_html(d, "sv");
    CHECK(html.find("not available") != std::string::npos);
}

TEST_CASE("HTML escapes every text and nests cause lists") {
    Document d{"<b>Rubrik & co</b>", "sub", {{"S", {Bullets{{"a", "b", "c", "d"}, {0, 1, 2, 0}}, Paragraph{"<script>"}}}}};
    const std::string html = to_html(d, "sv");
    CHECK(html.find("&lt;b&gt;Rubrik &amp; co&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("<ul>\n<li>a<ul>\n<li>b<ul>\n<li>c</li>\n</ul></li>\n</ul></li>\n<li>d</li>\n</ul>") != std::string::npos);
}

TEST_CASE("base64 of the three padding cases") {
    CHECK(base64("") == "");
    CHECK(base64("M") == "TQ==");
    CHECK(base64("Ma") == "TWE=");
    CHECK(base64("Man") == "TWFu");
    CHECK(base64("\x89PNG") == "iVBORw==");
}

TEST_CASE("--redact masks personal data in every text of the report") {
    Document d{"Kartläggning, kontakt 070-123 45 67", "anna.svensson@example.se",
               {{"Deltagare 19121212-1212",
                 {Heading{"Ring 08-123 456 78"}, Paragraph{"Mejla anna.svensson@example.se"},
                  Facts{{{"Kontakt", "070-123 45 67"}}}, Bullets{{"Person 19121212-1212"}, {0}},
                  Table{{"Roll"}, {1.0}, {{"Samordnare, 070-123 45 67"}}}, Image{"", "Bild 070-123 45 67"}}}}};
    redact(d);
    const std::string html = to_html(d, "sv");
    CHECK(html.find("070-123") == std::string::npos);
    CHECK(html.find("08-123") == std::string::npos);
    CHECK(html.find("1212-1212") == std::string::npos);
    CHECK(html.find("anna.svensson") == std::string::npos);
    CHECK(html.find("Samordnare") != std::string::npos);
    CHECK(html.find("Kartläggning") != std::string::npos);
}
