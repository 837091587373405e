#include "kartla/text_encode.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace std::string_literals;
using namespace std::string_view_literals;
namespace t = kartla::text;

namespace {

const std::string fffd = "\xEF\xBF\xBD";
const std::string swedish = "åäö ÅÄÖ é";
const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600, four bytes

// Everything the brief calls hostile, plus raw bytes no encoder may pass on.
std::vector<std::string> hostile_inputs() {
    return {
        "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "<script>alert(1)</script>",
        "\"quoted\" 'single'", "a;b;c", "a,b,c", "back\\slash\\", "line1\nline2\r\nline3\rline4",
        "\ttab\tseparated", std::string(10'000, 'x'), emoji + " glad " + emoji, swedish,
        "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF\xFE",
        "nul\0inside"s, "\0=1+1"s, "\x01\x02\x1B[31m\x7F", "\xC2\x85\xC2\x9F", "\xEF\xBF\xBE\xEF\xBF\xBF",
        "", " ", "# heading", "1. list", "| a | b |", "[x](javascript:alert(1))",
    };
}

// Deterministic pseudo-random bytes, biased towards UTF-8 lead/continuation
// bytes and ASCII specials so the decoder's edge cases are hit often.
std::string random_bytes(std::uint32_t& state, std::size_t length) {
    constexpr std::string_view interesting = "\x00\x80\xBF\xC0\xC2\xDF\xE0\xED\xEF\xF0\xF4\xF5\xFF\n\r\t;,\"'=<&\\|"sv;
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
        state = state * 1664525u + 1013904223u;
        const std::uint32_t r = state >> 8;
        out += (r & 1) ? interesting[(r >> 1) % interesting.size()] : static_cast<char>(r >> 4);
    }
    return out;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string_view::npos;
         pos = haystack.find(needle, pos + needle.size())) {
        ++n;
    }
    return n;
}

std::string repeat(std::string_view s, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += s;
    return out;
}

// Minimal RFC 4180 reader: enough to prove a written row reads back intact.
std::vector<std::string> parse_csv_row(std::string_view line, char separator) {
    std::vector<std::string> cells(1);
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_quotes) {
            if (c != '"') cells.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"') cells.back() += '"', ++i;
            else in_quotes = false;
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == separator) {
            cells.emplace_back();
        } else if (c == '\r' && line.substr(i) == "\r\n") {
            break;
        } else {
            cells.back() += c;
        }
    }
    REQUIRE_FALSE(in_quotes);
    return cells;
}

std::vector<std::string> split_crlf_lines(std::string_view folded) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto end = folded.find("\r\n"); end != std::string_view::npos;
         end = folded.find("\r\n", start)) {
        lines.emplace_back(folded.substr(start, end - start));
        start = end + 2;
    }
    CHECK(start == folded.size());  // ends in CRLF, nothing after it
    return lines;
}

std::string unfold_ics(std::string_view folded) {
    std::string out;
    const auto lines = split_crlf_lines(folded);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += i == 0 ? std::string_view(lines[i]) : std::string_view(lines[i]).substr(1);
    }
    return out;
}

void check_folding(std::string_view content_line) {
    const std::string folded = t::ics_fold(content_line);
    const auto lines = split_crlf_lines(folded);
    REQUIRE_FALSE(lines.empty());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        if (i > 0) {
            REQUIRE_FALSE(lines[i].empty());
            CHECK(lines[i].front() == ' ');
        }
        CHECK(t::is_valid_utf8(i == 0 ? lines[i] : lines[i].substr(1)));
    }
    CHECK(unfold_ics(folded) == content_line);
}

