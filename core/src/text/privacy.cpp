// One file on purpose (about 500 lines): the matchers for identity and
// coordination numbers, phone numbers and e-mail addresses share the bounded
// byte helpers and the rules for where a hit may start and end below; split
// apart, each would need them exported and the linear-scan argument would no
// longer be readable in one place.

#include "kartla/privacy.hpp"

#include <algorithm>
#include <optional>

// A hand-written byte scanner rather than std::regex: it runs on every
// keystroke, std::regex backtracks (and can overflow the stack) on long
// inputs, and we need checks a regex cannot express (calendar dates, Luhn).
// Every match attempt looks at a bounded number of bytes, so a scan is linear.
// Numbers are built from ASCII bytes only, so any byte >= 0x80 (å, ä, ö,
// emoji, invalid UTF-8) acts as a separator. Where a hit does include
// non-ASCII bytes (no-break spaces in phone numbers, Latin letters in e-mail
// addresses) it takes whole two-byte sequences, so a hit never splits a
// character.

namespace kartla::privacy {
namespace {

constexpr std::size_t max_email_local_length = 64;    // RFC 5321
constexpr std::size_t max_email_domain_length = 253;  // RFC 1035
constexpr std::size_t max_domain_label_length = 63;
constexpr std::size_t min_national_phone_digits = 8;
constexpr std::size_t max_national_phone_digits = 10;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ascii_alnum(char c) { return is_digit(c) || is_ascii_letter(c); }

// Out-of-range reads yield NUL, which no rule accepts, so callers can peek
// past either end without bounds checks of their own.
char byte_at(std::string_view text, std::size_t pos) { return pos < text.size() ? text[pos] : '\0'; }

char byte_before(std::string_view text, std::size_t pos) { return pos > 0 ? byte_at(text, pos - 1) : '\0'; }

int digit_value(char c) { return c - '0'; }

int two_digit_value(std::string_view digits, std::size_t pos)
{
    return digit_value(digits[pos]) * 10 + digit_value(digits[pos + 1]);
}

// Capped so that a long run of digits costs O(1) per match attempt.
std::size_t count_digits(std::string_view text, std::size_t pos, std::size_t cap)
{
    std::size_t count = 0;
    while (count < cap && is_digit(byte_at(text, pos + count))) ++count;
    return count;
}

bool has_word_boundary_before(std::string_view text, std::size_t pos)
{
    return !is_ascii_alnum(byte_before(text, pos));
}

bool has_word_boundary_after(std::string_view text, std::size_t end)
{
    return !is_ascii_alnum(byte_at(text, end));
}

bool is_numeric_punctuation(char c) { return c == '.' || c == ',' || c == ':' || c == '/'; }

// "125000,50", "14:30", "17/05" and "1.5" continue a number through
// punctuation, so a phone candidate touching such a sequence is part of
// something else (an amount, a time, a date).
bool has_number_boundary_before(std::string_view text, std::size_t pos)
{
    if (!has_word_boundary_before(text, pos)) return false;
    return !(is_numeric_punctuation(byte_before(text, pos)) && pos >= 2 && is_digit(text[pos - 2]));
}

bool has_number_boundary_after(std::string_view text, std::size_t end)
{
    if (!has_word_boundary_after(text, end)) return false;
    return !(is_numeric_punctuation(byte_at(text, end)) && is_digit(byte_at(text, end + 1)));
}

std::size_t end_of(const Hit& hit) { return hit.begin + hit.length; }

// ---------------------------------------------------------------------------
// Personnummer and samordningsnummer

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Without the century, "00" may be 1900 (not leap) or 2000 (leap); since any
// YY divisible by 4 is a leap year in some century, Feb 29 is allowed then.
bool allows_february_29(std::optional<int> century, int two_digit_year)
{
    if (century) return is_leap_year(*century * 100 + two_digit_year);
    return two_digit_year % 4 == 0;
}

int days_in_month(int month, bool february_has_29)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && february_has_29) return 29;
    return days[month - 1];
}

