// The editable documents: `kartla export --format report-docx|report-odt|docx|odt`
// of the sample, read back by python-docx and odfpy (check_documents.py) and
// compared with the HTML export of the same document.
#include "sample_report.hpp"

#include <doctest/doctest.h>

using namespace kartla::report::test;

namespace {

// The document in both word-processing formats, checked against its HTML.
void check_both(SampleReport& s, const std::string& docx_format, const std::string& odt_format,
                const std::string& html_format, const std::string& lang, const std::vector<std::string>& title_page) {
    const fs::path html = s.dir / (html_format + "_" + lang + ".html");
    s.export_as(html_format, html, lang);
    std::string names;
    for (const auto& text : title_page) names += " " + quoted(fs::path(text));
    for (const auto& [format, extension] : {std::pair{docx_format, ".docx"}, std::pair{odt_format, ".odt"}}) {
        const std::string exported = format;  // clang 14 cannot capture a structured binding
        CAPTURE(exported);
        const fs::path file = s.dir / (format + "_" + lang + extension);
        s.export_as(format, file, lang);
        const std::string problems = python_problems("check_documents.py", quoted(file) + " " + quoted(html) + names, s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
}

}  // namespace

TEST_CASE("report-docx and report-odt of the sample in Swedish: heading styles as the HTML's outline, tables that fit, a title page") {
    SampleReport s;
    check_both(s, "report-docx", "report-odt", "report-html", "sv",
               {"Kartläggning Älvstad centrum och Östra Höjden 2026", "Älvstads kommun", "Utfärdad"});
}

TEST_CASE("docx and odt of the sample's action plan, in Swedish and English: every problem as a heading, tables that fit") {
    SampleReport s;
    check_both(s, "docx", "odt", "html", "sv", {"Åtgärdsplan", "Älvstads kommun", "Exporterad"});
    check_both(s, "docx", "odt", "html", "en", {"Action plan", "Älvstads kommun", "Exported"});
}

TEST_CASE("report-docx keeps every measure title and the travel centre's problem, which has no measure yet") {
    SampleReport s;
    const fs::path docx = s.dir / "rapport.docx";
    s.export_as("report-docx", docx);
    // python-docx's text of every paragraph and table cell, one a line.
    const std::string script = "import docx,sys\nd=docx.Document(sys.argv[1])\n"
                               "print('\\n'.join([p.text for p in d.paragraphs]+[c.text for t in d.tables for r in t.rows for c in r.cells]))\n";
    {
        std::ofstream file(s.dir / "text.py", std::ios::binary);
        file << script;
    }
    REQUIRE(run("/usr/bin/python3 " + quoted(s.dir / "text.py") + " " + quoted(docx) + " > " + quoted(s.dir / "text.txt")) == 0);
    const std::string text = collapsed(kartla::test::read_bytes(s.dir / "text.txt"));
    for (const auto& title : s.titles) CHECK_MESSAGE(text.find(collapsed(title)) != std::string::npos, title);
    CHECK(text.find("Otrygghet vid resecentrum kvällstid") != std::string::npos);
}

// The documents the law and Brå name: each in HTML, PDF, DOCX and ODT, the parts in Brå's order.
TEST_CASE("the lägesbild, the åtgärdsplan and the draft samverkansöverenskommelse of the sample, in every format") {
    SampleReport s;
    struct Expected {
        const char* format;
        const char* title;
        std::vector<std::string> parts;  // the h2s, in order
        std::vector<std::string> texts;  // what the PDF must say
    };
    const Expected documents[] = {
        {"situation-picture", "Lägesbild",
         {"Om lägesbilden", "Problemen: vad, var, när och vem", "Källor och deras begränsningar", "Analys: orsaker och prioriteringar"},
         {"Prioriteringar och deras grunder", "Otrygghet vid resecentrum kvällstid", "Signalbrott", "riskfaktor", "saknad"}},
        {"action-plan", "Åtgärdsplan",
         {"Om åtgärdsplanen", "Åtgärder per prioriterat problem", "Mål och indikatorer", "Uppföljningsplan"},
         {"Öppen narkotikaförsäljning vid Höjdens torg", "Rekrytering av barn till kriminella nätverk",
          "Otrygghet vid resecentrum kvällstid", "Inga åtgärder ännu.", "Start", "Utgångsvärde"}},
        {"agreement", "Samverkansöverenskommelse (utkast)",
         {"Parter och syfte", "Problem i fokus och deras troliga orsaker", "Mätbara mål", "Uppföljning och giltighetstid",
          "Underskrifter"},
         {"Kommunstyrelsens ordförande", "Lokalpolisområdeschef", "Namnförtydligande", "Överenskommelsens giltighetstid",
          "Otrygghet vid resecentrum kvällstid"}}};
    for (const auto& d : documents) {
        CAPTURE(d.format);
        const std::string stem = d.format;
        check_both(s, stem + "-docx", stem + "-odt", stem + "-html", "sv", {d.title, "Älvstads kommun", "Utfärdad"});
        // The HTML's parts, in Brå's order.
        const std::string html = kartla::test::read_bytes(s.dir / (stem + "-html_sv.html"));
        std::size_t at = 0;
        for (const auto& part : d.parts) {
            at = html.find("<h2>" + part + "</h2>", at);
            CHECK_MESSAGE(at != std::string::npos, part);
            if (at == std::string::npos) break;
        }
        const fs::path pdf = s.dir / (stem + ".pdf");
        s.export_as(stem + "-pdf", pdf);
        REQUIRE(run("pdftotext -enc UTF-8 " + quoted(pdf) + " " + quoted(s.dir / (stem + ".txt"))) == 0);
        const std::string text = collapsed(kartla::test::read_bytes(s.dir / (stem + ".txt")));
        for (const auto& part : d.parts) CHECK_MESSAGE(text.find(part) != std::string::npos, part);
        for (const auto& wanted : d.texts) CHECK_MESSAGE(text.find(wanted) != std::string::npos, wanted);
    }
}

TEST_CASE("each export suggests its own file: sample.report.html beside sample.plan.html, never over it") {
    SampleReport s;
    for (const char* format : {"html", "report-html", "md", "meeting-md", "report-pdf", "agreement-pdf", "docx", "report-docx"})
        REQUIRE(run_kartla("export " + quoted(s.sample) + " --format " + format, s.dir.path()) == 0);
    for (const char* name : {"sample.plan.html", "sample.report.html", "sample.plan.md", "sample.meeting.md", "sample.report.pdf",
                             "sample.agreement.pdf", "sample.plan.docx", "sample.report.docx"})
        CHECK_MESSAGE(fs::is_regular_file(s.dir / name), name);
    CHECK(kartla::test::read_bytes(s.dir / "sample.plan.html") != kartla::test::read_bytes(s.dir / "sample.report.html"));
}