// Each Markdown special must be preceded by an odd number of backslashes.
// Every character with a meaning anywhere in a line is escaped; "+" and "-" only
// where the line starts (a list item, a rule), so dates keep their hyphens.
bool all_markdown_specials_escaped(std::string_view md) {
    constexpr std::string_view specials = "\\`*_{}[]<>#!|~&$";
    if (!md.empty() && (md.front() == '+' || md.front() == '-')) return false;
    for (std::size_t i = 0; i < md.size(); ++i) {
        if (md.substr(i, 4) == "<br>") { i += 3; continue; }
        if (md[i] == '\\') { ++i; continue; }  // skip the escaped character
        if (specials.find(md[i]) != std::string_view::npos) return false;
    }
    return true;
}

bool has_control_char(std::string_view s, bool allow_tab_and_lf) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (allow_tab_and_lf && (b == '\t' || b == '\n')) continue;
        if (b < 0x20 || b == 0x7F) return true;
        if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
    }
    return false;
}

}  // namespace

// ============================================================== UTF-8

TEST_CASE("valid_utf8 keeps well-formed text byte for byte") {
    for (const std::string& s : {"plain ASCII"s, swedish, emoji, fffd,
                                "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF"s,
                                "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"s}) {
        CHECK(t::valid_utf8(s) == s);
        CHECK(t::is_valid_utf8(s));
    }
}

TEST_CASE("valid_utf8 repairs each kind of ill-formed sequence, one U+FFFD per maximal subpart") {
    struct Case { std::string in, expected; };
    const std::vector<Case> cases = {
        {"a\x80z", "a" + fffd + "z"},                         // lone continuation byte
        {"a\xC3", "a" + fffd},                                // truncated at end
        {"\xE2\x82z", fffd + "z"},                            // truncated 3-byte: one subpart
        {"\xF0\x9F\x98z", fffd + "z"},                        // truncated 4-byte: one subpart
        {"\xC0\xAF", fffd + fffd},                            // overlong '/'
        {"\xC1\xBF", fffd + fffd},                            // overlong
        {"\xE0\x80\xAF", fffd + fffd + fffd},                 // overlong 3-byte
        {"\xF0\x80\x80\xAF", fffd + fffd + fffd + fffd},      // overlong 4-byte
        {"\xED\xA0\x80", fffd + fffd + fffd},                 // UTF-16 surrogate D800
        {"\xED\xBF\xBF", fffd + fffd + fffd},                 // surrogate DFFF
        {"\xF4\x90\x80\x80", fffd + fffd + fffd + fffd},      // U+110000
        {"\xF5\x80\x80\x80", fffd + fffd + fffd + fffd},      // lead byte beyond range
        {"\xFE\xFF", fffd + fffd},
        {"\xC3\xC3\xA5", fffd + "å"},                          // good character after garbage survives
        {"\xC0\x80", fffd + fffd},                            // overlong NUL is not NUL
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK_FALSE(t::is_valid_utf8(c.in));
        CHECK(t::valid_utf8(c.in) == c.expected);
        CHECK(t::is_valid_utf8(t::valid_utf8(c.in)));
    }
}

TEST_CASE("valid_utf8 drops NUL bytes, which is_valid_utf8 accepts as well-formed") {
    const std::string with_nul = "a\0b\0"s;
    CHECK(t::is_valid_utf8(with_nul));
    CHECK(t::valid_utf8(with_nul) == "ab");
    CHECK(t::valid_utf8("\0\0\0"s).empty());
}

TEST_CASE("valid_utf8 output is always valid and NUL-free on random bytes") {
    std::uint32_t seed = 12345;
    for (int round = 0; round < 2000; ++round) {
        const std::string in = random_bytes(seed, static_cast<std::size_t>(round % 40));
        const std::string out = t::valid_utf8(in);
        CHECK(t::is_valid_utf8(out));
        CHECK(out.find('\0') == std::string::npos);
        CHECK(t::valid_utf8(out) == out);  // idempotent
        if (t::is_valid_utf8(in)) {
            std::string without_nul = in;
            std::erase(without_nul, '\0');
            CHECK(out == without_nul);
        }
    }
}

