#pragma once
// A small RAII face on libxml2's xmlTextWriter: elements, attributes and text
// into memory, escaped and well-formed by libxml2. Every text is cleaned first
// (valid UTF-8, no character XML 1.0 cannot hold), since it comes from a
// workshop file that many people typed into.
#include <string>
#include <string_view>

typedef struct _xmlTextWriter* xmlTextWriterPtr;
typedef struct _xmlBuffer* xmlBufferPtr;

namespace kartla::doc::files {

class XmlWriter {
public:
    XmlWriter();  // starts the document: XML 1.0, UTF-8, standalone
    ~XmlWriter();
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    XmlWriter& open(const char* name);
    // attr/text before the next open() or close() belong to the open element.
    XmlWriter& attr(const char* name, std::string_view value);
    XmlWriter& text(std::string_view value);
    // U+00AD, which text() drops with the other invisible characters: where a word may break.
    XmlWriter& soft_hyphen();
    XmlWriter& word_joiner();  // U+2060, which text() drops with the other invisible characters
    XmlWriter& close();
    // An element with attributes only: leaf("w:b") or leaf("w:sz", {{"w:val", "20"}}).
    XmlWriter& leaf(const char* name, std::initializer_list<std::pair<const char*, std::string_view>> attributes = {});

    // Ends every open element and the document; the writer is done after this.
    std::string finish();

private:
    xmlBufferPtr buffer_;
    xmlTextWriterPtr writer_;
};

// What a document may show of a text from the file: repaired UTF-8 without
// control or invisible characters; line breaks kept when `lines`.
std::string clean_text(std::string_view value, bool lines);

}  // namespace kartla::doc::files
