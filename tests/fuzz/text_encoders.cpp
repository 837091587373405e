// Every encoder of text_encode.hpp and the personal-data guard, fed arbitrary
// bytes; the promises written in their headers are checked on each output.
#include "fuzz_bodies.hpp"
#include "kartla/privacy.hpp"
#include "kartla/text_encode.hpp"

#include <string_view>
#include <vector>

namespace kartla::fuzz {

namespace {

constexpr const char* kTarget = "text_encoders";

void require(bool holds, const std::string& what) {
    if (!holds) fail(kTarget, what);
}

// C0 and DEL; C1 (two bytes in UTF-8) is checked by the encoders' own tests.
bool has_control(std::string_view s, std::string_view allowed, bool del_is_control = true) {
    for (unsigned char c : s)
        if ((c < 0x20 || (del_is_control && c == 0x7F)) && allowed.find(char(c)) == std::string_view::npos) return true;
    return false;
}

void require_clean_utf8(const std::string& out, const char* function) {
    require(text::is_valid_utf8(out), std::string(function) + " returned invalid UTF-8");
    require(out.find('\0') == std::string::npos, std::string(function) + " returned a NUL byte");
}

void check_utf8_hygiene(std::string_view in) {
    std::string repaired = text::valid_utf8(in);
    require_clean_utf8(repaired, "valid_utf8");
    require(text::valid_utf8(repaired) == repaired, "valid_utf8 is not idempotent");
    if (text::is_valid_utf8(in) && in.find('\0') == std::string_view::npos)
        require(repaired == in, "valid_utf8 changed well-formed text");

    for (bool keep : {false, true}) {
        std::string clean = text::without_control_chars(in, keep);
        require_clean_utf8(clean, "without_control_chars");
        require(!has_control(clean, keep ? "\t\n" : ""), "without_control_chars left a control character");
    }
    for (std::size_t max : {std::size_t(0), std::size_t(1), std::size_t(3), in.size() / 2, in.size()}) {
        std::string cut = text::truncate_utf8(in, max);
        require(cut.size() <= max, "truncate_utf8 is longer than allowed");
        require_clean_utf8(cut, "truncate_utf8");
        require(repaired.compare(0, cut.size(), cut) == 0, "truncate_utf8 is not a prefix of valid_utf8");
    }
}

// An RFC 4180 reader gets the cell back: quoted cells have only doubled inner quotes.
void check_csv(std::string_view in, char separator) {
    std::string cell = text::csv_cell(in, separator);
    require_clean_utf8(cell, "csv_cell");
    require(cell.find('\r') == std::string::npos, "csv_cell kept a CR");
    bool quoted = cell.size() >= 2 && cell.front() == '"' && cell.back() == '"';
    if (quoted) {
        std::string_view inner(cell.data() + 1, cell.size() - 2);
        for (std::size_t i = 0; i < inner.size(); ++i)
            if (inner[i] == '"') require(i + 1 < inner.size() && inner[++i] == '"', "csv_cell left a lone quote inside");
    } else {
        for (char c : {separator, '"', ',', ';', '\n', '\t'})
            require(cell.find(c) == std::string::npos, "csv_cell did not quote a special character");
        require(cell.empty() || std::string_view("=+-@").find(cell.front()) == std::string_view::npos,
                "csv_cell left a formula unquoted");
    }
    std::string row = text::csv_row({std::string(in), std::string(in)}, separator);
    require(row.size() >= 2 && row.compare(row.size() - 2, 2, "\r\n") == 0, "csv_row does not end in CRLF");
}

void check_markup(std::string_view in) {
    std::string html = text::html_escape(in);
    require_clean_utf8(html, "html_escape");
    require(html.find_first_of("<>\"'") == std::string::npos, "html_escape left markup");

    std::string markdown = text::markdown_inline(in);
    require_clean_utf8(markdown, "markdown_inline");
    require(markdown.find_first_of("\r\n") == std::string::npos, "markdown_inline left a line break");

    std::string xml = text::xml_escape(in);
    require(text::is_valid_utf8(xml), "xml_escape returned invalid UTF-8");
    require(xml.find_first_of("<>\"'") == std::string::npos, "xml_escape left markup");
    // DEL is legal XML and kept (text_encode.hpp); C0 controls are not.
    require(!has_control(xml, "", /*del_is_control=*/false), "xml_escape left a control character");
}

void check_ics(std::string_view in) {
    std::string value = text::ics_text(in);
    require_clean_utf8(value, "ics_text");
    require(!has_control(value, "\t"), "ics_text left a control character");
    std::string folded = text::ics_fold("DESCRIPTION:" + value);
    require(text::is_valid_utf8(folded), "ics_fold returned invalid UTF-8");
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        std::size_t end = folded.find("\r\n", start);
        require(end != std::string::npos, "ics_fold output does not end in CRLF");
        require(end - start <= 75, "ics_fold made a line longer than 75 octets");
        require(first || folded[start] == ' ', "an ics_fold continuation does not start with a space");
        require(text::is_valid_utf8(std::string_view(folded).substr(start, end - start)), "ics_fold split a character");
        start = end + 2;
        if (start == folded.size()) break;
    }
    // Raw input may hold CR and LF, which would start a new property: only the
    // folds and the final CRLF may remain.
    std::string raw = text::ics_fold(in);
    for (auto fold = raw.find("\r\n "); fold != std::string::npos; fold = raw.find("\r\n ")) raw.erase(fold, 3);
    require(raw.find_first_of("\r\n") == raw.size() - 2, "ics_fold let a raw line break through");
}

void check_privacy(std::string_view in, const std::uint8_t* data, std::size_t size) {
    auto hits = privacy::find_personal_data(in);
    std::size_t previous_end = 0;
    for (const auto& hit : hits) {
        require(hit.begin >= previous_end, "find_personal_data returned unsorted or overlapping hits");
        require(hit.length > 0 && hit.begin + hit.length <= in.size(), "a hit lies outside the text");
        previous_end = hit.begin + hit.length;
    }
    std::string redacted = privacy::redact(in);
    require(privacy::contains_personal_data(in) == !hits.empty(), "contains_personal_data disagrees");
    if (text::is_valid_utf8(in)) require(text::is_valid_utf8(redacted), "redact broke valid UTF-8");
    // mask must tolerate any hits at all: build some from the input bytes.
    std::vector<privacy::Hit> arbitrary;
    for (std::size_t i = 0; i + 2 < size && arbitrary.size() < 16; i += 3)
        arbitrary.push_back({privacy::HitKind(data[i] % 4), std::size_t(data[i + 1]) * 7, std::size_t(data[i + 2])});
    (void)privacy::mask(in, arbitrary);
}

}  // namespace

int text_encoders(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    check_utf8_hygiene(in);
    check_csv(in, ';');
    check_csv(in, ',');
    check_csv(in, '\t');
    check_markup(in);
    check_ics(in);
    check_privacy(in, data, size);
    return 0;
}

}  // namespace kartla::fuzz
