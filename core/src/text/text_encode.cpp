#include "kartla/text_encode.hpp"

#include <stdexcept>

namespace kartla::text {
namespace {

constexpr char32_t replacement_character = U'\uFFFD';
constexpr std::string_view replacement_utf8 = "\xEF\xBF\xBD";

// What a lead byte promises. The allowed range of the *second* byte is where
// overlongs, surrogates and code points above U+10FFFF are ruled out, which
// is why it is per lead byte (Unicode Table 3-7).
struct LeadByteRule {
    std::size_t sequence_length;  // 0: the byte can never start a sequence
    unsigned char second_min;
    unsigned char second_max;
};

constexpr LeadByteRule rule_for_lead_byte(unsigned char lead) {
    if (lead < 0x80) return {1, 0, 0};
    if (lead < 0xC2) return {0, 0, 0};  // continuation byte, or overlong C0/C1
    if (lead < 0xE0) return {2, 0x80, 0xBF};
    if (lead == 0xE0) return {3, 0xA0, 0xBF};  // overlong below
    if (lead == 0xED) return {3, 0x80, 0x9F};  // surrogates above
    if (lead < 0xF0) return {3, 0x80, 0xBF};
    if (lead == 0xF0) return {4, 0x90, 0xBF};  // overlong below
    if (lead < 0xF4) return {4, 0x80, 0xBF};
    if (lead == 0xF4) return {4, 0x80, 0x8F};  // above U+10FFFF beyond
    return {0, 0, 0};                          // F5..FF
}

struct CodePoint {
    char32_t value;          // U+FFFD for an ill-formed subpart
    std::string_view utf8;   // bytes to emit: the input's, or U+FFFD's
    bool well_formed = true; // false only for a repaired subpart, not for a real U+FFFD
};

// Walks `in` one code point at a time. An ill-formed subpart is consumed up to
// the first byte that cannot continue it, so that byte is retried as a lead
// byte: one U+FFFD per maximal subpart, and a good character after garbage is
// never swallowed.
class CodePointReader {
public:
    explicit CodePointReader(std::string_view in) : in_(in) {}

    bool done() const { return position_ >= in_.size(); }

    CodePoint next() {
        const std::size_t start = position_;
        const auto lead = byte_at(start);
        const LeadByteRule rule = rule_for_lead_byte(lead);
        ++position_;
        if (rule.sequence_length == 1) return {lead, in_.substr(start, 1)};
        if (rule.sequence_length == 0) return ill_formed();

        char32_t value = lead & (0xFFu >> (rule.sequence_length + 1));
        for (std::size_t i = 1; i < rule.sequence_length; ++i) {
            if (done()) return ill_formed();
            const auto byte = byte_at(position_);
            const unsigned char min = i == 1 ? rule.second_min : 0x80;
            const unsigned char max = i == 1 ? rule.second_max : 0xBF;
            if (byte < min || byte > max) return ill_formed();
            value = (value << 6) | (byte & 0x3Fu);
            ++position_;
        }
        return {value, in_.substr(start, rule.sequence_length)};
    }

private:
    unsigned char byte_at(std::size_t i) const { return static_cast<unsigned char>(in_[i]); }
    static CodePoint ill_formed() { return {replacement_character, replacement_utf8, false}; }