bool is_calendar_date(std::optional<int> century, int year, int month, int day)
{
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(month, allows_february_29(century, year));
}

// The Swedish check digit: Luhn over the 10-digit form YYMMDDNNNC.
bool has_valid_luhn_check_digit(std::string_view ten_digits)
{
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        const int product = digit_value(ten_digits[i]) * (i % 2 == 0 ? 2 : 1);
        sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10 == digit_value(ten_digits[9]);
}

// Samordningsnummer store the birth day plus 60.
constexpr int coordination_day_offset = 60;

// Only 18xx-20xx are plausible birth centuries; rejecting others keeps
// arbitrary 12-digit reference numbers from matching by chance.
bool is_plausible_century(int century) { return century >= 18 && century <= 20; }

std::optional<HitKind> classify_identity_digits(std::string_view digits)
{
    std::optional<int> century;
    if (digits.size() == 12) {
        century = two_digit_value(digits, 0);
        if (!is_plausible_century(*century)) return std::nullopt;
        digits.remove_prefix(2);
    }
    const int year = two_digit_value(digits, 0);
    const int month = two_digit_value(digits, 2);
    int day = two_digit_value(digits, 4);
    HitKind kind = HitKind::PersonalIdentityNumber;
    if (day > coordination_day_offset) {
        day -= coordination_day_offset;
        kind = HitKind::CoordinationNumber;
    }
    if (!is_calendar_date(century, year, month, day)) return std::nullopt;
    if (!has_valid_luhn_check_digit(digits)) return std::nullopt;
    return kind;
}

bool is_identity_separator(char c, std::size_t date_digits)
{
    // '+' marks a centenarian and only exists in the 10-digit form.
    return c == '-' || (c == '+' && date_digits == 6);
}

// Accepts YYMMDDNNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDD-NNNC.
std::optional<Hit> match_identity_number(std::string_view text, std::size_t begin)
{
    if (!is_digit(byte_at(text, begin)) || !has_word_boundary_before(text, begin)) return std::nullopt;
    const std::size_t leading = count_digits(text, begin, 13);
    std::string digits(text.substr(begin, leading));
    std::size_t end = begin + leading;
    if (leading == 6 || leading == 8) {
        if (!is_identity_separator(byte_at(text, end), leading)) return std::nullopt;
        if (count_digits(text, end + 1, 5) != 4) return std::nullopt;
        digits.append(text.substr(end + 1, 4));
        end += 5;
    } else if (leading != 10 && leading != 12) {
        return std::nullopt;
    }
    if (!has_word_boundary_after(text, end)) return std::nullopt;
    const auto kind = classify_identity_digits(digits);
    if (!kind) return std::nullopt;
    return Hit{*kind, begin, end - begin};
}

// ---------------------------------------------------------------------------
// Phone numbers

// No-break spaces arrive when text is pasted from word processors.
std::size_t space_length(std::string_view text, std::size_t pos)
{
    if (byte_at(text, pos) == ' ') return 1;
    if (byte_at(text, pos) == '\xC2' && byte_at(text, pos + 1) == '\xA0') return 2;
    return 0;
}

// A group separator is a space, a hyphen, or a hyphen with a space on
// either or both sides ("070 - 123 45 67").
std::size_t group_separator_length(std::string_view text, std::size_t pos)
{
    std::size_t length = space_length(text, pos);
    if (byte_at(text, pos + length) == '-') {
        ++length;
        length += space_length(text, pos + length);
    }
    return length;
}

// Skips "+46", "+46 ", "+46 (0)" and the trunk "0"; returns where the
// national digits start.
std::optional<std::size_t> skip_phone_prefix(std::string_view text, std::size_t begin)
{
    if (byte_at(text, begin) == '0') return begin + 1;
    if (text.substr(begin, 3) != "+46") return std::nullopt;
    std::size_t pos = begin + 3;
    pos += space_length(text, pos);
    if (text.substr(pos, 3) == "(0)") pos += 3 + space_length(text, pos + 3);
    return pos;
}