TEST_CASE("without_control_chars drops C0, DEL and C1 but keeps printable text") {
    const std::string in = "a\x01\x1F\x7F" "b\xC2\x80\xC2\x85\xC2\x9F" "c\xC2\xA0" + swedish + emoji;
    CHECK(t::without_control_chars(in, false) == "abc\xC2\xA0" + swedish + emoji);  // NBSP is not a control
    CHECK(t::without_control_chars("a\0b"s, true) == "ab");
}

TEST_CASE("without_control_chars keeps tabs and normalises line breaks only when asked") {
    const std::string in = "a\tb\nc\r\nd\re\r\r\nf";
    CHECK(t::without_control_chars(in, true) == "a\tb\nc\nd\ne\n\nf");
    CHECK(t::without_control_chars(in, false) == "abcdef");
}

TEST_CASE("truncate_utf8 never splits a code point") {
    CHECK(t::truncate_utf8("åäö", 5) == "åä");
    CHECK(t::truncate_utf8("åäö", 6) == "åäö");
    CHECK(t::truncate_utf8("åäö", 100) == "åäö");
    CHECK(t::truncate_utf8(emoji, 3).empty());
    CHECK(t::truncate_utf8("a" + emoji, 4) == "a");
    CHECK(t::truncate_utf8("abc", 0).empty());
    CHECK(t::truncate_utf8("", 10).empty());
}

TEST_CASE("truncate_utf8 returns the longest fitting prefix, repaired") {
    const std::string in = "ab" + swedish + emoji + "\xE2\x82" "z\0y"s + emoji;
    const std::string clean = t::valid_utf8(in);
    for (std::size_t max = 0; max <= clean.size() + 1; ++max) {
        CAPTURE(max);
        const std::string out = t::truncate_utf8(in, max);
        CHECK(out.size() <= max);
        CHECK(t::is_valid_utf8(out));
        CHECK(clean.starts_with(out));
        // Maximal: the next code point of the clean text would not fit.
        if (out.size() < clean.size()) CHECK(t::truncate_utf8(clean, max) == out);
        if (max >= clean.size()) CHECK(out == clean);
    }
}

// ============================================================== CSV

TEST_CASE("csv_cell leaves plain values alone") {
    CHECK(t::csv_cell("Trygghetsvandring", ';') == "Trygghetsvandring");
    CHECK(t::csv_cell(swedish, ';') == swedish);
    CHECK(t::csv_cell(emoji, ';') == emoji);
    CHECK(t::csv_cell("", ';').empty());
    CHECK(t::csv_cell("1-2", ';') == "1-2");  // '-' only matters first
    CHECK(t::csv_cell("a=b", ';') == "a=b");
}

TEST_CASE("csv_cell quotes separators, quotes and line breaks") {
    CHECK(t::csv_cell("a;b", ';') == "\"a;b\"");
    CHECK(t::csv_cell("a,b", ';') == "\"a,b\"");  // safe if a reader guesses ','
    CHECK(t::csv_cell("a;b", ',') == "\"a;b\"");
    CHECK(t::csv_cell("a\tb", '\t') == "\"a\tb\"");
    CHECK(t::csv_cell("say \"hej\"", ';') == "\"say \"\"hej\"\"\"");
    CHECK(t::csv_cell("rad 1\nrad 2", ';') == "\"rad 1\nrad 2\"");
    CHECK(t::csv_cell("rad 1\r\nrad 2", ';') == "\"rad 1\nrad 2\"");
    CHECK(t::csv_cell(" padded ", ';') == "\" padded \"");
    CHECK(t::csv_cell("back\\slash", ';') == "back\\slash");
}