    std::string_view in_;
    std::size_t position_ = 0;
};

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// What no export shows: control characters and the invisible format characters.
bool is_dropped(char32_t c) { return is_control(c) || is_invisible_format_char(c); }

// ASCII punctuation and whitespace never occur inside a multi-byte UTF-8
// sequence, so once text is valid UTF-8 the escapers below may work on bytes.
std::string replace_bytes(std::string_view clean, std::string_view (*replacement)(char)) {
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (const char c : clean) {
        const std::string_view r = replacement(c);
        if (r.empty()) out += c;
        else out += r;
    }
    return out;
}

// ---------------------------------------------------------------- CSV helpers

void require_usable_separator(char separator) {
    const auto byte = static_cast<unsigned char>(separator);
    if (separator == '"' || separator == '\r' || separator == '\n' || separator == '\0' ||
        byte >= 0x80) {
        throw std::invalid_argument("kartla::text: unusable CSV separator");
    }
}

// OWASP's list: spreadsheets evaluate a cell starting with these.
bool starts_like_formula(std::string_view text) {
    if (text.empty()) return false;
    switch (text.front()) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': case '\n': return true;
        default: return false;
    }
}

bool needs_quotes(std::string_view text, char separator) {
    if (text.empty()) return false;
    if (text.front() == ' ' || text.back() == ' ') return true;
    for (const char c : text) {
        if (c == separator || c == '"' || c == ',' || c == ';' || c == '\t' || c == '\n' ||
            c == '\r') {
            return true;
        }
    }
    return false;
}

std::string quoted(std::string_view text, bool neutralise_formula) {
    std::string out;
    out.reserve(text.size() + 4);
    out += '"';
    if (neutralise_formula) out += '\'';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// ---------------------------------------------------------------- Markdown helpers

// Characters with a meaning anywhere in a line. "-" and "+" mean something only
// where a line starts (a list item, a rule), so a date or a phone number keeps
// its hyphens (block_marker_position escapes them there).
bool is_markdown_special(char c) {
    constexpr std::string_view specials = "\\`*_{}[]<>#!|~&$";
    return specials.find(c) != std::string_view::npos;
}

std::string_view trim_whitespace(std::string_view text) {
    constexpr std::string_view whitespace = " \t\n";
    const std::size_t first = text.find_first_not_of(whitespace);
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(whitespace);
    return text.substr(first, last - first + 1);
}

// Index of a character that would open a block only at the start of a line
// and that is not escaped everywhere: "=" or "-" (setext underline, rule, list
// item), "+" (list item) or the delimiter of an ordered-list marker
// ("12." / "12)"); npos if none.
std::size_t block_marker_position(std::string_view text) {
    if (!text.empty() && (text.front() == '=' || text.front() == '-' || text.front() == '+')) return 0;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    const bool is_list_marker =
        digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
    return is_list_marker ? digits : std::string_view::npos;
}

// ---------------------------------------------------------------- iCalendar / XML helpers

constexpr std::size_t ics_max_line_octets = 75;

bool is_xml10_char(char32_t c) {
    if (c < 0x20) return c == U'\t' || c == U'\n' || c == U'\r';
    return c != 0xFFFE && c != 0xFFFF;  // surrogates never leave the reader
}

std::string_view xml_reference_for(char32_t c) {
    switch (c) {
        case U'&': return "&amp;";
        case U'<': return "&lt;";
        case U'>': return "&gt;";
        case U'"': return "&quot;";
        case U'\'': return "&apos;";
        case U'\t': return "&#9;";
        case U'\n': return "&#10;";
        case U'\r': return "&#13;";
        default: return {};
    }
}

}  // namespace

bool is_invisible_format_char(char32_t c) {
    return c == 0x00AD                     // soft hyphen
           || c == 0x061C                  // Arabic letter mark
           || (c >= 0x200B && c <= 0x200F)  // zero-width space, non-joiner, joiner; LRM, RLM
           || (c >= 0x202A && c <= 0x202E)  // bidi embeddings and overrides
           || (c >= 0x2060 && c <= 0x2064)  // word joiner, invisible operators
           || (c >= 0x2066 && c <= 0x2069)  // bidi isolates
           || c == 0xFEFF;                 // zero-width no-break space (BOM)
}

// ---------------------------------------------------------------- UTF-8 hygiene

std::string valid_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (CodePointReader reader(in); !reader.done();) {
        const CodePoint cp = reader.next();
        if (cp.value != 0) out += cp.utf8;
    }
    return out;
}

bool is_valid_utf8(std::string_view in) {
    for (CodePointReader reader(in); !reader.done();) {
        if (!reader.next().well_formed) return false;
    }
    return true;
}