// Swedish area codes are 1-3 digits and never start with 0; the only
// one-digit code is 8 (Stockholm). This keeps "01-05-2024 14:30" out.
bool is_plausible_first_group(std::string_view text, std::size_t pos, std::size_t length)
{
    const char first = byte_at(text, pos);
    if (length == 0 || first == '0') return false;
    return length > 1 || first == '8';
}

std::optional<Hit> match_phone_number(std::string_view text, std::size_t begin)
{
    const char first = byte_at(text, begin);
    if ((first != '0' && first != '+') || !has_number_boundary_before(text, begin)) return std::nullopt;
    const auto national_begin = skip_phone_prefix(text, begin);
    if (!national_begin) return std::nullopt;

    std::size_t national_digits = count_digits(text, *national_begin, max_national_phone_digits + 1);
    if (!is_plausible_first_group(text, *national_begin, national_digits)) return std::nullopt;
    std::size_t end = *national_begin + national_digits;
    // Greedy: take following groups while they fit, so trailing unrelated
    // numbers ("070-123 45 67 2024") stay outside the hit.
    while (national_digits <= max_national_phone_digits) {
        const std::size_t separator = group_separator_length(text, end);
        if (separator == 0) break;
        const std::size_t group = count_digits(text, end + separator, max_national_phone_digits + 1);
        if (group == 0 || national_digits + group > max_national_phone_digits) break;
        national_digits += group;
        end += separator + group;
    }
    if (national_digits < min_national_phone_digits || national_digits > max_national_phone_digits) {
        return std::nullopt;
    }
    if (!has_number_boundary_after(text, end)) return std::nullopt;
    return Hit{HitKind::PhoneNumber, begin, end - begin};
}

// ---------------------------------------------------------------------------
// E-mail addresses

bool is_email_local_char(char c)
{
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_label_char(char c) { return is_ascii_alnum(c) || c == '-'; }

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Latin letters U+00C0..U+017F (å, ä, ö, é, ü, ø, ...) are two-byte UTF-8
// sequences with lead byte 0xC3..0xC5. Addresses such as "åsa@exempel.se"
// or "x@räksmörgås.se" must be masked whole, not from the first ASCII byte,
// while other non-ASCII text (quotes, dashes, emoji) stays outside the hit.
bool is_latin_letter_pair(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<unsigned char>(byte_at(text, pos));
    return lead >= 0xC3 && lead <= 0xC5 && is_utf8_continuation(byte_at(text, pos + 1));
}

// Byte length of the local-part character that ends just before `pos`.
std::size_t local_char_length_before(std::string_view text, std::size_t pos)
{
    if (pos >= 1 && is_email_local_char(text[pos - 1])) return 1;
    if (pos >= 2 && is_latin_letter_pair(text, pos - 2)) return 2;
    return 0;
}

// Byte length of the domain-label character that starts at `pos`.
std::size_t domain_char_length_at(std::string_view text, std::size_t pos)
{
    if (is_domain_label_char(byte_at(text, pos))) return 1;
    if (is_latin_letter_pair(text, pos)) return 2;
    return 0;
}

std::size_t end_of_domain_label(std::string_view text, std::size_t pos, std::size_t limit)
{
    for (;;) {
        const std::size_t step = domain_char_length_at(text, pos);
        if (step == 0 || pos + step > limit) return pos;
        pos += step;
    }
}

bool is_all_ascii_letters(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), is_ascii_letter);
}

// Returns the end of the longest dotted prefix of labels that ends in a
// letters-only TLD of two or more letters, so a trailing sentence dot or
// junk label ("kommun.se.Nästa") is left outside the hit.
std::optional<std::size_t> end_of_email_domain(std::string_view text, std::size_t begin)
{
    const std::size_t limit = std::min(text.size(), begin + max_email_domain_length);
    std::optional<std::size_t> valid_end;
    std::size_t labels = 0;
    for (std::size_t pos = begin; pos < limit;) {
        const std::size_t label_end = end_of_domain_label(text, pos, limit);
        const std::string_view label = text.substr(pos, label_end - pos);
        if (label.empty() || label.size() > max_domain_label_length) break;
        if (label.front() == '-' || label.back() == '-') break;
        ++labels;
        if (labels >= 2 && label.size() >= 2 && is_all_ascii_letters(label)) valid_end = label_end;
        if (byte_at(text, label_end) != '.') break;
        pos = label_end + 1;
    }
    return valid_end;
}

