// The problem map's part of the workshop report, from a workshop built through
// the same edits the views use.
#include "model/edits.hpp"
#include "model/board_image.hpp"
#include "model/report_section.hpp"
#include "support.hpp"

#include "kartla/export_file.hpp"
#include "kartla/privacy.hpp"
#include "exports/export_run.hpp"

#include <doctest/doctest.h>

#include <type_traits>

using namespace kartla;
using namespace kartla::problem_map;

namespace {

const kartla::Translate kEnglish = [](const char* msgid) { return msgid; };

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> png_size(const std::string& png) {
    REQUIRE(png.size() > 24);
    REQUIRE(png.rfind("\x89PNG", 0) == 0);
    auto be32 = [&](std::size_t at) {
        return int((unsigned char)png[at] << 24 | (unsigned char)png[at + 1] << 16 | (unsigned char)png[at + 2] << 8 |
                   (unsigned char)png[at + 3]);
    };
    return {be32(16), be32(20)};
}

// Every text of a part, and its pictures' bytes, in order: two parts that give the same are the same document.
std::vector<std::string> contents(const doc::Section& section) {
    std::vector<std::string> out{section.title};
    for (const auto& block : section.blocks)
        std::visit([&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, doc::Heading> || std::is_same_v<T, doc::Paragraph>) out.push_back(b.text);
            if constexpr (std::is_same_v<T, doc::Facts>)
                for (const auto& [label, value] : b.items) out.push_back(label + ": " + value);
            if constexpr (std::is_same_v<T, doc::Bullets>)
                for (std::size_t i = 0; i < b.items.size(); ++i) out.push_back(std::to_string(b.depth[i]) + " " + b.items[i]);
            if constexpr (std::is_same_v<T, doc::Table>)
                for (const auto& row : b.rows) out.insert(out.end(), row.begin(), row.end());
            if constexpr (std::is_same_v<T, doc::Image>) out.insert(out.end(), {b.png, b.alt});
        }, block);
    return out;
}

}  // namespace

TEST_CASE("the report's reading leaves out the long texts and the other cards' causes, and gives the same part") {
    auto w = fixture::workshop_with_tables();
    edits::create_cluster(*w, "Centrum", 0, 0, 800, 600);
    Id tunnel = edits::create_card(*w, 40, 80, "Otrygghet i gångtunneln");
    Id river = edits::create_card(*w, 2400, 900, "Nedskräpning vid ån");
    REQUIRE(edits::set_number(*w, tunnel, edits::NumberField::Prioritised, 1));
    REQUIRE(edits::set_number(*w, tunnel, edits::NumberField::Severity, 4));
    REQUIRE(edits::set_text(*w, tunnel, edits::TextField::Description, "Kvällstid, mest vintertid"));
    Id light = edits::add_cause(*w, tunnel, 0, "Dålig belysning");
    edits::add_cause(*w, tunnel, light, "Ingen ansvarar för underhållet");
    edits::add_cause(*w, river, 0, "Få papperskorgar");
    const Snapshot whole = load_snapshot(w->db());
    const Snapshot report = load_snapshot(w->db(), Reading::Report);
    CHECK(report.cards.size() == 2);
    CHECK(report.card(tunnel)->description.empty());
    CHECK(whole.card(tunnel)->description == "Kvällstid, mest vintertid");
    CHECK(report.causes.size() == 2);  // the prioritised card's; not the river's
    CHECK(whole.causes.size() == 3);
    CHECK(rank_of(report, tunnel) == rank_of(whole, tunnel));
    CHECK(contents(report_section(report, kEnglish)) == contents(report_section(whole, kEnglish)));
}

