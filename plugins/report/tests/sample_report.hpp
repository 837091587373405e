#pragma once
// The sample workshop and the real program, for the tests that export the
// report and the plan and read them back with other programs.
#include "temp_dir.hpp"

#include "host/runtime.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kartla::report::test {

namespace fs = std::filesystem;

inline int run(const std::string& command_line) {
    const int status = std::system(command_line.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

inline int run_kartla(const std::string& arguments, const fs::path& dir) {
    return run(std::string("'") + KARTLA_TEST_BINARY + "' " + arguments + " > " + quoted(dir / "stdout") + " 2> " +
               quoted(dir / "stderr"));
}

// Whitespace (line breaks inside wrapped table cells) collapsed to single spaces.
inline std::string collapsed(const std::string& text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

inline std::vector<std::string> measure_titles(const fs::path& workshop) {
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    // The plugins' schema, or their tables open unverified and every title reads as NULL.
    auto opened = kartla::Workshop::open(workshop, kartla::OpenMode::ReadOnly, false, runtime.plugins().known_schema());
    REQUIRE(std::holds_alternative<std::unique_ptr<kartla::Workshop>>(opened));
    runtime.set_workshop(std::move(std::get<std::unique_ptr<kartla::Workshop>>(opened)));
    std::vector<std::string> titles;
    for (const auto& m : runtime.offers().entities("measure")) {
        REQUIRE_FALSE(m.label.empty());  // the checks below would pass on nothing
        titles.push_back(m.label);
    }
    return titles;
}

struct SampleReport {
    kartla::test::TempDir dir;
    fs::path sample = dir / "sample.kartla";
    std::vector<std::string> titles;
    SampleReport() {
        REQUIRE(run_kartla("sample " + quoted(sample), dir.path()) == 0);
        titles = measure_titles(sample);
        REQUIRE(titles.size() >= 10);
    }
    void write_titles() {
        std::ofstream file(dir / "titles.txt", std::ios::binary);
        for (const auto& t : titles) file << t << '\n';
    }
    void export_as(const std::string& format, const fs::path& out, const std::string& lang = "sv") {
        REQUIRE_MESSAGE(run_kartla("export " + quoted(sample) + " --format " + format + " --lang " + lang + " -o " + quoted(out), dir.path()) == 0,
                        kartla::test::read_bytes(dir / "stderr"));
    }
};

// Runs /usr/bin/python3 (Debian's, which sees python3-docx and the rest) on a
// script beside the tests; "" when it passed, else what it printed.
inline std::string python_problems(const std::string& script, const std::string& arguments, const fs::path& dir) {
    const fs::path said = dir / (script + ".txt");
    const int status = run("/usr/bin/python3 " + quoted(fs::path(REPORT_TEST_DIR) / script) + " " + arguments + " > " +
                           quoted(said) + " 2>&1");
    const std::string text = kartla::test::read_bytes(said);
    return status == 0 ? "" : text.empty() ? script + " failed" : text;
}

}  // namespace kartla::report::test
