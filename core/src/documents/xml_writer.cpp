#include "xml_writer.hpp"

#include "kartla/text_encode.hpp"

#include <libxml/xmlwriter.h>

#include <stdexcept>

namespace kartla::doc::files {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

void check(int result, const char* what) {
    if (result < 0) throw std::runtime_error(std::string("the document's XML could not be written (") + what + ")");
}

}  // namespace

std::string clean_text(std::string_view value, bool lines) {
    return kartla::text::without_control_chars(kartla::text::valid_utf8(value), lines);
}

XmlWriter::XmlWriter() : buffer_(xmlBufferCreate()), writer_(buffer_ ? xmlNewTextWriterMemory(buffer_, 0) : nullptr) {
    if (!writer_) {
        if (buffer_) xmlBufferFree(buffer_);
        throw std::runtime_error("the document's XML could not be started");
    }
    check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", "yes"), "start");
}

XmlWriter::~XmlWriter() {
    xmlFreeTextWriter(writer_);
    xmlBufferFree(buffer_);
}

XmlWriter& XmlWriter::open(const char* name) {
    check(xmlTextWriterStartElement(writer_, x(name)), name);
    return *this;
}

XmlWriter& XmlWriter::attr(const char* name, std::string_view value) {
    check(xmlTextWriterWriteAttribute(writer_, x(name), x(clean_text(value, false).c_str())), name);
    return *this;
}

XmlWriter& XmlWriter::text(std::string_view value) {
    check(xmlTextWriterWriteString(writer_, x(clean_text(value, false).c_str())), "text");
    return *this;
}

XmlWriter& XmlWriter::soft_hyphen() {
    check(xmlTextWriterWriteString(writer_, x("\xC2\xAD")), "text");
    return *this;
}

XmlWriter& XmlWriter::word_joiner() {
    check(xmlTextWriterWriteString(writer_, x("\xE2\x81\xA0")), "text");
    return *this;
}

XmlWriter& XmlWriter::close() {
    check(xmlTextWriterEndElement(writer_), "end");
    return *this;
}

XmlWriter& XmlWriter::leaf(const char* name, std::initializer_list<std::pair<const char*, std::string_view>> attributes) {
    open(name);
    for (const auto& [key, value] : attributes) attr(key, value);
    return close();
}

std::string XmlWriter::finish() {
    check(xmlTextWriterEndDocument(writer_), "end of document");
    check(xmlTextWriterFlush(writer_), "flush");
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
}

}  // namespace kartla::doc::files