TEST_CASE("the report part: the board as a picture, prioritised problems with their cause tree, then the others") {
    auto w = fixture::workshop_with_tables();
    edits::create_cluster(*w, "Centrum", 0, 0, 800, 600);
    Id tunnel = edits::create_card(*w, 40, 80, "Otrygghet i gångtunneln");
    edits::create_card(*w, 2400, 900, "Nedskräpning vid ån");
    REQUIRE(edits::set_number(*w, tunnel, edits::NumberField::Prioritised, 1));
    REQUIRE(edits::set_number(*w, tunnel, edits::NumberField::Severity, 4));
    Id light = edits::add_cause(*w, tunnel, 0, "Dålig belysning");
    edits::add_cause(*w, tunnel, light, "Ingen ansvarar för underhållet");
    const Snapshot s = load_snapshot(w->db());

    const auto section = report_section(s, kEnglish);
    CHECK(section.title == "Problem picture");
    REQUIRE(section.blocks.size() >= 6);
    const auto& board = std::get<doc::Image>(section.blocks[0]);
    CHECK(board.caption == "The problem board");
    // What the picture shows, in words: its alternative text, then its clusters with their problems.
    CHECK(board.alt.find("2 problems in 1 clusters, 1 of them prioritised") != std::string::npos);
    const auto& clusters = std::get<doc::Table>(section.blocks[1]);
    CHECK(clusters.headers == std::vector<std::string>{"Cluster", "Problem", "Category", "Prioritised"});
    REQUIRE(clusters.rows.size() == 2);
    CHECK(clusters.rows[0] == std::vector<std::string>{"Centrum", "Otrygghet i gångtunneln", "", "Yes"});
    CHECK(clusters.rows[1] == std::vector<std::string>{"(no cluster)", "Nedskräpning vid ån", "", ""});
    CHECK(std::get<doc::Heading>(section.blocks[3]).text == "1. Otrygghet i gångtunneln");
    const auto& tree = std::get<doc::Bullets>(section.blocks[5]);
    CHECK(tree.items == std::vector<std::string>{"Dålig belysning (situational)", "Ingen ansvarar för underhållet (situational)"});
    CHECK(tree.depth == std::vector<int>{0, 1});
    const auto& others = std::get<doc::Bullets>(section.blocks.back());
    CHECK(others.items == std::vector<std::string>{"Nedskräpning vid ån"});

    // The picture spans the cluster and the far card, scaled down to the width asked for.
    auto [width, height] = png_size(board_png(s, 800));
    CHECK(width == 800);
    CHECK(height == doctest::Approx(800.0 * (900 + kCardHeight + 80) / (2400 + kCardWidth + 80)).epsilon(0.01));
}

TEST_CASE("an empty board gives no picture and says nothing was prioritised") {
    auto w = fixture::workshop_with_tables();
    const Snapshot s = load_snapshot(w->db());
    CHECK(board_png(s).empty());
    const auto section = report_section(s, kEnglish);
    REQUIRE(section.blocks.size() == 1);
    CHECK(std::get<doc::Paragraph>(section.blocks[0]).text == "No problem has been prioritised.");
}

TEST_CASE("with --redact the board picture shows the masked titles, since its pixels cannot be masked later") {
    auto w = fixture::workshop_with_tables();
    edits::create_card(*w, 0, 0, "Klotter, ring 070-123 45 67");
    const Snapshot plain_snapshot = load_snapshot(w->db());
    Snapshot masked_snapshot;
    {
        kartla::RedactedReading redacted(*w, true);  // as every redacted export reads the file
        masked_snapshot = load_snapshot(w->db());
    }
    const auto masked = std::get<doc::Image>(report_section(masked_snapshot, kEnglish).blocks.at(0)).png;
    const auto plain = std::get<doc::Image>(report_section(plain_snapshot, kEnglish).blocks.at(0)).png;
    CHECK(masked != plain);
    Snapshot by_hand = plain_snapshot;
    by_hand.cards[0].title = privacy::redact(by_hand.cards[0].title);
    CHECK(masked_snapshot.cards[0].title == by_hand.cards[0].title);
    CHECK(by_hand.cards[0].title.find("070") == std::string::npos);
    CHECK(masked == board_png(by_hand));
}
