#include "export_checks.hpp"

#include "kartla/privacy.hpp"
#include "kartla/text_encode.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace kartla::fuzz {

namespace {

using Record = std::vector<std::string>;

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Reads RFC 4180 records (CRLF or LF ends); returns false on malformed quoting.
bool read_csv(std::string_view csv, char separator, std::vector<Record>& records) {
    Record record(1);
    bool quoted = false, after_quote = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        char c = csv[i];
        if (quoted) {
            if (c != '"') record.back() += c;
            else if (i + 1 < csv.size() && csv[i + 1] == '"') record.back() += csv[++i];
            else quoted = false, after_quote = true;
            continue;
        }
        if (c == separator) record.emplace_back(), after_quote = false;
        else if (c == '\n' || (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n')) {
            if (c == '\r') ++i;
            records.push_back(std::move(record));
            record.assign(1, {});
            after_quote = false;
        } else if (after_quote) return false;  // text after a closing quote
        else if (c == '"' && record.back().empty()) quoted = true;
        else record.back() += c;
    }
    if (quoted) return false;
    if (record.size() > 1 || !record.back().empty()) records.push_back(std::move(record));
    return true;
}

bool is_blank(const Record& record) { return record.size() == 1 && record.front().empty(); }

}  // namespace

std::string check_csv(std::string_view csv, char separator) {
    if (starts_with(csv, text::utf8_bom)) csv.remove_prefix(text::utf8_bom.size());
    std::vector<Record> records;
    if (!read_csv(csv, separator, records)) return "CSV with broken quoting";
    // One table per file: a header row, then rows of its width, no blank line.
    if (records.empty()) return "an empty CSV";
    const std::size_t width = records.front().size();
    for (const auto& record : records) {
        if (is_blank(record)) return "a blank line in a CSV table";
        if (record.size() != width)
            return "a CSV row of " + std::to_string(record.size()) + " cells in a table of " + std::to_string(width);
    }
    return {};
}

std::string check_ics(std::string_view ics) {
    if (ics.empty() || !ics.ends_with("\r\n")) return "iCalendar not ending in CRLF";
    for (std::size_t start = 0; start < ics.size();) {
        std::size_t end = ics.find('\n', start);
        if (end == 0 || ics[end - 1] != '\r') return "an iCalendar line ends without CR";
        if (end - 1 - start > 75) return "an iCalendar line longer than 75 octets";
        start = end + 1;
    }
    return {};
}

namespace {

// Whether every occurrence of `stretch` in `text` lies inside one of its hits.
bool only_inside_hits(std::string_view text, std::string_view stretch) {
    auto hits = privacy::find_personal_data(text);
    for (auto at = text.find(stretch); at != std::string_view::npos; at = text.find(stretch, at + 1)) {
        bool covered = std::any_of(hits.begin(), hits.end(), [&](const privacy::Hit& hit) {
            return hit.begin <= at && at + stretch.size() <= hit.begin + hit.length;
        });
        if (!covered) return false;
    }
    return true;
}

}  // namespace

std::vector<std::string> personal_data_in(const std::vector<std::string>& texts) {
    std::vector<std::string> out;
    for (const auto& text : texts)
        for (const auto& hit : privacy::find_personal_data(text)) {
            std::string stretch = text.substr(hit.begin, hit.length);
            bool always_a_hit = std::all_of(texts.begin(), texts.end(),
                                            [&](const std::string& other) { return only_inside_hits(other, stretch); });
            if (always_a_hit) out.push_back(std::move(stretch));
        }
    return out;
}

std::string check_redacted(std::string_view content, const std::vector<std::string>& personal) {
    for (const auto& stretch : personal)
        if (content.find(stretch) != std::string_view::npos) return "masked export shows personal data: " + stretch;
    return {};
}

std::string check_markup(std::string_view markup) {
    std::string lower(markup);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower.find("<script") != std::string::npos) return "workshop text became markup (<script)";
    return {};
}

namespace {

// The first invisible format character (bidi control, zero-width, soft hyphen)
// in well-formed UTF-8, or 0: no export may carry one.
char32_t invisible_in(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? lead : lead & (0x7F >> length);
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) c = (c << 6) | (utf8[i + k] & 0x3F);
        if (text::is_invisible_format_char(c)) return c;
        i += length;
    }
    return 0;
}

}  // namespace

std::string check_export(std::string_view extension, const std::string& content, char csv_separator,
                         bool input_valid_utf8) {
    if (content.empty()) return "the file is empty";
    if (extension == ".png") return starts_with(content, "\x89PNG\r\n\x1a\n") ? "" : "not a PNG file";
    if (extension == ".pdf") return starts_with(content, "%PDF-") ? "" : "not a PDF file";
    // Office documents are zip files of XML: XLSX, DOCX and ODT.
    if (extension == ".xlsx" || extension == ".docx" || extension == ".odt")
        return starts_with(content, "PK\x03\x04") ? "" : "not an office document (zip) file";
    if (input_valid_utf8 && !text::is_valid_utf8(content)) return "invalid UTF-8 from valid input";
    std::string_view body = content;
    if (starts_with(body, text::utf8_bom)) body.remove_prefix(text::utf8_bom.size());  // the file's own, for Excel
    if (text::is_valid_utf8(body))
        if (char32_t c = invisible_in(body)) return "an invisible format character U+" + std::to_string(unsigned(c)) + " came out";
    if (extension == ".csv") return check_csv(content, csv_separator);
    if (extension == ".ics") return check_ics(content);
    if (extension == ".html" || extension == ".svg") return check_markup(content);
    return {};
}

}  // namespace kartla::fuzz