std::string without_control_chars(std::string_view in, bool keep_newlines_and_tabs) {
    std::string out;
    out.reserve(in.size());
    bool previous_was_cr = false;
    for (CodePointReader reader(in); !reader.done();) {
        const CodePoint cp = reader.next();
        const bool lf_completing_crlf = cp.value == U'\n' && previous_was_cr;
        previous_was_cr = cp.value == U'\r';
        if (!is_dropped(cp.value)) {
            out += cp.utf8;
        } else if (keep_newlines_and_tabs && !lf_completing_crlf) {
            if (cp.value == U'\t') out += '\t';
            if (cp.value == U'\n' || cp.value == U'\r') out += '\n';
        }
    }
    return out;
}

std::string truncate_utf8(std::string_view in, std::size_t max_bytes) {
    std::string out;
    for (CodePointReader reader(in); !reader.done();) {
        const CodePoint cp = reader.next();
        if (cp.value == 0) continue;
        if (cp.utf8.size() > max_bytes - out.size()) break;
        out += cp.utf8;
    }
    return out;
}

// ---------------------------------------------------------------- CSV

std::string csv_cell(std::string_view value, char separator) {
    require_usable_separator(separator);
    // Clean first: a formula hidden behind a NUL or a control character must
    // still be caught.
    const std::string text = without_control_chars(value, true);
    const bool formula = starts_like_formula(text);
    if (formula || needs_quotes(text, separator)) return quoted(text, formula);
    return text;
}

std::string csv_row(const std::vector<std::string>& cells, char separator) {
    require_usable_separator(separator);
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += separator;
        out += csv_cell(cells[i], separator);
    }
    if (cells.size() == 1 && out.empty()) out = "\"\"";
    out += "\r\n";
    return out;
}

// ---------------------------------------------------------------- HTML

std::string html_escape(std::string_view in) {
    return replace_bytes(without_control_chars(in, true), [](char c) -> std::string_view {
        switch (c) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '"': return "&quot;";
            case '\'': return "&#39;";
            default: return {};
        }
    });
}

// ---------------------------------------------------------------- Markdown

std::string markdown_inline(std::string_view in) {
    const std::string clean = without_control_chars(in, true);
    const std::string_view text = trim_whitespace(clean);
    const std::size_t block_marker = block_marker_position(text);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            out += "<br>";
        } else if (c == '\t') {
            out += ' ';
        } else {
            if (is_markdown_special(c) || i == block_marker) out += '\\';
            out += c;
        }
    }
    return out;
}

// ---------------------------------------------------------------- iCalendar

std::string ics_text(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (CodePointReader reader(in); !reader.done();) {
        const CodePoint cp = reader.next();
        switch (cp.value) {
            case U'\\': out += "\\\\"; break;
            case U';': out += "\\;"; break;
            case U',': out += "\\,"; break;
            case U'\n': out += "\\n"; break;
            case U'\t': out += '\t'; break;
            default:
                if (!is_dropped(cp.value)) out += cp.utf8;
        }
    }
    return out;
}

std::string ics_fold(std::string_view content_line) {
    std::string out;
    out.reserve(content_line.size() + content_line.size() / 24 + 2);
    std::size_t octets_on_line = 0;
    for (CodePointReader reader(content_line); !reader.done();) {
        const CodePoint cp = reader.next();
        if (is_dropped(cp.value) && cp.value != U'\t') continue;
        if (octets_on_line + cp.utf8.size() > ics_max_line_octets) {
            out += "\r\n ";
            octets_on_line = 1;  // the continuation space counts
        }
        out += cp.utf8;
        octets_on_line += cp.utf8.size();
    }
    out += "\r\n";
    return out;
}

// ---------------------------------------------------------------- XML

std::string xml_escape(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (CodePointReader reader(in); !reader.done();) {
        const CodePoint cp = reader.next();
        if (!is_xml10_char(cp.value) || is_invisible_format_char(cp.value)) continue;
        const std::string_view reference = xml_reference_for(cp.value);
        out += reference.empty() ? cp.utf8 : reference;
    }
    return out;
}

}  // namespace kartla::text
