// The PDF after cairo: qpdf reads the file cairo wrote and adds what cairo 1.16
// has no call for. The export's temporary file is rewritten, so the target the
// user chose appears whole or not at all (kartla/export_file.hpp).
#include "pdf_finish.hpp"

#include "kartla/text_encode.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

namespace kartla::report {

namespace {

// As long as a table cell in the PDF: a title longer than this helps no reader.
constexpr std::size_t kMaxMetadataBytes = 3000;

std::string xml_text(const std::string& value) { return kartla::text::xml_escape(metadata_text(value)); }

// The structure elements in reading order (depth first, children in order),
// which is the order the writer opened its tags in. Marked-content and object
// references have no /S and end the walk; `seen` guards against a loop.
void collect(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& elements, std::set<QPDFObjGen>& seen) {
    if (node.isArray()) {
        for (auto& kid : node.getArrayAsVector()) collect(kid, elements, seen);
        return;
    }
    if (!node.isDictionary() || !node.getKey("/S").isName()) return;
    if (node.isIndirect() && !seen.insert(node.getObjGen()).second) return;
    elements.push_back(node);
    collect(node.getKey("/K"), elements, seen);
}

// qpdf's handles are not const-correct: a handle's copy reads and edits the same object.
std::vector<QPDFObjectHandle> of_type(std::vector<QPDFObjectHandle> elements, const std::string& type) {
    std::vector<QPDFObjectHandle> out;
    for (auto& element : elements)
        if (element.getKey("/S").getName() == type) out.push_back(element);
    return out;
}

void describe_figures(const std::vector<QPDFObjectHandle>& elements, const std::vector<std::string>& alts) {
    std::vector<QPDFObjectHandle> figures = of_type(elements, "/Figure");
    if (figures.size() != alts.size())
        throw std::runtime_error("the structure tree holds " + std::to_string(figures.size()) + " figures, the report " +
                                 std::to_string(alts.size()));
    for (std::size_t i = 0; i < figures.size(); ++i)
        figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(metadata_text(alts[i])));
}

// The writer's header cells are all a table's first row (repeated on each
// page), so each heads its column; a screen reader reads it with every cell below.
void scope_header_cells(const std::vector<QPDFObjectHandle>& elements) {
    for (auto& cell : of_type(elements, "/TH"))
        if (!cell.hasKey("/A"))
            cell.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /Column >>"));
}

void set_viewer_preferences(QPDFObjectHandle root) {
    QPDFObjectHandle preferences = root.getKey("/ViewerPreferences");
    if (!preferences.isDictionary()) {
        preferences = QPDFObjectHandle::newDictionary();
        root.replaceKey("/ViewerPreferences", preferences);
    }
    // A reader's title bar shows the document's title, not the file's name.
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    QPDFObjectHandle mark_info = root.getKey("/MarkInfo");
    if (!mark_info.isDictionary()) {
        mark_info = QPDFObjectHandle::newDictionary();
        root.replaceKey("/MarkInfo", mark_info);
    }
    if (!mark_info.getKey("/Marked").isBool() || !mark_info.getKey("/Marked").getBoolValue())
        mark_info.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
}

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "2026-12-06T20:55:00Z" as a PDF date: D:20261206205500+00'00'.
std::string pdf_date(const std::string& iso) {
    std::string digits;
    for (char c : iso.substr(0, 19))
        if (c >= '0' && c <= '9') digits += c;
    return "D:" + digits + "+00'00'";
}

// The Info dictionary says what the XMP says (PDF/A requires them to agree).
void set_info(QPDF& qpdf, const PdfFinish& finish) {
    QPDFObjectHandle trailer = qpdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = qpdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(kPdfProducer));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(finish.created)));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(finish.created)));
}

// The sRGB output intent every colour of the file is meant in (cairo writes DeviceRGB).
void set_output_intent(QPDF& qpdf, QPDFObjectHandle root, const std::string& profile) {
    QPDFObjectHandle icc = qpdf.newStream(profile);
    icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    QPDFObjectHandle intent = QPDFObjectHandle::parse(
        "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) >>");
    intent.replaceKey("/DestOutputProfile", icc);
    root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({qpdf.makeIndirectObject(intent)}));
}

