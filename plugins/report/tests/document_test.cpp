// The report as a document: `kartla export --format report-pdf|report-html` of
// the sample, read back with pdftotext and Python's html.parser.
#include "sample_report.hpp"

#include "kartla/dates.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace kartla::report::test;

namespace {

// check_pdf_ua.py: what pdf_finish.cpp adds, read back by qpdf and pdfinfo.
// `title` is text the XMP title must hold; `figures` < 0: any number.
std::string pdf_ua_problems(const fs::path& pdf, const std::string& lang, const std::string& title, int figures) {
    const fs::path dir = pdf.parent_path();
    {
        std::ofstream file(dir / "expected_title.txt", std::ios::binary);
        file << title << '\n';
    }
    const int status = run("/usr/bin/python3 " + quoted(fs::path(REPORT_TEST_DIR) / "check_pdf_ua.py") + " " + quoted(pdf) + " " +
                           lang + " " + quoted(dir / "expected_title.txt") + (figures < 0 ? "" : " " + std::to_string(figures)) +
                           " > " + quoted(dir / "ua.txt") + " 2>&1");
    const std::string said = kartla::test::read_bytes(dir / "ua.txt");
    return status == 0 ? "" : said.empty() ? "check_pdf_ua.py failed" : said;
}

// Values straight into the file, bytes as given (SQLite keeps ill-formed UTF-8 as it is bound).
void write_straight(const fs::path& workshop, const std::string& sql, const std::string& value) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(workshop.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    sqlite3_bind_text(statement, 1, value.data(), int(value.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(statement) == SQLITE_DONE);
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("report-pdf in Swedish and English: /Lang, an /Alt on every figure, XMP with å ä ö, DisplayDocTitle") {
    SampleReport s;
    for (const std::string lang : {"sv", "en"}) {
        CAPTURE(lang);
        const fs::path pdf = s.dir / ("report_" + lang + ".pdf");
        s.export_as("report-pdf", pdf, lang);
        // The board, the two actor maps and one chart per indicator (six in the sample).
        const std::string problems = pdf_ua_problems(pdf, lang, "Kartläggning Älvstad centrum och Östra Höjden 2026", 9);
        CHECK_MESSAGE(problems.empty(), problems);
    }
}

TEST_CASE("report-pdf of hostile metadata written with sqlite3: a valid PDF and well-formed XMP") {
    SampleReport s;
    // XMP's own markers, control characters (no NUL), ill-formed UTF-8, then 100,000 characters in all.
    std::string hostile = "]]><?xpacket end=\"w\"?></rdf:li>&amp;<![CDATA[ \x01\x07\x1b\x7f\xc2\x85 \xff\xfe\xc3( \xed\xa0\x80 Östra Å";
    const std::string tail(100000 - 60, 'x');
    write_straight(s.sample, "UPDATE core_meta SET value = ? WHERE key = 'title'", hostile + tail);
    write_straight(s.sample, "UPDATE core_meta SET value = ? WHERE key = 'facilitator_role'", "<?xpacket begin=\"\"?>\x0b\x0c]]>");
    write_straight(s.sample, "UPDATE core_meta SET value = ? WHERE key = 'organisation'", "\xf8\x88\x80\x80\x80 & <x:xmpmeta>");
    write_straight(s.sample, "UPDATE action_plan_measure SET title = ?", "]]>\x02<rdf:li>\xc0\xaf" + tail);
    for (const std::string lang : {"sv", "en"}) {
        CAPTURE(lang);
        const fs::path pdf = s.dir / ("hostile_" + lang + ".pdf");
        s.export_as("report-pdf", pdf, lang);
        // The markers stay text, escaped; the title is cut like the other metadata.
        const std::string problems = pdf_ua_problems(pdf, lang, "]]><?xpacket end=\"w\"?></rdf:li>&amp;<![CDATA[", -1);
        CHECK_MESSAGE(problems.empty(), problems);
    }
}

TEST_CASE("report-pdf of the sample: Swedish headings and every measure title, read back by pdftotext") {
    SampleReport s;
    const fs::path pdf = s.dir / "rapport.pdf";
    s.export_as("report-pdf", pdf);
    REQUIRE(kartla::test::read_bytes(pdf).rfind("%PDF-", 0) == 0);
    REQUIRE(run("pdftotext -enc UTF-8 " + quoted(pdf) + " " + quoted(s.dir / "rapport.txt")) == 0);
    const std::string text = collapsed(kartla::test::read_bytes(s.dir / "rapport.txt"));
    for (const char* heading : {"Kartläggning Älvstad centrum och Östra Höjden 2026", "Rapport från kartläggningen",
                                "Om kartläggningen", "Möten", "Deltagare", "Problembild", "Aktörskarta", "Åtgärdsplan",
                                "Ansvarig", "Älvstads kommun", "Uppföljning", "Förändringar sedan förra mötet",
                                "Indikatorer över tid", "Utgångsvärde: 112 anmälningar (2025)"})
        CHECK_MESSAGE(text.find(heading) != std::string::npos, heading);
    // The gap list (kartla::coverage): the travel centre has an owner but no measure, and nothing else is a gap.
    CHECK(text.find("Prioriterade problem med glapp") != std::string::npos);
    CHECK(text.find("Ägare, men ingen åtgärd") != std::string::npos);
    CHECK(text.find("Ingen ägare och ingen åtgärd") == std::string::npos);
    CHECK(text.find("Åtgärder, men ingen har en ansvarig") == std::string::npos);
    // Long titles wrap inside their table cell; the script reads the measure column by word positions.
    s.write_titles();
    CHECK_MESSAGE(run("/usr/bin/python3 " + quoted(fs::path(REPORT_TEST_DIR) / "check_report_pdf.py") + " " + quoted(pdf) +
                      " " + quoted(s.dir / "titles.txt") + " Åtgärdsplan Problembild 'Förändringar sedan förra mötet' Indikator Utgångsvärde > " + quoted(s.dir / "py.txt") +
                      " 2>&1") == 0,
                  kartla::test::read_bytes(s.dir / "py.txt"));
    // The board and the two actor map images are drawn: the PDF holds image objects.
    const std::string bytes = kartla::test::read_bytes(pdf);
    CHECK(bytes.find("/Subtype /Image") != std::string::npos);
}

TEST_CASE("report-html of the sample parses with html.parser: every measure, the three images, a chart per indicator") {
    SampleReport s;
    const fs::path html = s.dir / "rapport.html";
    s.export_as("report-html", html);
    s.write_titles();
    CHECK_MESSAGE(run("/usr/bin/python3 " + quoted(fs::path(REPORT_TEST_DIR) / "check_report_html.py") + " " +
                      quoted(html) + " " + quoted(s.dir / "titles.txt") + " 6 > " + quoted(s.dir / "py.txt") + " 2>&1") == 0,
                  kartla::test::read_bytes(s.dir / "py.txt"));
    // The same gap list as the PDF: both are written from the same report sections.
    const std::string page = kartla::test::read_bytes(html);
    const auto gaps = page.find("Prioriterade problem med glapp");
    REQUIRE(gaps != std::string::npos);
    CHECK(page.find("Ägare, men ingen åtgärd", gaps) != std::string::npos);
    CHECK(page.find("Otrygghet vid resecentrum kvällstid", gaps) != std::string::npos);
    CHECK(page.find("Ingen ägare och ingen åtgärd") == std::string::npos);
}

TEST_CASE("the report export is listed and refuses an unwritable output with one error line") {
    kartla::test::TempDir dir;
    const fs::path sample = dir / "sample.kartla";
    REQUIRE(run_kartla("sample " + quoted(sample), dir.path()) == 0);
    REQUIRE(run_kartla("export --help", dir.path()) == 0);
    const std::string help = kartla::test::read_bytes(dir / "stdout");
    CHECK(help.find("report-html") != std::string::npos);
    CHECK(help.find("report-pdf") != std::string::npos);
    CHECK(run_kartla("export " + quoted(sample) + " --format report-pdf -o " + quoted(dir / "no/such/dir/r.pdf"), dir.path()) != 0);
    CHECK(kartla::test::read_bytes(dir / "stderr").rfind("kartla: ", 0) == 0);
}

TEST_CASE("the loaded plugins contribute their report sections in order, a disabled plugin's section is gone") {
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    // The parts of one document, in the order printed.
    auto parts = [&](kartla::DocumentKind kind) {
        std::vector<kartla::ReportSectionSpec> out;
        for (const auto& spec : runtime.core_host().report_sections())
            if (spec.document == kind) out.push_back(spec);
        return out;
    };
    auto keys = [&](kartla::DocumentKind kind) {
        std::vector<std::string> out;
        for (const auto& spec : parts(kind)) out.push_back(spec.key);
        return out;
    };
    using K = kartla::DocumentKind;
    CHECK(keys(K::Report) == std::vector<std::string>{"problem_map.problems", "actor_map.actors", "action_plan.measures",
                                                      "follow_up.changes"});
    CHECK(keys(K::SituationPicture) == std::vector<std::string>{"problem_map.situation.10", "problem_map.situation.11",
                                                                "problem_map.situation.12"});
    CHECK(keys(K::ActionPlan) == std::vector<std::string>{"action_plan.per_problem", "action_plan.goals", "action_plan.follow_up"});
    CHECK(keys(K::Agreement) == std::vector<std::string>{"action_plan.focus", "action_plan.agreed_goals", "action_plan.period"});
    // Titles come in their own plugin's words (its catalogue first).
    struct OneWord final : kartla::Frontend {
        const char* translate_in(std::string_view plugin, const char* msgid) override {
            return plugin == "actor_map" && std::string_view(msgid) == "Actor map" ? "Aktörskarta" : msgid;
        }
    } words;
    runtime.set_frontend(&words);
    CHECK(parts(K::Report).at(1).title == "Aktörskarta");
    CHECK(parts(K::Report).at(0).title == "Problem picture");
    runtime.plugins().disable("actor_map", "a test turns it off");
    CHECK(keys(K::Report) == std::vector<std::string>{"problem_map.problems", "action_plan.measures", "follow_up.changes"});
}

TEST_CASE("report-pdf of the sample is PDF/A-2 by what Debian can check: XMP, sRGB intent, fonts, bookmarks, Sida N av M and the date on every page") {
    SampleReport s;
    const fs::path pdf = s.dir / "rapport.pdf";
    s.export_as("report-pdf", pdf);
    const std::string issued = kartla::dates::today();
    // Every prioritised problem is a bookmark of the plan part, the one without measures too.
    const std::string problems =
        python_problems("check_pdfa.py",
                        quoted(pdf) + " Sida av " + issued +
                            " 'Om kartläggningen' Möten Deltagare Problembild Åtgärdsplan Uppföljning"
                            " --part Åtgärdsplan Uppföljning 'Öppen narkotikaförsäljning vid Höjdens torg'"
                            " 'Rekrytering av barn till kriminella nätverk' 'Otrygghet vid resecentrum kvällstid'",
                        s.dir.path());
    CHECK_MESSAGE(problems.empty(), problems);
}

TEST_CASE("report-pdf of the sample splits no word without a hyphen: pdftotext's words against the HTML's, breaks only where Swedish allows") {
    SampleReport s;
    const fs::path pdf = s.dir / "rapport.pdf", html = s.dir / "rapport.html";
    s.export_as("report-pdf", pdf);
    s.export_as("report-html", html);
    // The footer's words are the PDF's own; every other word comes from the same document's HTML.
    const std::string problems = python_problems("check_pdf_words.py", quoted(pdf) + " " + quoted(html) + " Sida av utfärdad", s.dir.path());
    CHECK_MESSAGE(problems.empty(), problems);
}