// `floor` is the end of the previous e-mail hit; the local part may not
// reach back into it.
std::optional<Hit> match_email_at_sign(std::string_view text, std::size_t at_sign, std::size_t floor)
{
    std::size_t local_begin = at_sign;
    for (std::size_t chars = 0; chars < max_email_local_length; ++chars) {
        const std::size_t step = local_char_length_before(text, local_begin);
        if (step == 0 || local_begin - step < floor) break;
        local_begin -= step;
    }
    while (local_begin < at_sign && text[local_begin] == '.') ++local_begin;
    if (local_begin == at_sign || text[at_sign - 1] == '.') return std::nullopt;
    const auto domain_end = end_of_email_domain(text, at_sign + 1);
    if (!domain_end) return std::nullopt;
    return Hit{HitKind::EmailAddress, local_begin, *domain_end - local_begin};
}

std::vector<Hit> find_email_addresses(std::string_view text)
{
    std::vector<Hit> hits;
    std::size_t floor = 0;
    for (std::size_t at_sign = text.find('@'); at_sign != std::string_view::npos;
         at_sign = text.find('@', at_sign + 1)) {
        if (at_sign < floor) continue;
        if (const auto hit = match_email_at_sign(text, at_sign, floor)) {
            hits.push_back(*hit);
            floor = end_of(*hit);
        }
    }
    return hits;
}

// ---------------------------------------------------------------------------
// Combining

template <typename Matcher>
std::vector<Hit> scan_left_to_right(std::string_view text, Matcher match_at)
{
    std::vector<Hit> hits;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (const auto hit = match_at(text, pos)) {
            hits.push_back(*hit);
            pos = end_of(*hit);
        } else {
            ++pos;
        }
    }
    return hits;
}

// Both inputs are sorted and internally non-overlapping; candidates that
// touch an accepted hit lose, which gives the earlier detectors precedence.
void add_non_overlapping(std::vector<Hit>& accepted, const std::vector<Hit>& candidates)
{
    std::vector<Hit> merged;
    merged.reserve(accepted.size() + candidates.size());
    std::size_t next = 0;
    for (const Hit& candidate : candidates) {
        while (next < accepted.size() && end_of(accepted[next]) <= candidate.begin) {
            merged.push_back(accepted[next++]);
        }
        const bool overlaps = next < accepted.size() && accepted[next].begin < end_of(candidate);
        if (!overlaps) merged.push_back(candidate);
    }
    merged.insert(merged.end(), accepted.begin() + static_cast<std::ptrdiff_t>(next), accepted.end());
    accepted = std::move(merged);
}

const char* marker_for(HitKind kind)
{
    switch (kind) {
    case HitKind::PersonalIdentityNumber: return "[personnummer]";
    case HitKind::CoordinationNumber: return "[samordningsnummer]";
    case HitKind::PhoneNumber: return "[telefonnummer]";
    case HitKind::EmailAddress: return "[e-post]";
    }
    return "[personuppgift]";  // an out-of-range enum value must still hide the text
}

}  // namespace

std::string mask(std::string_view text, const std::vector<Hit>& hits)
{
    std::vector<Hit> ordered = hits;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
    std::string masked;
    masked.reserve(text.size());
    std::size_t cursor = 0;
    for (const Hit& hit : ordered) {
        if (hit.begin < cursor || hit.begin >= text.size() || hit.length == 0) continue;
        const std::size_t length = std::min(hit.length, text.size() - hit.begin);
        masked.append(text.substr(cursor, hit.begin - cursor));
        masked.append(marker_for(hit.kind));
        cursor = hit.begin + length;
    }
    masked.append(text.substr(cursor));
    return masked;
}