// Each footer page becomes a form drawn last on the report's page of the same
// number, marked as a pagination artifact: seen and printed, not read out
// inside a table, not part of the structure tree. qpdf copies the forms'
// streams when it writes, so `footers` must stay open until then.
void draw_footers(QPDF& qpdf, QPDF& footers) {
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(qpdf).getAllPages();
    std::vector<QPDFPageObjectHelper> over = QPDFPageDocumentHelper(footers).getAllPages();
    if (pages.size() != over.size())
        throw std::runtime_error("the report has " + std::to_string(pages.size()) + " pages, its footers " +
                                 std::to_string(over.size()));
    for (std::size_t i = 0; i < pages.size(); ++i) {
        QPDFObjectHandle form = qpdf.copyForeignObject(over[i].getFormXObjectForPage());
        const std::string name = "/KartlaFooter" + std::to_string(i + 1);
        QPDFObjectHandle resources = pages[i].getAttribute("/Resources", true);
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        if (!xobjects.isDictionary()) {
            xobjects = QPDFObjectHandle::newDictionary();
            resources.replaceKey("/XObject", xobjects);
        }
        xobjects.replaceKey(name, form);
        pages[i].addPageContents(qpdf.newStream("q\n"), true);
        pages[i].addPageContents(
            qpdf.newStream("\nQ\n/Artifact << /Type /Pagination /Subtype /Footer >> BDC q " + name + " Do Q EMC\n"), false);
    }
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

}  // namespace

std::string metadata_text(const std::string& value) {
    return kartla::text::truncate_utf8(kartla::text::without_control_chars(kartla::text::valid_utf8(value), false),
                                       kMaxMetadataBytes);
}

std::string xmp_packet(const PdfFinish& finish, bool pdfa) {
    std::string xmp =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
        "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "<dc:format>application/pdf</dc:format>\n";
    if (pdfa) {
        const std::string when = xml_text(finish.created.substr(0, 19)) + "+00:00";
        xmp += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n";
        xmp += "<xmp:CreateDate>" + when + "</xmp:CreateDate>\n<xmp:ModifyDate>" + when +
               "</xmp:ModifyDate>\n<xmp:MetadataDate>" + when + "</xmp:MetadataDate>\n";
    }
    const std::string lang = xml_text(finish.language);
    xmp += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(finish.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!metadata_text(finish.author).empty())
        xmp += "<dc:creator><rdf:Seq><rdf:li>" + xml_text(finish.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!metadata_text(finish.subject).empty())
        xmp += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(finish.subject) +
               "</rdf:li></rdf:Alt></dc:description>\n";
    if (!lang.empty()) xmp += "<dc:language><rdf:Bag><rdf:li>" + lang + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!metadata_text(finish.keywords).empty()) xmp += "<pdf:Keywords>" + xml_text(finish.keywords) + "</pdf:Keywords>\n";
    xmp += std::string("<pdf:Producer>") + kPdfProducer + "</pdf:Producer>\n";
    xmp += "<xmp:CreatorTool>kartla</xmp:CreatorTool>\n"
           "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xmp;
}

void finish_pdf(const std::filesystem::path& pdf, const PdfFinish& finish) {
    try {
        std::ifstream in(pdf, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) throw std::runtime_error("cannot read it back");
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.setAttemptRecovery(false);  // cairo's own file: a damaged one is an error, not something to guess at
        qpdf.processMemoryFile(pdf.c_str(), bytes.data(), bytes.size());
        QPDFObjectHandle root = qpdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata_text(finish.language)));
        std::vector<QPDFObjectHandle> elements;
        std::set<QPDFObjGen> seen;
        collect(root.getKey("/StructTreeRoot").getKey("/K"), elements, seen);
        describe_figures(elements, finish.figure_alts);
        scope_header_cells(elements);
        set_viewer_preferences(root);
        QPDF footers;
        if (!finish.footers.empty()) {
            footers.setSuppressWarnings(true);
            footers.processFile(finish.footers.c_str());
            draw_footers(qpdf, footers);
        }
        // PDF/A-2 needs the dates and the profile; without either the file is
        // still written, and says nothing it is not.
        const std::string profile = finish.created.empty() ? std::string() : read_all(finish.srgb_profile);
        const bool pdfa = !profile.empty();
        if (pdfa) {
            set_info(qpdf, finish);
            set_output_intent(qpdf, root, profile);
        }
        QPDFObjectHandle metadata = qpdf.newStream(xmp_packet(finish, pdfa));
        metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", metadata);
        // The input is `bytes`, in memory: the file can be written over.
        QPDFWriter writer(qpdf, pdf.c_str());
        writer.setMinimumPDFVersion("1.7");  // PDF/A-2 is ISO 32000-1
        writer.write();
    } catch (const std::exception& e) {
        throw std::runtime_error("the PDF could not be finished: " + one_line(e.what()));
    }
}

}  // namespace kartla::report
