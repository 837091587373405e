#include "model/images.hpp"
#include "model_fixture.hpp"
#include "temp_dir.hpp"

#include "kartla/export_file.hpp"
#include "kartla/privacy.hpp"
#include "exports/export_run.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <type_traits>

using namespace kartla::actor_map;

namespace {

kartla::Translate identity() { return kartla::untranslated; }

const std::vector<std::string> kNames = {
    "Polisen, lokalpolisområde Älvstad", "Socialförvaltningen", "Räddningstjänsten Älvdalen", "Älvstadshem AB",
    "Föreningen <Unga & Trygga> \"ÖH\"", "Köpcentrum Älvstad Galleria", "Brå", "Kommunstyrelsen i Älvstads kommun, trygghetsenheten",
};

std::unique_ptr<kartla::Workshop> sample_network() {
    auto w = testing::workshop();
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < kNames.size(); ++i) ids.push_back(testing::add(*w, kNames[i], i % 2 ? "police" : "housing"));
    testing::link(*w, ids[0], ids[1]);
    testing::link(*w, ids[1], ids[2], "funds");
    testing::link(*w, ids[2], ids[3], "missing");
    testing::link(*w, ids[3], ids[4], "conflict");
    REQUIRE(w->edit("layout", [&](kartla::Database& db) {
        Snapshot s = load(db);
        auto pos = layout_network(s);
        for (std::size_t i = 0; i < pos.size(); ++i) move_on_network(db, s.actors[i].id, pos[i].x, pos[i].y);
        for (std::size_t i = 0; i < ids.size(); ++i) place_on_grid(db, ids[i], double(i) / 8, 1 - double(i) / 8);
    }));
    return w;
}

// Parses the SVG with Debian's Python (a real XML parser) and prints every <title> text, one per line.
std::set<std::string> svg_titles(const std::filesystem::path& svg) {
    std::string command =
        "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as ET; "
        "root = ET.parse(sys.argv[1]).getroot(); "
        "[print(t.text) for t in root.iter('{http://www.w3.org/2000/svg}title')]\" '" +
        svg.string() + "'";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    REQUIRE(pclose(pipe) == 0);  // the parser accepted the file
    std::set<std::string> titles;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) titles.insert(line);
    return titles;
}

std::pair<std::uint32_t, std::uint32_t> png_size(const std::filesystem::path& png) {
    std::ifstream in(png, std::ios::binary);
    std::array<unsigned char, 24> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    REQUIRE(in.gcount() == 24);
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    REQUIRE(std::equal(signature, signature + 8, header.begin()));
    REQUIRE(std::string(header.begin() + 12, header.begin() + 16) == "IHDR");
    auto be32 = [&](int at) {
        return std::uint32_t(header[at]) << 24 | std::uint32_t(header[at + 1]) << 16 | std::uint32_t(header[at + 2]) << 8 |
               std::uint32_t(header[at + 3]);
    };
    return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("the network SVG is well-formed XML and names every actor") {
    auto w = sample_network();
    kartla::test::TempDir dir;
    auto svg = dir.path() / "nätverk.svg";
    write_svg(network_scene(load(w->db()), {}, identity()), svg);
    auto titles = svg_titles(svg);
    for (const auto& name : kNames) CHECK_MESSAGE(titles.count(name) == 1, name);
}

TEST_CASE("the grid SVG is well-formed XML and names every actor, placed or not") {
    auto w = sample_network();
    testing::add(*w, "Länsstyrelsen i Älvlanda län");  // not on the grid
    kartla::test::TempDir dir;
    auto svg = dir.path() / "grid.svg";
    write_svg(grid_scene(load(w->db()), identity()), svg);
    auto titles = svg_titles(svg);
    for (const auto& name : kNames) CHECK_MESSAGE(titles.count(name) == 1, name);
    CHECK(titles.count("Länsstyrelsen i Älvlanda län") >= 1);
    std::ifstream in(svg);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text.find("Manage closely") != std::string::npos);
    CHECK(text.find("Keep informed") != std::string::npos);
}

