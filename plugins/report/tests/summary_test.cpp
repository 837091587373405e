// `kartla summary` over the sample and two variants of it: every count is
// checked against the files themselves (SQL on the stored tables).
#include "sample_report.hpp"
#include "temp_dir.hpp"

#include "kartla/workshop.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const char* kToday = "2026-11-01";

using kartla::report::test::run_kartla;

// Straight SQLite, not Workshop::open: without the plugins loaded, kartla keeps
// their tables out of every statement (unverified), and this test reads the tables themselves.
std::unique_ptr<kartla::Database> open(const fs::path& file, int flags) {
    return std::make_unique<kartla::Database>(file.string(), flags);
}

// What the file itself holds, straight from the tables.
struct Expected {
    int problems = 0, prioritised = 0, measures = 0, overdue = 0;
    std::map<std::string, int> status, light;
};

Expected expected_from(const fs::path& file) {
    auto w = open(file, SQLITE_OPEN_READONLY);
    auto& db = *w;
    Expected e;
    e.problems = static_cast<int>(db.scalar_int("SELECT count(*) FROM problem_map_card"));
    e.prioritised = static_cast<int>(db.scalar_int("SELECT count(*) FROM problem_map_card WHERE prioritised = 1"));
    e.measures = static_cast<int>(db.scalar_int("SELECT count(*) FROM action_plan_measure"));
    e.overdue = static_cast<int>(db.scalar_int(
        "SELECT count(*) FROM action_plan_measure WHERE due <> '' AND due < ? AND status NOT IN ('done', 'cancelled')",
        std::string(kToday)));
    auto& status = db.prepare("SELECT status, count(*) FROM action_plan_measure GROUP BY status").with();
    while (status.step()) e.status[status.text(0)] = static_cast<int>(status.int64(1));
    auto& light =
        db.prepare("SELECT CASE light WHEN '' THEN '(none)' ELSE light END, count(*) FROM action_plan_measure GROUP BY 1")
            .with();
    while (light.step()) e.light[light.text(0)] = static_cast<int>(light.int64(1));
    return e;
}

// The summary CSV (file;title;aspect;value;count), keyed by file → aspect → value.
using Parsed = std::map<std::string, std::map<std::string, std::map<std::string, int>>>;

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == ';' && !quoted) cells.push_back(std::move(cell)), cell.clear();
        else if (c != '\r') cell += c;
    }
    cells.push_back(cell);
    return cells;
}

Parsed parse_csv(const std::string& text) {
    Parsed out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);  // header (with BOM)
    while (std::getline(in, line)) {
        auto cells = split(line);
        if (cells.size() == 5) out[cells[0]][cells[2]][cells[3]] += std::stoi(cells[4]);
    }
    return out;
}

void edit(const fs::path& file, const std::vector<std::string>& statements) {
    auto db = open(file, SQLITE_OPEN_READWRITE);
    for (const auto& sql : statements) db->run(sql);
}

}  // namespace

TEST_CASE("kartla summary over the sample and two variants counts what each file holds") {
    kartla::test::TempDir dir;
    const fs::path a = dir / "a.kartla", b = dir / "b.kartla", c = dir / "c.kartla";
    REQUIRE(run_kartla("sample '" + a.string() + "'", dir.path()) == 0);
    fs::copy_file(a, b);
    fs::copy_file(a, c);
    // b: the plan went ahead — three measures done, one problem no longer prioritised.
    edit(b, {"UPDATE action_plan_measure SET status = 'done' WHERE id IN (SELECT id FROM action_plan_measure WHERE status <> 'done' ORDER BY id LIMIT 3)",
             "UPDATE problem_map_card SET prioritised = 0 WHERE id = (SELECT min(id) FROM problem_map_card WHERE prioritised = 1)"});
    // c: two measures dropped, two more overdue and red.
    edit(c, {"DELETE FROM action_plan_measure WHERE id IN (SELECT id FROM action_plan_measure ORDER BY id DESC LIMIT 2)",
             "UPDATE action_plan_measure SET due = '2026-01-15', status = 'in_progress', light = 'red' "
             "WHERE id IN (SELECT id FROM action_plan_measure ORDER BY id LIMIT 2)"});

    const fs::path csv = dir / "summary.csv", md = dir / "summary.md";
    REQUIRE_MESSAGE(run_kartla("summary '" + a.string() + "' '" + b.string() + "' '" + c.string() + "' --today " + kToday +
                               " --csv '" + csv.string() + "' --md '" + md.string() + "'",
                           dir.path()) == 0,
                    kartla::test::read_bytes(dir / "stderr"));
    const Parsed parsed = parse_csv(kartla::test::read_bytes(csv));
    REQUIRE(parsed.size() == 3);
    std::map<std::string, int> overdue_per_file;
    for (const fs::path& file : {a, b, c}) {
        CAPTURE(file.filename().string());
        const Expected e = expected_from(file);
        REQUIRE(parsed.count(file.string()));
        const auto& got = parsed.at(file.string());
        CHECK(got.at("total").at("problems") == e.problems);
        CHECK(got.at("total").at("prioritised") == e.prioritised);
        CHECK(got.at("total").at("measures") == e.measures);
        CHECK(got.at("total").at("overdue") == e.overdue);
        CHECK(got.at("measure_status") == e.status);
        CHECK(got.at("measure_light") == e.light);
        int prioritised_in_categories = 0, owner_types = 0, overdue_titles = 0;
        for (const auto& [value, n] : got.at("prioritised_category")) prioritised_in_categories += n;
        for (const auto& [value, n] : got.at("measure_owner_type")) owner_types += n;
        if (got.count("overdue_measure"))
            for (const auto& [value, n] : got.at("overdue_measure")) overdue_titles += n;
        CHECK(prioritised_in_categories == e.prioritised);
        CHECK(owner_types == e.measures);
        CHECK(overdue_titles == e.overdue);
        overdue_per_file[file.filename().string()] = e.overdue;
    }
    // The variants really differ from the sample.
    CHECK(expected_from(b).status.at("done") == expected_from(a).status.at("done") + 3);
    CHECK(expected_from(b).prioritised == expected_from(a).prioritised - 1);
    CHECK(overdue_per_file["c.kartla"] >= overdue_per_file["a.kartla"] + 1);

    const std::string markdown = kartla::test::read_bytes(md);
    CHECK(markdown.find("# Summary of 3 workshops") != std::string::npos);
    CHECK(markdown.find("## Measures by status") != std::string::npos);
    CHECK(markdown.find("Kartläggning Älvstad centrum och Östra Höjden 2026") != std::string::npos);
}

TEST_CASE("kartla summary refuses a file that is not a workshop with one error line") {
    kartla::test::TempDir dir;
    kartla::test::write_bytes(dir / "x.kartla", "inte en workshop");
    CHECK(run_kartla("summary '" + (dir / "x.kartla").string() + "'", dir.path()) == 1);
    const std::string err = kartla::test::read_bytes(dir / "stderr");
    CHECK(err.rfind("kartla: ", 0) == 0);
    CHECK(err.find('\n') == err.size() - 1);
    CHECK(run_kartla("summary", dir.path()) == 2);
}
