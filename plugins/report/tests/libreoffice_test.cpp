// The editable documents opened by LibreOffice Writer (headless): it converts
// them to PDF, and the DOCX to ODT, without a repair (and Calc prints the plan's
// XLSX: check_xlsx_print.py); the PDF's pages are A4
// with "Sida N av M", nothing past the edge and no word split but at a legal
// point with its hyphen, and LibreOffice reads the DOCX's headings as headings
// in the HTML's outline, and every table header's words stay whole. LibreOffice is large and
// slow to start: one conversion run for every file, under the ctest label
// "libreoffice" (`ctest -L libreoffice`, or `-LE libreoffice` to leave it out).
#include "sample_report.hpp"

#include <doctest/doctest.h>

using namespace kartla::report::test;

TEST_CASE("LibreOffice converts report-docx, report-odt, docx, odt and xlsx: A4 pages, Sida N av M, tables inside the page, headers whole, headings kept, measures printed at 9 pt") {
    SampleReport s;
    const std::pair<const char*, const char*> exports[] = {
        {"report-docx", "rapport.docx"}, {"report-odt", "rapport_odt.odt"}, {"docx", "plan.docx"}, {"odt", "plan_odt.odt"}};
    std::string files;
    for (auto [format, name] : exports) {
        s.export_as(format, s.dir / name);
        files += " " + quoted(s.dir / name);
    }
    // The plan's spreadsheet printed by LibreOffice Calc, in the same run (one start of LibreOffice).
    s.export_as("xlsx", s.dir / "plan_xlsx.xlsx");
    files += " " + quoted(s.dir / "plan_xlsx.xlsx");
    s.export_as("report-html", s.dir / "rapport.html");
    s.export_as("html", s.dir / "plan.html");
    // Its own profile in the test's folder: no first-start dialog, nothing shared with a running LibreOffice.
    const std::string office = "HOME=" + quoted(s.dir.path()) + " libreoffice --headless --norestore -env:UserInstallation=file://" +
                               (s.dir / "profile").string();
    REQUIRE(run(office + " --convert-to pdf --outdir " + quoted(s.dir / "pdf") + files + " > " + quoted(s.dir / "lo.txt") +
                " 2>&1") == 0);
    REQUIRE(run(office + " --convert-to odt --outdir " + quoted(s.dir / "odt") + " " + quoted(s.dir / "rapport.docx") + " " +
                quoted(s.dir / "plan.docx") + " >> " + quoted(s.dir / "lo.txt") + " 2>&1") == 0);
    for (auto [format, name] : exports) {
        const std::string checked_format = format;  // clang 14 cannot capture a structured binding
        CAPTURE(checked_format);
        const fs::path pdf = s.dir / "pdf" / fs::path(name).replace_extension(".pdf");
        REQUIRE_MESSAGE(fs::exists(pdf), kartla::test::read_bytes(s.dir / "lo.txt"));
        const std::string problems = python_problems("check_libreoffice_pdf.py", quoted(pdf) + " Sida av", s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
    // The printed measures: the main columns at 9 pt or more on A4 landscape, the technical ones
    // ("Kostnad") left for the screen, and footers whose parts do not run into each other.
    {
        const fs::path pdf = s.dir / "pdf" / "plan_xlsx.pdf";
        REQUIRE_MESSAGE(fs::exists(pdf), kartla::test::read_bytes(s.dir / "lo.txt"));
        const std::string problems = python_problems("check_xlsx_print.py", quoted(pdf) + " Utgångsvärde Kostnad", s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
    // Words stay whole in Word's layout too: LibreOffice breaks them only at the soft hyphens we put
    // where Swedish allows, and nowhere else (the words of its PDF against the same document's HTML;
    // "Värde" heads the tables of a chart's values, which the HTML shows as a picture).
    for (auto [pdf, html] : {std::pair{"rapport.pdf", "rapport.html"}, std::pair{"rapport_odt.pdf", "rapport.html"},
                             std::pair{"plan.pdf", "plan.html"}, std::pair{"plan_odt.pdf", "plan.html"}}) {
        const std::string checked_pdf = pdf;  // clang 14 cannot capture a structured binding
        CAPTURE(checked_pdf);
        const std::string problems = python_problems(
            "check_pdf_words.py", quoted(s.dir / "pdf" / pdf) + " " + quoted(s.dir / html) + " Sida av utfärdad Värde", s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
    // Word's layout of the tables' headers: each header word whole on its line, so every column
    // holds its header's longest word and no range such as "Styrka (1–3)" breaks at its dash.
    for (auto [docx, pdf] : {std::pair{"rapport.docx", "rapport.pdf"}, std::pair{"plan.docx", "plan.pdf"}}) {
        const std::string checked_docx = docx;  // clang 14 cannot capture a structured binding
        CAPTURE(checked_docx);
        const std::string problems =
            python_problems("check_docx_headers.py", quoted(s.dir / docx) + " " + quoted(s.dir / "pdf" / pdf), s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
    // LibreOffice's own ODT of our DOCX: the headings it understood, against the HTML's outline.
    for (auto [docx, html] : {std::pair{"rapport", "rapport.html"}, std::pair{"plan", "plan.html"}}) {
        const std::string checked_docx = docx;  // clang 14 cannot capture a structured binding
        CAPTURE(checked_docx);
        const fs::path odt = s.dir / "odt" / (std::string(docx) + ".odt");
        REQUIRE(fs::exists(odt));
        const std::string problems = python_problems("check_documents.py", quoted(odt) + " " + quoted(s.dir / html) + " outline-only", s.dir.path());
        CHECK_MESSAGE(problems.empty(), problems);
    }
}