namespace {

std::vector<Hit> find_in(std::string_view text)
{
    // E-mail first: a local part such as "0701234567@sms.se" must be masked
    // as one address. Identity numbers beat phone numbers, since a valid
    // personnummer is the more sensitive reading of the same digits.
    std::vector<Hit> hits = find_email_addresses(text);
    add_non_overlapping(hits, scan_left_to_right(text, match_identity_number));
    add_non_overlapping(hits, scan_left_to_right(text, match_phone_number));
    return hits;
}

// The text as a reader of an export sees it: the encoders drop C0 controls
// but tab and line feed, DEL, C1 controls and the invisible format characters
// (text::is_invisible_format_char), with the offset in `text` of each byte kept.
struct Shown {
    std::string text;
    std::vector<std::size_t> offset;
};

unsigned char byte(std::string_view text, std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; }

// Length of the unseen character at `i`, 0 when it is seen. Byte patterns, not
// a decoder: ill-formed bytes are seen (as U+FFFD), so they stay.
std::size_t unseen_length(std::string_view text, std::size_t i)
{
    const unsigned char c = byte(text, i), c1 = byte(text, i + 1), c2 = byte(text, i + 2);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return 1;
    if (c == 0xC2 && ((c1 >= 0x80 && c1 <= 0x9F) || c1 == 0xAD)) return 2;  // C1 controls, soft hyphen
    if (c == 0xD8 && c1 == 0x9C) return 2;                                  // U+061C
    if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xAA && c2 <= 0xAE))) return 3;
    if (c == 0xE2 && c1 == 0x81 && ((c2 >= 0xA0 && c2 <= 0xA4) || (c2 >= 0xA6 && c2 <= 0xA9))) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;  // U+FEFF
    return 0;
}

Shown as_shown(std::string_view text)
{
    Shown shown;
    shown.text.reserve(text.size());
    shown.offset.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t skip = unseen_length(text, i)) {
            i += skip;
            continue;
        }
        shown.text += text[i];
        shown.offset.push_back(i++);
    }
    return shown;
}

}  // namespace

std::vector<Hit> find_personal_data(std::string_view text)
{
    std::vector<Hit> hits = find_in(text);
    // Also what the reader sees: a NUL or a zero-width space inside an address
    // hides it from a search of the bytes, and the export then drops it. Such a
    // hit covers its span of `text`, the unseen characters inside included.
    const Shown shown = as_shown(text);
    if (shown.text.size() == text.size()) return hits;
    for (const Hit& found : find_in(shown.text)) {
        const std::size_t begin = shown.offset[found.begin];
        const Hit seen{found.kind, begin, shown.offset[found.begin + found.length - 1] + 1 - begin};
        // It replaces the hits of the same kind it contains ("nare@example.se" in
        // "samord\u00ADnare@example.se"), but never cuts into another one: then
        // the bytes' reading stands ("070-123 45 67\0anna@..." stays a phone
        // number and an address, not "67anna@...").
        bool fits = true;
        for (const Hit& hit : hits)
            if (hit.begin < end_of(seen) && seen.begin < end_of(hit))
                fits = fits && hit.kind == seen.kind && seen.begin <= hit.begin && end_of(hit) <= end_of(seen);
        if (!fits) continue;
        std::erase_if(hits, [&](const Hit& hit) { return hit.begin < end_of(seen) && seen.begin < end_of(hit); });
        hits.insert(std::upper_bound(hits.begin(), hits.end(), seen,
                                     [](const Hit& a, const Hit& b) { return a.begin < b.begin; }),
                    seen);
    }
    return hits;
}

std::string redact(std::string_view text) { return mask(text, find_personal_data(text)); }

bool contains_personal_data(std::string_view text) { return !find_personal_data(text).empty(); }

const char* hit_kind_key(HitKind kind)
{
    switch (kind) {
    case HitKind::PersonalIdentityNumber: return "personal_identity_number";
    case HitKind::CoordinationNumber: return "coordination_number";
    case HitKind::PhoneNumber: return "phone_number";
    case HitKind::EmailAddress: return "email_address";
    }
    return "unknown";
}

}  // namespace kartla::privacy
