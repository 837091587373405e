// Every export reaches the disk whole or not at all, and a redacted export
// reads the workshop masked (kartla/export_file.hpp).
#include "kartla/export_file.hpp"

#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "temp_dir.hpp"
#include "storage/core_data_edits.hpp"
#include "exports/export_run.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t files_in(const fs::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++n;
    return n;
}

}  // namespace

TEST_CASE("write_file_atomically replaces the file whole, and a failing writer leaves the old one and no temporary") {
    kartla::test::TempDir dir;
    const fs::path target = dir / "plan.html";
    kartla::write_file_atomically(target, std::string_view("first"));
    CHECK(read(target) == "first");
    kartla::write_file_atomically(target, std::string_view("second, longer"));
    CHECK(read(target) == "second, longer");
    CHECK_THROWS_AS(kartla::write_file_atomically(target,
                                                  [](const fs::path& temporary) {
                                                      std::ofstream(temporary) << "half of a n";
                                                      throw std::runtime_error("the writer broke");
                                                  }),
                    std::runtime_error);
    CHECK(read(target) == "second, longer");
    CHECK(files_in(dir.path()) == 1);
    // No file of that name before: none after a failure either.
    const fs::path fresh = dir / "report.pdf";
    CHECK_THROWS(kartla::write_file_atomically(fresh, [](const fs::path&) { throw std::runtime_error("no"); }));
    CHECK_FALSE(fs::exists(fresh));
    CHECK(files_in(dir.path()) == 1);
    // A folder that does not exist is a one-line error, not a crash.
    CHECK_THROWS_WITH_AS(kartla::write_file_atomically(dir / "missing" / "x.md", std::string_view("x")),
                         doctest::Contains("cannot write"), std::runtime_error);
}

TEST_CASE("write_folder_atomically replaces a folder of files whole, and a failure leaves the earlier folder and nothing else") {
    kartla::test::TempDir dir;
    const fs::path target = dir / "tabeller";
    const auto fill = [](std::string text) {
        return [text](const fs::path& folder) {
            REQUIRE(fs::is_directory(folder));
            CHECK(files_in(folder) == 0);  // a new folder every time, never the earlier one
            std::ofstream(folder / "åtgärder.csv") << text;
        };
    };
    kartla::write_folder_atomically(target, fill("första"));
    CHECK(read(target / "åtgärder.csv") == "första");
    kartla::write_folder_atomically(target, fill("andra"));
    CHECK(read(target / "åtgärder.csv") == "andra");
    CHECK(files_in(dir.path()) == 1);  // no earlier folder set aside and left behind
    CHECK_THROWS_WITH_AS(kartla::write_folder_atomically(target,
                                                         [](const fs::path& folder) {
                                                             std::ofstream(folder / "halv.csv") << "ha";
                                                             throw std::runtime_error("cannot write " + folder.string());
                                                         }),
                         doctest::Contains(target.string().c_str()), std::runtime_error);
    CHECK(read(target / "åtgärder.csv") == "andra");
    CHECK(files_in(target) == 1);
    CHECK(files_in(dir.path()) == 1);
    // A file where the folder would go is the user's: refused, untouched.
    const fs::path file = dir / "plan.csv";
    std::ofstream(file) << "behåll";
    CHECK_THROWS_WITH_AS(kartla::write_folder_atomically(file, fill("x")), doctest::Contains("in the way"), std::runtime_error);
    CHECK(read(file) == "behåll");
    CHECK(files_in(dir.path()) == 2);
}

TEST_CASE("run_export with redaction: every text read is masked, edits wait, the revision comes back") {
    auto w = kartla::Workshop::in_memory();
    REQUIRE(w->edit("meta", [](kartla::Database& db) {
                 kartla::core_data::set_meta(db, "title", "Ring 070-174 06 05");
                 kartla::core_data::set_meta(db, "place", "Torget");
             }).ok);
    const auto revision = w->revision();
    kartla::test::TempDir dir;
    kartla::ExportOptions options;
    options.redact_personal_data = true;
    kartla::run_export(
        [&](kartla::Workshop& ws, const kartla::ExportOptions&, const fs::path& out) {
            CHECK(kartla::reading_redacted(ws));
            CHECK(ws.revision() != revision);  // nothing cached before is taken for this reading
            CHECK(kartla::core_data::meta(ws.db(), "title") == "Ring [telefonnummer]");
            CHECK(ws.db().scalar_text("SELECT value FROM core_meta WHERE key = 'title'") == "Ring [telefonnummer]");
            CHECK(kartla::core_data::meta(ws.db(), "place") == "Torget");
            CHECK_FALSE(ws.edit("during", [](kartla::Database& db) { kartla::core_data::set_meta(db, "place", "x"); }).ok);
            kartla::write_file_atomically(out, kartla::core_data::meta(ws.db(), "title"));
        },
        *w, options, dir / "out.md");
    CHECK(read(dir / "out.md") == "Ring [telefonnummer]");
    CHECK_FALSE(kartla::reading_redacted(*w));
    CHECK(w->revision() == revision);
    CHECK(kartla::core_data::meta(w->db(), "title") == "Ring 070-174 06 05");
    CHECK(kartla::core_data::meta(w->db(), "place") == "Torget");
    // Without the option nothing is masked.
    kartla::run_export(
        [](kartla::Workshop& ws, const kartla::ExportOptions&, const fs::path& out) {
            kartla::write_file_atomically(out, kartla::core_data::meta(ws.db(), "title"));
        },
        *w, kartla::ExportOptions{}, dir / "plain.md");
    CHECK(read(dir / "plain.md") == "Ring 070-174 06 05");
}
