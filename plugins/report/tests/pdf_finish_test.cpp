// pdf_finish.cpp alone: a file qpdf cannot read is one clear error and, through
// the host's whole-file writing, leaves nothing behind; a document without
// captions still gives every figure a text.
#include "../model/pdf_finish.hpp"
#include "../model/writers.hpp"

#include "kartla/export_file.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

using namespace kartla::report;
namespace fs = std::filesystem;

TEST_CASE("a file qpdf cannot read: one error line, and the export leaves no file") {
    kartla::test::TempDir dir;
    const fs::path target = dir / "rapport.pdf";
    std::string message;
    try {
        kartla::write_file_atomically(target, [](const fs::path& temporary) {
            std::ofstream(temporary, std::ios::binary) << "%PDF-1.5\nthis is not what cairo writes\n";
            finish_pdf(temporary, {"sv", "Titel", "Samordnare", "Rapport", "kartla", {}});
        });
    } catch (const std::runtime_error& e) {
        message = e.what();
    }
    CHECK(message.rfind("the PDF could not be finished: ", 0) == 0);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find(".rapport.pdf.") == std::string::npos);  // the temporary's name is not the user's business
    CHECK_FALSE(fs::exists(target));
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("the XMP packet escapes every value and leaves out what is empty") {
    const std::string xmp = xmp_packet({"sv", "]]><?xpacket end=\"w\"?>\x01 Å", "", "", "a & b", {}});
    CHECK(xmp.find("]]&gt;&lt;?xpacket end=&quot;w&quot;?&gt; Å</rdf:li>") != std::string::npos);
    CHECK(xmp.find("<pdf:Keywords>a &amp; b</pdf:Keywords>") != std::string::npos);
    CHECK(xmp.find("dc:creator") == std::string::npos);
    CHECK(xmp.find('\x01') == std::string::npos);
    CHECK(xmp.find("pdfuaid") == std::string::npos);  // PDF/UA conformance is not claimed (docs/exports.md)
    // Only the packet's own two processing instructions.
    CHECK(xmp.find("<?xpacket") == 0);
    CHECK(xmp.find("<?xpacket", 1) == xmp.rfind("<?xpacket end=\"w\"?>"));
}

TEST_CASE("a figure without a caption is described by its section's title, and a figure count that does not match is refused") {
    kartla::test::TempDir dir;
    using namespace kartla::doc;
    Document document{"Titel", "Undertitel", {Section{"Uppföljning", {Chart{"", {{"2026-01-01", 3}}, false, 0, ""}}}}};
    const fs::path pdf = dir / "r.pdf";
    write_pdf(document, {"Samordnare", "Rapport", "kartla", "sv"}, pdf);
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(bytes.find("/Lang (sv)") != std::string::npos);
    CHECK(bytes.find("/Alt (Uppf") != std::string::npos);  // PDFDocEncoding: ö is one byte
    CHECK_THROWS_WITH_AS(finish_pdf(pdf, {"sv", "Titel", "", "", "", {"one", "two"}}),
                         "the PDF could not be finished: the structure tree holds 1 figures, the report 2", std::runtime_error);
}
