// The exporters fuzz targets are only as good as the workshops they build: a
// seed that quietly built an empty workshop would leave every export untried.
// These check that the seeds reach every plugin's data through its loader.
#include "byte_source.hpp"
#include "fuzzed_workshop.hpp"
#include "kartla/core_data.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

struct Built {
    Runtime runtime;
    fuzz::BuiltWorkshop result;

    explicit Built(const std::string& seed) {
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().load_all({fs::path(KARTLA_FUZZ_PLUGIN_DIR)});
        runtime.set_workshop(Workshop::in_memory());
        std::ifstream in(fs::path(KARTLA_FUZZ_DIR) / "corpus" / "exporters" / seed, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        REQUIRE(!bytes.empty());
        fuzz::ByteSource source(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        result = fuzz::build_workshop(runtime, source);
    }
    std::size_t count(std::string_view kind) { return runtime.offers().entities(kind).size(); }
};

// What the loaders said, so a failed check shows it.
std::string refusals(const fuzz::BuiltWorkshop& built) {
    std::string all;
    for (const auto& refusal : built.refused) all += refusal + "\n";
    return all;
}

}  // namespace

TEST_CASE("fuzzed workshop: the Swedish seed fills every plugin through its loader") {
    Built built("swedish.bin");
    CHECK(refusals(built.result) == "");
    CHECK(built.result.texts_valid_utf8);
    for (const char* kind : {"problem", "cause", "actor", "relation", "measure"}) {
        INFO("kind: " << std::string(kind));
        CHECK(built.count(kind) > 0);
    }
    auto& db = built.runtime.workshop()->db();
    CHECK(core_data::meta(db, "title") == "Kartläggning Östra Höjden 2026");
    CHECK(core_data::participants(db).size() > 0);
    CHECK(core_data::meetings(db).size() > 1);  // the seed's meetings and the follow-up meeting
}

TEST_CASE("fuzzed workshop: invalid UTF-8 is noticed and still stored") {
    Built built("invalid_utf8.bin");
    CHECK_FALSE(built.result.texts_valid_utf8);
    CHECK(built.count("problem") > 0);
}

TEST_CASE("fuzzed workshop: no bytes give an empty workshop that every loader accepts") {
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({fs::path(KARTLA_FUZZ_PLUGIN_DIR)});
    runtime.set_workshop(Workshop::in_memory());
    fuzz::ByteSource nothing(nullptr, 0);
    auto result = fuzz::build_workshop(runtime, nothing);
    CHECK(refusals(result) == "");
    CHECK(runtime.offers().entities("problem").empty());
    CHECK(runtime.offers().entities("measure").empty());
}