TEST_CASE("csv_cell neutralises formula injection with an apostrophe inside the quotes") {
    CHECK(t::csv_cell("=HYPERLINK(\"http://x\")", ';') == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(t::csv_cell("+1", ';') == "\"'+1\"");
    CHECK(t::csv_cell("-2", ';') == "\"'-2\"");
    CHECK(t::csv_cell("@SUM(A1)", ';') == "\"'@SUM(A1)\"");
    for (const std::string& in : {"\t=1"s, "\r=1"s, "\n=1"s, "=1;2"s}) {
        CAPTURE(in);
        CHECK(t::csv_cell(in, ';').starts_with("\"'"));
    }
    // A formula hidden behind characters that get dropped is still caught.
    CHECK(t::csv_cell("\0=1+1"s, ';') == "\"'=1+1\"");
    CHECK(t::csv_cell("\x01\xC2\x85@x", ';') == "\"'@x\"");
}

TEST_CASE("csv_cell repairs invalid UTF-8 and drops control characters") {
    CHECK(t::csv_cell("a\xFFz", ';') == "a" + fffd + "z");
    CHECK(t::csv_cell("a\x01\x1B" "b\x7F", ';') == "ab");
}

TEST_CASE("csv_cell rejects separators no reader could split on") {
    for (const char bad : {'"', '\r', '\n', '\0', '\xC3'}) {
        CAPTURE(static_cast<int>(static_cast<unsigned char>(bad)));
        CHECK_THROWS_AS(t::csv_cell("x", bad), std::invalid_argument);
        CHECK_THROWS_AS(t::csv_row({"x"}, bad), std::invalid_argument);
    }
    CHECK_NOTHROW(t::csv_cell("x", '\t'));
}

TEST_CASE("csv_row joins cells and ends with CRLF") {
    CHECK(t::csv_row({"Åtgärd", "Ansvarig", "Klart"}, ';') == "Åtgärd;Ansvarig;Klart\r\n");
    CHECK(t::csv_row({"a;b", "=1", ""}, ';') == "\"a;b\";\"'=1\";\r\n");
    CHECK(t::csv_row({}, ';') == "\r\n");
    CHECK(t::csv_row({""}, ';') == "\"\"\r\n");        // not a blank line
    CHECK(t::csv_row({"\x01"}, ';') == "\"\"\r\n");    // empty once cleaned
    CHECK(t::csv_row({"", ""}, ';') == ";\r\n");
}

TEST_CASE("csv_row reads back intact for every hostile value") {
    for (const char separator : {';', ',', '\t'}) {
        const auto inputs = hostile_inputs();
        const std::string row = t::csv_row(inputs, separator);
        CHECK(t::is_valid_utf8(row));
        CHECK(row.ends_with("\r\n"));
        const auto cells = parse_csv_row(row, separator);
        REQUIRE(cells.size() == inputs.size());
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            CAPTURE(inputs[i]);
            std::string expected = t::without_control_chars(inputs[i], true);
            if (!expected.empty() && std::string_view("=+-@\t\n").find(expected.front()) !=
                                         std::string_view::npos) {
                expected.insert(0, "'");
            }
            CHECK(cells[i] == expected);
        }
    }
}

TEST_CASE("utf8_bom is the three BOM bytes") {
    CHECK(t::utf8_bom == "\xEF\xBB\xBF"sv);
    CHECK(t::utf8_bom.size() == 3);
}

// ============================================================== HTML

