// Every seed and every saved crash of the fuzz targets runs in each ordinary
// test run, so a fixed crash stays fixed even where clang and libFuzzer are absent.
#include "fuzz_bodies.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Body = int (*)(const std::uint8_t*, std::size_t);

std::vector<fs::path> inputs(const std::string& folder, const std::string& target) {
    std::vector<fs::path> files;
    fs::path dir = fs::path(KARTLA_FUZZ_DIR) / folder / target;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

int feed(const std::string& target, Body body) {
    int fed = 0;
    for (const char* folder : {"corpus", "regressions"})
        for (const auto& file : inputs(folder, target)) {
            std::ifstream in(file, std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), {});
            INFO("input: " << file.string());
            body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++fed;
        }
    return fed;
}

}  // namespace

TEST_CASE("fuzz inputs: workshop files from arbitrary bytes") {
    CHECK(feed("open_workshop", kartla::fuzz::open_workshop) >= 5);
}

TEST_CASE("fuzz inputs: hostile other copies of a merge") {
    CHECK(feed("merge_copies", kartla::fuzz::merge_copies) >= 4);
}

TEST_CASE("fuzz inputs: the sample source") { CHECK(feed("sample_source", kartla::fuzz::sample_source) >= 5); }

TEST_CASE("fuzz inputs: text encoders and the personal-data guard") {
    CHECK(feed("text_encoders", kartla::fuzz::text_encoders) >= 5);
}

TEST_CASE("fuzz inputs: every text export of a workshop built from arbitrary bytes") {
    CHECK(feed("exporters", kartla::fuzz::exporters) >= 5);
}

TEST_CASE("fuzz inputs: the images and documents rendered from a workshop built from arbitrary bytes") {
    CHECK(feed("rendered_exports", kartla::fuzz::rendered_exports) >= 5);
}

TEST_CASE("fuzz inputs: requests from phones through the request gate and the JSON reader") {
    CHECK(feed("phone_request", kartla::fuzz::phone_request) >= 5);
}
