// `kartla export` and `kartla info` through the real program.
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

int run(const std::string& arguments, const fs::path& out, const fs::path& err) {
    const std::string command =
        std::string("'") + KARTLA_TEST_BINARY + "' " + arguments + " > '" + out.string() + "' 2> '" + err.string() + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::size_t lines(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("kartla export on a file that is not a workshop: one line on stderr, non-zero exit") {
    kartla::test::TempDir dir;
    kartla::test::write_bytes(dir / "notes.kartla", "Det här är ingen workshop.\n");
    const int code = run("export '" + (dir / "notes.kartla").string() + "' --format md -o '" +
                             (dir / "out.md").string() + "'",
                         dir / "stdout", dir / "stderr");
    CHECK(code != 0);
    const std::string err = kartla::test::read_bytes(dir / "stderr");
    CHECK(lines(err) == 1);
    CHECK(err.rfind("kartla: ", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "out.md"));
}

TEST_CASE("kartla export writes all five formats of the sample and kartla info counts the measures") {
    kartla::test::TempDir dir;
    const fs::path sample = dir / "sample.kartla";
    REQUIRE(run("sample '" + sample.string() + "'", dir / "stdout", dir / "stderr") == 0);
    for (const char* format : {"md", "csv", "html", "xlsx", "ics"}) {
        const fs::path out = dir / (std::string("plan.") + format);
        CHECK_MESSAGE(run("export '" + sample.string() + "' --format " + format + " -o '" + out.string() + "'",
                          dir / "stdout", dir / "stderr") == 0,
                      kartla::test::read_bytes(dir / "stderr"));
        CHECK_MESSAGE(fs::file_size(out) > 1000, format);
    }
    const std::string markdown = kartla::test::read_bytes(dir / "plan.md");
    CHECK(markdown.find("Platssamverkan vid Höjdens torg") != std::string::npos);
    REQUIRE(run("info '" + sample.string() + "'", dir / "info.json", dir / "stderr") == 0);
    CHECK(kartla::test::read_bytes(dir / "info.json").find("\"measure\": 14") != std::string::npos);
}