TEST_CASE("html_escape disarms markup") {
    const std::string out = t::html_escape("<script>alert(1)</script>");
    CHECK(out == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(out.find('<') == std::string::npos);
    CHECK(t::html_escape("a & b \"c\" 'd'") == "a &amp; b &quot;c&quot; &#39;d&#39;");
    CHECK(t::html_escape("&amp;") == "&amp;amp;");  // text, not markup: escaped again
}

TEST_CASE("html_escape keeps text, repairs UTF-8 and drops controls") {
    CHECK(t::html_escape(swedish + emoji) == swedish + emoji);
    CHECK(t::html_escape("a\xC0\xAF" "b") == "a" + fffd + fffd + "b");
    CHECK(t::html_escape("a\0b\x01\x7F" "c\r\nd\te"s) == "abc\nd\te");
}

// ============================================================== Markdown

TEST_CASE("markdown_inline escapes every special character") {
    CHECK(t::markdown_inline("\\`*_{}[]<>#+-!|~&$") ==
          "\\\\\\`\\*\\_\\{\\}\\[\\]\\<\\>\\#+-\\!\\|\\~\\&\\$");
    CHECK(t::markdown_inline("**fet** _kursiv_") == "\\*\\*fet\\*\\* \\_kursiv\\_");
    CHECK(t::markdown_inline("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))");
    CHECK(t::markdown_inline("<script>alert(1)</script>") ==
          "\\<script\\>alert(1)\\</script\\>");
    CHECK(t::markdown_inline("a | b") == "a \\| b");
}

TEST_CASE("markdown_inline leaves ordinary Swedish prose readable") {
    CHECK(t::markdown_inline("Kl. 18.00 i Folkets hus, " + swedish + " " + emoji) ==
          "Kl. 18.00 i Folkets hus, " + swedish + " " + emoji);
}

// Issue 23: the plan's Markdown showed "2023\-12\-06". A hyphen or plus means
// something only where a line starts.
TEST_CASE("markdown_inline leaves dates, ranges and phone numbers as they are") {
    CHECK(t::markdown_inline("2023-12-06") == "2023-12-06");
    CHECK(t::markdown_inline("Kvällstid 18-22, vecka 12-14") == "Kvällstid 18-22, vecka 12-14");
    CHECK(t::markdown_inline("Växel +46 31-123 45") == "Växel +46 31-123 45");
    CHECK(t::markdown_inline("---") == "\\---");  // still no rule
    CHECK(t::markdown_inline("-1 grad") == "\\-1 grad");
}

TEST_CASE("markdown_inline turns every line break into <br>") {
    CHECK(t::markdown_inline("rad 1\nrad 2") == "rad 1<br>rad 2");
    CHECK(t::markdown_inline("a\r\nb\rc\n\nd") == "a<br>b<br>c<br><br>d");
    CHECK(t::markdown_inline("a\tb") == "a b");
    CHECK(t::markdown_inline("a\x01\x7F" "b\0c"s) == "abc");
}

TEST_CASE("markdown_inline cannot start a block") {
    CHECK(t::markdown_inline("# Rubrik") == "\\# Rubrik");
    CHECK(t::markdown_inline("- punkt") == "\\- punkt");
    CHECK(t::markdown_inline("+ punkt") == "\\+ punkt");
    CHECK(t::markdown_inline("* punkt") == "\\* punkt");
    CHECK(t::markdown_inline("> citat") == "\\> citat");
    CHECK(t::markdown_inline("1. första") == "1\\. första");
    CHECK(t::markdown_inline("12) andra") == "12\\) andra");
    CHECK(t::markdown_inline("2024") == "2024");
    CHECK(t::markdown_inline("===") == "\\===");
    CHECK(t::markdown_inline("```") == "\\`\\`\\`");
    CHECK(t::markdown_inline("    kod") == "kod");              // no indented code block
    CHECK(t::markdown_inline("\n\n  text  \n") == "text");        // no hard break, no blank rows
    CHECK(t::markdown_inline(" \t\n").empty());
}

TEST_CASE("markdown_inline output is one line with every special escaped") {
    for (const auto& in : hostile_inputs()) {
        CAPTURE(in);
        const std::string out = t::markdown_inline(in);
        CHECK(t::is_valid_utf8(out));
        CHECK(out.find_first_of("\r\n"s + '\0') == std::string::npos);
        CHECK(all_markdown_specials_escaped(out));
    }
}

// ============================================================== iCalendar

TEST_CASE("ics_text escapes TEXT specials") {
    CHECK(t::ics_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
    CHECK(t::ics_text("rad 1\r\nrad 2") == "rad 1\\nrad 2");
    CHECK(t::ics_text("a\rb") == "ab");
    CHECK(t::ics_text("a\tb") == "a\tb");
    CHECK(t::ics_text("a\x01\x7F\xC2\x85" "b\0c"s) == "abc");
    CHECK(t::ics_text("Möte: \"Torget\"") == "Möte: \"Torget\"");  // ':' and '"' are legal TEXT
    CHECK(t::ics_text(swedish + emoji) == swedish + emoji);
    CHECK(t::ics_text("\xE2\x82") == fffd);
}

TEST_CASE("ics_text output holds no raw line break and no unescaped , or ,") {
    for (const auto& in : hostile_inputs()) {
        CAPTURE(in);
        const std::string out = t::ics_text(in);
        CHECK(t::is_valid_utf8(out));
        CHECK(out.find_first_of("\r\n"s + '\0') == std::string::npos);
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] == '\\') { ++i; continue; }
            CHECK(out[i] != ';');
            CHECK(out[i] != ',');
        }
    }
}