TEST_CASE("the PNG images have the expected size") {
    auto w = sample_network();
    kartla::test::TempDir dir;
    Snapshot s = load(w->db());
    write_png(network_scene(s, {}, identity()), dir.path() / "network.png");
    write_png(grid_scene(s, identity()), dir.path() / "grid.png");
    CHECK(png_size(dir.path() / "network.png") == std::pair<std::uint32_t, std::uint32_t>(kNetworkImageWidth, kNetworkImageHeight));
    CHECK(png_size(dir.path() / "grid.png") == std::pair<std::uint32_t, std::uint32_t>(kGridImageWidth, kGridImageHeight));
    CHECK(std::filesystem::file_size(dir.path() / "network.png") > 10'000);  // drawn, not blank
}

TEST_CASE("an empty workshop still gives valid images") {
    auto w = testing::workshop();
    kartla::test::TempDir dir;
    write_svg(network_scene(load(w->db()), {}, identity()), dir.path() / "empty.svg");
    CHECK(svg_titles(dir.path() / "empty.svg").size() == 1);  // the document title
    write_png(network_scene(load(w->db()), {}, identity()), dir.path() / "empty.png");
    CHECK(png_size(dir.path() / "empty.png").first == std::uint32_t(kNetworkImageWidth));
}

TEST_CASE("a PNG that cannot be written is an error, not a crash") {
    auto w = testing::workshop();
    CHECK_THROWS(write_png(grid_scene(load(w->db()), identity()), "/nonexistent-folder/x.png"));
}

TEST_CASE("a redacted export's pictures get no personal data: every text the PNG renderer is given is masked") {
    // Synthetic data: 121212-1212 is the tax agency's sample, 070-174 06 05 is in the range kept for fiction.
    auto w = testing::workshop();
    const auto a = testing::add(*w, "Trygghetsenheten, ring 070-174\u200B 06 05", "police");
    const auto b = testing::add(*w, "Samordnare 121212\u00AD-1212 <b>\u202Egpj.exe", "housing");
    testing::link(*w, a, b);
    REQUIRE(w->edit("grid", [&](kartla::Database& db) {
        place_on_grid(db, a, 0.2, 0.8);
        place_on_grid(db, b, 0.7, 0.3);
    }));
    std::vector<Scene> scenes;
    {
        kartla::RedactedReading redacted(*w, true);  // as every redacted export reads the file
        const Snapshot s = load(w->db());
        scenes.push_back(network_scene(s, find_gaps({}, {}), identity()));
        scenes.push_back(grid_scene(s, identity()));
    }
    std::size_t texts = 0;
    for (const Scene& scene : scenes) {
        CHECK(kartla::privacy::find_personal_data(scene.title).empty());
        for (const auto& shape : scene.shapes)
            std::visit(
                [&](const auto& s) {
                    using T = std::decay_t<decltype(s)>;
                    if constexpr (std::is_same_v<T, TextShape>) {
                        ++texts;
                        CHECK_MESSAGE(kartla::privacy::find_personal_data(s.text).empty(), s.text);
                    }
                    if constexpr (!std::is_same_v<T, LineShape>) CHECK(kartla::privacy::find_personal_data(s.title).empty());
                },
                shape);
        CHECK_FALSE(png_bytes(scene).empty());
    }
    CHECK(texts > 2);
    // And unredacted the same scenes do show the data, so the check above can fail.
    const Snapshot plain = load(w->db());
    bool shown = false;
    for (const auto& shape : network_scene(plain, find_gaps({}, {}), identity()).shapes)
        if (const auto* t = std::get_if<TextShape>(&shape))
            shown = shown || !kartla::privacy::find_personal_data(t->text + " " + t->title).empty();
    CHECK(shown);
}
