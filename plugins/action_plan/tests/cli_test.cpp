// `kartla export` and `kartla info` through the real program.
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>
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

// The measure-problem link table: some measure id (numeric) on rows of two
// different problem ids (numeric). Ids are kartla_key()s, not 1, 2, 3.
bool some_measure_serves_two_problems(const std::string& csv) {
    std::map<std::string, std::set<std::string>> problems_of;
    for (std::size_t start = csv.find("\r\n"); start != std::string::npos && start + 2 < csv.size();) {
        const std::size_t end = std::min(csv.find("\r\n", start + 2), csv.size());
        const std::string row = csv.substr(start + 2, end - start - 2);
        const std::size_t first = row.find(';'), second = row.find(';', first + 1);
        const std::string measure = row.substr(0, first), problem = row.substr(first + 1, second - first - 1);
        auto numeric = [](const std::string& v) { return !v.empty() && std::all_of(v.begin(), v.end(), ::isdigit); };
        if (numeric(measure) && numeric(problem)) problems_of[measure].insert(problem);
        start = end < csv.size() ? end : std::string::npos;
    }
    return std::any_of(problems_of.begin(), problems_of.end(), [](const auto& m) { return m.second.size() >= 2; });
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
    // The calendar says what it holds: a task for every measure, the undated ones counted.
    REQUIRE(run("export '" + sample.string() + "' --format ics -o '" + (dir / "plan.ics").string() + "'",
                dir / "stdout", dir / "stderr") == 0);
    const std::string said = kartla::test::read_bytes(dir / "stdout");
    CHECK_MESSAGE(said.find("14 tasks, one per measure (13 with a due date, ") != std::string::npos, said);
    CHECK_MESSAGE(said.find(" follow-up meetings") != std::string::npos, said);
    const std::string calendar = kartla::test::read_bytes(dir / "plan.ics");
    std::size_t todos = 0;
    for (std::size_t at = calendar.find("BEGIN:VTODO"); at != std::string::npos; at = calendar.find("BEGIN:VTODO", at + 1)) ++todos;
    CHECK(todos == 14);
    // Beside them the due dates as all-day events, for Outlook, but the cancelled camera measure's.
    CHECK_MESSAGE(said.find("12 due dates as all-day events, 2 follow-up meetings") != std::string::npos, said);
    std::size_t events = 0;
    for (std::size_t at = calendar.find("BEGIN:VEVENT"); at != std::string::npos; at = calendar.find("BEGIN:VEVENT", at + 1)) ++events;
    CHECK(events == 12 + 2);
    const std::string markdown = kartla::test::read_bytes(dir / "plan.md");
    CHECK(markdown.find("Platssamverkan vid Höjdens torg") != std::string::npos);
    REQUIRE(run("info '" + sample.string() + "'", dir / "info.json", dir / "stderr") == 0);
    CHECK(kartla::test::read_bytes(dir / "info.json").find("\"measure\": 14") != std::string::npos);
}

TEST_CASE("kartla export --table: one table per CSV file with unique headers and ids, in Swedish and English") {
    kartla::test::TempDir dir;
    const fs::path sample = dir / "sample.kartla";
    REQUIRE(run("sample '" + sample.string() + "'", dir / "stdout", dir / "stderr") == 0);
    for (const char* language : {"sv", "en"}) {
        const fs::path folder = dir / language;
        REQUIRE_MESSAGE(run("export '" + sample.string() + "' --format csv --table all --lang " + language + " -o '" +
                                folder.string() + "'",
                            dir / "stdout", dir / "stderr") == 0,
                        kartla::test::read_bytes(dir / "stderr"));
        for (const char* table : {"measures", "problems", "causes", "actors", "log"}) {
            const std::string text = kartla::test::read_bytes(folder / (std::string(table) + ".csv"));
            const std::string header = text.substr(3, text.find("\r\n") - 3);  // after the BOM
            std::vector<std::string> names;
            for (std::size_t start = 0; start <= header.size();) {
                const std::size_t end = std::min(header.find(';', start), header.size());
                names.push_back(header.substr(start, end - start));
                start = end + 1;
            }
            INFO(language, " ", table, ": ", header);
            CHECK(names.front() == "ID");
            CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
            CHECK(text.find("\r\n", header.size() + 5) != std::string::npos);  // rows follow
        }
        const std::string measures = kartla::test::read_bytes(folder / "measures.csv");
        CHECK(measures.find(std::string(language) == "sv" ? "ID;Åtgärd;Problem;Ansvarig" : "ID;Measure;Problems;Responsible") !=
              std::string::npos);
        // A measure serving several problems is one row per problem, ids as numbers on both sides.
        const std::string links = kartla::test::read_bytes(folder / "measure-problems.csv");
        CHECK(links.find(std::string(language) == "sv" ? "Åtgärds-id;Problem-id;Åtgärd;Problem" : "Measure ID;Problem ID;Measure;Problem") !=
              std::string::npos);
        CHECK(some_measure_serves_two_problems(links));
    }
    // One table on its own goes to the file named.
    REQUIRE(run("export '" + sample.string() + "' --format csv --table log -o '" + (dir / "log.csv").string() + "'",
                dir / "stdout", dir / "stderr") == 0);
    CHECK(kartla::test::read_bytes(dir / "log.csv").find("Measure ID") != std::string::npos);
    CHECK(run("export '" + sample.string() + "' --format csv --table nonsense -o '" + (dir / "x.csv").string() + "'",
              dir / "stdout", dir / "stderr") == 2);
}