TEST_CASE("ics_fold leaves short lines alone and adds CRLF") {
    CHECK(t::ics_fold("SUMMARY:Möte") == "SUMMARY:Möte\r\n");
    CHECK(t::ics_fold("") == "\r\n");
    const std::string exactly_75(75, 'x');
    CHECK(t::ics_fold(exactly_75) == exactly_75 + "\r\n");
    CHECK(t::ics_fold(exactly_75 + "y") == exactly_75 + "\r\n y\r\n");
}

TEST_CASE("ics_fold keeps 200 Swedish characters within 75 octets without splitting them") {
    check_folding("DESCRIPTION:" + repeat("å", 200));
    check_folding("DESCRIPTION:x" + repeat("åäö", 70));   // odd offset for two-byte letters
    check_folding("DESCRIPTION:" + repeat(emoji, 60));
    check_folding("DESCRIPTION:ab" + repeat(emoji + "é", 40));
    check_folding(std::string(10'000, 'x'));
    check_folding("DESCRIPTION:" + t::ics_text(repeat("Trygghet; " + swedish + ", " + emoji + "\n", 30)));
    CHECK(split_crlf_lines(t::ics_fold("DESCRIPTION:" + repeat("å", 200))).size() == 6);
}

TEST_CASE("ics_fold cannot be used to inject a property") {
    const std::string folded = t::ics_fold("SUMMARY:x\r\nATTACH:http://evil\nEND:VEVENT");
    CHECK(folded == "SUMMARY:xATTACH:http://evilEND:VEVENT\r\n");
    CHECK(t::ics_fold("SUMMARY:x\r\n") == "SUMMARY:x\r\n");
    CHECK(t::ics_fold("SUMMARY:\xFF\0"s) == "SUMMARY:" + fffd + "\r\n");
}

// ============================================================== XML

TEST_CASE("xml_escape escapes markup and line breaks") {
    CHECK(t::xml_escape("<a href=\"x\">'&'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    CHECK(t::xml_escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
    CHECK(t::xml_escape("]]>") == "]]&gt;");
}

TEST_CASE("xml_escape drops what XML 1.0 cannot hold and keeps the rest") {
    CHECK(t::xml_escape("a\0b\x01\x08\x0B\x0C\x1F" "c"s) == "abc");
    CHECK(t::xml_escape("a\xEF\xBF\xBE\xEF\xBF\xBF" "b") == "ab");  // U+FFFE, U+FFFF
    CHECK(t::xml_escape(fffd + swedish + emoji) == fffd + swedish + emoji);
    CHECK(t::xml_escape("\xED\xA0\x80") == fffd + fffd + fffd);  // surrogate repaired, not emitted
    CHECK(t::xml_escape("\x7F\xC2\x85") == "\x7F\xC2\x85");      // legal XML 1.0
    CHECK(t::xml_escape(t::without_control_chars("a\x7F\xC2\x85" "b\r\nc", true)) == "ab&#10;c");
}

// ============================================================== all together

TEST_CASE("every encoder survives hostile and random input with valid UTF-8 output") {
    auto inputs = hostile_inputs();
    std::uint32_t seed = 99;
    for (int i = 0; i < 500; ++i) inputs.push_back(random_bytes(seed, static_cast<std::size_t>(i % 64)));
    for (const auto& in : inputs) {
        CAPTURE(in);
        CHECK(t::is_valid_utf8(t::valid_utf8(in)));
        CHECK_FALSE(has_control_char(t::without_control_chars(in, false), false));
        CHECK_FALSE(has_control_char(t::without_control_chars(in, true), true));
        CHECK(t::truncate_utf8(in, 7).size() <= 7);
        CHECK(t::is_valid_utf8(t::truncate_utf8(in, 7)));

        const std::string cell = t::csv_cell(in, ';');
        CHECK(t::is_valid_utf8(cell));
        CHECK(parse_csv_row(t::csv_row({in, "end"}, ';'), ';').size() == 2);

        const std::string html = t::html_escape(in);
        CHECK(t::is_valid_utf8(html));
        CHECK(html.find_first_of("<>\"'"s + '\0') == std::string::npos);
        CHECK_FALSE(has_control_char(html, true));

        const std::string md = t::markdown_inline(in);
        CHECK(t::is_valid_utf8(md));
        CHECK(all_markdown_specials_escaped(md));

        const std::string ics = t::ics_text(in);
        CHECK(t::is_valid_utf8(ics));
        CHECK(ics.find_first_of("\r\n"s + '\0') == std::string::npos);
        check_folding("DESCRIPTION:" + ics);

        const std::string xml = t::xml_escape(in);
        CHECK(t::is_valid_utf8(xml));
        CHECK(xml.find_first_of("<>\"'\t\r\n"s + '\0') == std::string::npos);
    }
}

TEST_CASE("a megabyte of worst-case input is handled in one pass") {
    // Quadratic code would take minutes here; linear code takes milliseconds.
    const std::string big = repeat("\xE2\x82" "=;\"\n<&|" + emoji + "å", 80'000);
    CHECK(t::is_valid_utf8(t::valid_utf8(big)));
    CHECK(t::csv_cell(big, ';').starts_with("\"" + fffd + "="));  // U+FFFD first: no formula
    CHECK(t::html_escape(big).find('<') == std::string::npos);
    CHECK(count(t::markdown_inline(big), "<br>") == 80'000);
    CHECK(t::ics_fold(t::ics_text(big)).ends_with("\r\n"));
    CHECK(t::xml_escape(big).size() > big.size());
    CHECK(t::truncate_utf8(big, 500'000).size() <= 500'000);
}

TEST_CASE("every encoder drops bidi controls, zero-width characters and the soft hyphen") {
    const std::string hostile = "Rapport\u202Egpj.exe\u202C 85\u200B07\u200C09\u200D-\u206098\uFEFF05 kom\u00ADmun \u2066x\u2069"
                                "\u200E\u200F\u061C";
    const std::string shown = "Rapportgpj.exe 850709-9805 kommun x";
    CHECK(t::without_control_chars(hostile, true) == shown);
    CHECK(t::without_control_chars(hostile, false) == shown);
    CHECK(t::html_escape(hostile) == shown);
    CHECK(t::xml_escape(hostile) == shown);
    CHECK(t::ics_text(hostile) == shown);
    CHECK(t::ics_fold("X:" + hostile) == "X:" + shown + "\r\n");
    CHECK(t::csv_cell(hostile, ';') == shown);
    CHECK(t::markdown_inline(hostile) == "Rapportgpj.exe 850709-9805 kommun x");
    for (char32_t c : {U'\u00AD', U'\u061C', U'\u200B', U'\u200F', U'\u202A', U'\u202E', U'\u2060', U'\u2066', U'\u2069',
                       U'\uFEFF'})
        CHECK(t::is_invisible_format_char(c));
    for (char32_t c : {U'a', U'å', U'\u00A0', U'\u2010', U'\u2028', U'\u2065', U'\uFFFD', U'\U0001F600'})
        CHECK_FALSE(t::is_invisible_format_char(c));
    // Visible text around them, Swedish letters and emoji included, is kept.
    CHECK(t::html_escape("Åsa\u200B-gruppen 😀") == "Åsa-gruppen 😀");
}
