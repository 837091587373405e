#include "kartla/privacy.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

// All identity numbers below are synthetic: either the well-known sample
// 121212-1212, repetitive patterns, or 12-digit forms dated in the 2090s
// (nobody is born yet). Check digits were computed with Luhn over YYMMDDNNN.

using namespace std::string_literals;
using kartla::privacy::contains_personal_data;
using kartla::privacy::find_personal_data;
using kartla::privacy::Hit;
using kartla::privacy::hit_kind_key;
using kartla::privacy::HitKind;
using kartla::privacy::mask;
using kartla::privacy::redact;

namespace {

// "kind:matched text" per hit joined by '|', so a failure shows exactly what
// was (or was not) found.
std::string found(std::string_view text)
{
    std::string described;
    for (const Hit& hit : find_personal_data(text)) {
        if (!described.empty()) described += '|';
        described += hit_kind_key(hit.kind);
        described += ':';
        described += text.substr(hit.begin, hit.length);
    }
    return described;
}

std::string pnr(std::string_view matched) { return "personal_identity_number:"s + std::string(matched); }
std::string samordning(std::string_view matched) { return "coordination_number:"s + std::string(matched); }
std::string phone(std::string_view matched) { return "phone_number:"s + std::string(matched); }
std::string email(std::string_view matched) { return "email_address:"s + std::string(matched); }

bool sorted_and_disjoint(const std::vector<Hit>& hits, std::size_t text_size)
{
    std::size_t previous_end = 0;
    for (const Hit& hit : hits) {
        if (hit.begin < previous_end || hit.length == 0 || hit.begin + hit.length > text_size) return false;
        previous_end = hit.begin + hit.length;
    }
    return true;
}

template <typename Work>
double milliseconds_for(Work work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

std::string repeated(std::string_view piece, std::size_t min_size)
{
    std::string text;
    while (text.size() < min_size) text += piece;
    return text;
}

}  // namespace

TEST_CASE("personnummer: 10-digit forms with valid checksum are found")
{
    CHECK(found("121212-1212") == pnr("121212-1212"));
    CHECK(found("121212+1212") == pnr("121212+1212"));
    CHECK(found("1212121212") == pnr("1212121212"));
    CHECK(found("010101-0106") == pnr("010101-0106"));
    CHECK(found("111111-1116") == pnr("111111-1116"));
}

TEST_CASE("personnummer: 12-digit forms with valid checksum are found")
{
    CHECK(found("19121212-1212") == pnr("19121212-1212"));
    CHECK(found("191212121212") == pnr("191212121212"));
    CHECK(found("20901231-9993") == pnr("20901231-9993"));
    CHECK(found("209012319993") == pnr("209012319993"));
}

TEST_CASE("personnummer: invalid checksum is not a hit")
{
    CHECK(found("121212-1213") == "");
    CHECK(found("121212+1219") == "");
    CHECK(found("1212121213") == "");
    CHECK(found("19121212-1211") == "");
    CHECK(found("209012319990") == "");
    CHECK_FALSE(contains_personal_data("Ärende 8001011235 gäller skadegörelse."));
}

TEST_CASE("personnummer: date part must be a real calendar date")
{
    // Each of these has a correct Luhn digit, so only the date rejects it.
    CHECK(found("121232-1218") == "");  // 32 December
    CHECK(found("121312-1211") == "");  // month 13
    CHECK(found("121200-1216") == "");  // day 0
    CHECK(found("121292-1215") == "");  // coordination day 32
    // Organisation numbers have month >= 20 and are not personal data.
    CHECK(found("556677-8899") == "");
}

TEST_CASE("personnummer: 29 February honours leap years")
{
    CHECK(found("20000229-9998") == pnr("20000229-9998"));  // 2000 is a leap year
    CHECK(found("19000229-9998") == "");                    // 1900 is not
    CHECK(found("000229-9998") == pnr("000229-9998"));      // century unknown: 2000 possible
    CHECK(found("130229-9993") == "");                      // no century makes 13 a leap year
}

TEST_CASE("personnummer: 12-digit form needs a plausible birth century")
{
    CHECK(found("21121212-1212") == "");
    CHECK(found("171212121212") == "");
}

TEST_CASE("personnummer: must not be part of a longer word or number")
{
    CHECK(found("x121212-1212") == "");
    CHECK(found("121212-1212x") == "");
    CHECK(found("9121212-1212") == "");
    CHECK(found("121212-12120") == "");
    CHECK(found("11212121212") == "");    // 11 digits
    CHECK(found("1191212121212") == "");  // 13 digits
    CHECK(found("121212--1212") == "");
    CHECK(found("121212-121") == "");
}

TEST_CASE("personnummer: punctuation and Swedish letters are boundaries")
{
    CHECK(found("(121212-1212)") == pnr("121212-1212"));
    CHECK(found("pnr:121212-1212.") == pnr("121212-1212"));
    CHECK(found("född121212-1212") == "");  // ASCII letter 'd' directly before
    CHECK(found("Åsa 121212-1212 är") == pnr("121212-1212"));
    CHECK(found("nå121212-1212ö") == pnr("121212-1212"));
}

TEST_CASE("samordningsnummer: day + 60 is a coordination number")
{
    CHECK(found("121272-1219") == samordning("121272-1219"));
    CHECK(found("010161-0103") == samordning("010161-0103"));
    CHECK(found("1212721219") == samordning("1212721219"));
    CHECK(found("19121272-1219") == samordning("19121272-1219"));
    CHECK(found("121272-1210") == "");  // bad checksum
}

TEST_CASE("phone: every supported Swedish format")
{
    CHECK(found("070-123 45 67") == phone("070-123 45 67"));
    CHECK(found("070-1234567") == phone("070-1234567"));
    CHECK(found("0701234567") == phone("0701234567"));
    CHECK(found("+46 70 123 45 67") == phone("+46 70 123 45 67"));
    CHECK(found("+46701234567") == phone("+46701234567"));
    CHECK(found("08-123 456 78") == phone("08-123 456 78"));
    CHECK(found("031-12 34 56") == phone("031-12 34 56"));
    CHECK(found("0480-123 45") == phone("0480-123 45"));
    CHECK(found("+46 (0)70-123 45 67") == phone("+46 (0)70-123 45 67"));
    CHECK(found("070 - 123 45 67") == phone("070 - 123 45 67"));
    CHECK(found("070\u00A0123\u00A045\u00A067") == phone("070\u00A0123\u00A045\u00A067"));
}

TEST_CASE("phone: in Swedish running text")
{
    CHECK(found("Ring Åsa på 070-123 45 67 före mötet.") == phone("070-123 45 67"));
    CHECK(found("Tel: 08-123 456 78, fax 031-12 34 56") ==
          phone("08-123 456 78") + "|" + phone("031-12 34 56"));
    // A trailing unrelated number stays outside the hit.
    CHECK(found("070-123 45 67 2024") == phone("070-123 45 67"));
}

TEST_CASE("phone: wrong lengths and shapes are not hits")
{
    CHECK(found("070-123 45") == "");        // 7 national digits
    CHECK(found("07012345678901") == "");    // too long
    CHECK(found("0070 123 45 67") == "");    // no area code starts with 0
    CHECK(found("0 701 234 567") == "");     // lone trunk zero
    CHECK(found("+4670123") == "");
    CHECK(found("+47 70 123 45 67") == "");  // not Swedish
    CHECK(found("a0701234567") == "");
    CHECK(found("0701234567b") == "");
}

TEST_CASE("a valid personnummer wins over a phone reading of the same digits")
{
    // 070123-4569 has a valid check digit; 0701234567 does not.
    CHECK(found("0701234569") == pnr("0701234569"));
    CHECK(found("0701234567") == phone("0701234567"));
}

TEST_CASE("e-mail addresses")
{
    CHECK(found("anna.svensson@exempel.se") == email("anna.svensson@exempel.se"));
    CHECK(found("a_b+tag@sub.exempel-kommun.se") == email("a_b+tag@sub.exempel-kommun.se"));
    CHECK(found("X.Y%Z-1@EXEMPEL.ORG") == email("X.Y%Z-1@EXEMPEL.ORG"));
    CHECK(found("Mejla anna@exempel.se.") == email("anna@exempel.se"));
    CHECK(found("<anna@exempel.se>") == email("anna@exempel.se"));
    CHECK(found("mailto:anna@exempel.se") == email("anna@exempel.se"));
    CHECK(found("anna@exempel.se.Nästa") == email("anna@exempel.se"));
    CHECK(found("anna@exempel.se.2024") == email("anna@exempel.se"));
    CHECK(found("Kontakta åsa@räksmörgås.se idag") == email("åsa@räksmörgås.se"));
    CHECK(found("”anna@exempel.se”") == email("anna@exempel.se"));
}

TEST_CASE("e-mail: malformed addresses are not hits")
{
    CHECK(found("anna@localhost") == "");
    CHECK(found("anna@exempel.s") == "");  // one-letter TLD
    CHECK(found("anna@exempel.123") == "");
    CHECK(found("anna@exempel.s3") == "");
    CHECK(found("@exempel.se") == "");
    CHECK(found("anna@") == "");
    CHECK(found("anna.@exempel.se") == "");
    CHECK(found("anna@-exempel.se") == "");
    CHECK(found("anna@exempel..se") == "");
    CHECK(found("möte @ 14:30") == "");
}

TEST_CASE("e-mail wins over digits inside it")
{
    CHECK(found("0701234567@sms.exempel.se") == email("0701234567@sms.exempel.se"));
    CHECK(found("121212-1212@exempel.se") == email("121212-1212@exempel.se"));
}

TEST_CASE("false positives: dates, times, amounts, ranges, versions, postal codes")
{
    CHECK(found("2024-05-17") == "");
    CHECK(found("Mötet 2024-05-17 14:30 i Fisksätra") == "");
    CHECK(found("01-05-2024 14:30") == "");
    CHECK(found("17/05/2024") == "");
    CHECK(found("Budget 1 250 000 kr") == "");
    CHECK(found("125000,50") == "");
    CHECK(found("0 250 000,50 kr") == "");
    CHECK(found("Perioden 2019-2023") == "");
    CHECK(found("version 1.2.3, v2.10.0-rc1, 10.0.19045") == "");
    CHECK(found("123 45 Stockholm") == "");
    CHECK(found("Postnummer 123 45, 111 22") == "");
    CHECK(found("kl. 08:30-10:00") == "");
    CHECK(found("Dnr 2024/01234-56") == "");
}

TEST_CASE("several hits are sorted and disjoint")
{
    const std::string text =
        "Anmälare: 121212-1212, tel 070-123 45 67, e-post anna@exempel.se, samordn. 121272-1219.";
    const auto hits = find_personal_data(text);
    REQUIRE(hits.size() == 4);
    CHECK(sorted_and_disjoint(hits, text.size()));
    CHECK(hits[0].kind == HitKind::PersonalIdentityNumber);
    CHECK(hits[1].kind == HitKind::PhoneNumber);
    CHECK(hits[2].kind == HitKind::EmailAddress);
    CHECK(hits[3].kind == HitKind::CoordinationNumber);
    CHECK(hits[0].begin == std::string_view(text).find("121212-1212"));
    CHECK(hits[0].length == 11);
}

TEST_CASE("redact replaces each hit with a Swedish marker")
{
    CHECK(redact("Anmälare 121212-1212 har ringt.") == "Anmälare [personnummer] har ringt.");
    CHECK(redact("Samordningsnummer 121272-1219.") == "Samordningsnummer [samordningsnummer].");
    CHECK(redact("Ring 070-123 45 67 eller +46 8 123 456 78!") ==
          "Ring [telefonnummer] eller [telefonnummer]!");
    CHECK(redact("Skriv till åsa@räksmörgås.se.") == "Skriv till [e-post].");
    const std::string_view harmless = "Inga personuppgifter här, bara 2024-05-17.";
    CHECK(redact(harmless) == harmless);
    CHECK(redact("") == "");
    CHECK(redact("121212-1212") == "[personnummer]");
}

TEST_CASE("mask tolerates unsorted, overlapping and out-of-range hits")
{
    const std::string text = "abcdefghij";
    const std::vector<Hit> hits = {
        {HitKind::EmailAddress, 6, 2},
        {HitKind::PhoneNumber, 1, 3},
        {HitKind::PersonalIdentityNumber, 2, 5},   // overlaps the phone hit: skipped
        {HitKind::CoordinationNumber, 9, 100},     // clamped to the end
        {HitKind::PhoneNumber, 50, 2},             // beyond the text: skipped
        {HitKind::PhoneNumber, 0, 0},              // empty: nothing to hide
        {HitKind::PhoneNumber, 8, static_cast<std::size_t>(-1)},  // would overflow begin + length
    };
    CHECK(mask(text, hits) == "a[telefonnummer]ef[e-post][telefonnummer]");
    CHECK(mask(text, {}) == text);
    CHECK(mask("", hits) == "");
}

TEST_CASE("hit kind keys are stable")
{
    CHECK(std::string_view(hit_kind_key(HitKind::PersonalIdentityNumber)) == "personal_identity_number");
    CHECK(std::string_view(hit_kind_key(HitKind::CoordinationNumber)) == "coordination_number");
    CHECK(std::string_view(hit_kind_key(HitKind::PhoneNumber)) == "phone_number");
    CHECK(std::string_view(hit_kind_key(HitKind::EmailAddress)) == "email_address");
}

TEST_CASE("contains_personal_data")
{
    CHECK(contains_personal_data("tel 0701234567"));
    CHECK(contains_personal_data("anna@exempel.se"));
    CHECK_FALSE(contains_personal_data("Belysningen vid gångtunneln är trasig sedan 2023-11-02."));
    CHECK_FALSE(contains_personal_data(""));
}

TEST_CASE("invalid UTF-8, NUL bytes and emoji do not disturb detection")
{
    const std::string invalid = "\xFF\xFE"s + "121212-1212" + "\xC3";
    CHECK(found(invalid) == pnr("121212-1212"));
    CHECK(find_personal_data(invalid).front().begin == 2);

    const std::string with_nul = "070-123 45 67\0anna@exempel.se\0"s;
    CHECK(found(with_nul) == phone("070-123 45 67") + "|" + email("anna@exempel.se"));
    CHECK(redact(with_nul) == "[telefonnummer]\0[e-post]\0"s);
    // Exports drop the NULs that split this address: it must be masked whole.
    CHECK(redact("Mejla anna@exem\0\0pel.se i dag"s) == "Mejla [e-post] i dag");
    CHECK(redact("tel 070-123\x01 45 67"s) == "tel [telefonnummer]");

    CHECK(found("🚨121212-1212🚨") == pnr("121212-1212"));
    CHECK(redact("Trygghetsvandring 🚶 med Åsa, tel 070-123 45 67 🙂") ==
          "Trygghetsvandring 🚶 med Åsa, tel [telefonnummer] 🙂");

    // Truncated sequences at either end, lone continuation bytes and stray
    // lead bytes next to the at-sign must never read past the text.
    CHECK(found("\xC3") == "");
    CHECK(found("\xC3@") == "");
    CHECK(found("a@b.s\xC3") == "");
    CHECK(found("\x80\x80@\xC3\xA5.se") == "");
    CHECK(found("\xC3\xA5@exempel.se\xC3") == email("\xC3\xA5@exempel.se"));
    CHECK(found("+46") == "");
    CHECK(found("+46 (0") == "");
    CHECK(found("0") == "");
    CHECK(found("121212-") == "");
    CHECK(found("\0\0\0"s) == "");
}

TEST_CASE("every byte value and every prefix is handled without crashing")
{
    std::string all_bytes;
    for (int value = 0; value < 256; ++value) all_bytes += static_cast<char>(value);
    const std::string text = all_bytes + "070-123 45 67 " + all_bytes + "121212-1212@" + all_bytes;
    for (std::size_t length = 0; length <= text.size(); ++length) {
        const std::string_view prefix(text.data(), length);
        const auto hits = find_personal_data(prefix);
        CHECK(sorted_and_disjoint(hits, prefix.size()));
        (void)redact(prefix);
    }
}

TEST_CASE("100,000-character text: correct result, well under 100 ms")
{
    const std::string_view paragraph =
        "Under trygghetsvandringen i Fisksätra 2024-05-17 14:30 noterades trasig belysning "
        "(budget 1 250 000 kr, period 2019-2023, postnr 123 45). Kontaktperson nås på "
        "070-123 45 67 eller anna@exempel.se, anmälare 121212-1212. ";
    const std::string text = repeated(paragraph, 100'000);
    const std::size_t paragraphs = text.size() / paragraph.size();
    REQUIRE(text.size() >= 100'000);

    std::vector<Hit> hits;
    const double elapsed = milliseconds_for([&] { hits = find_personal_data(text); });
    CHECK(elapsed < 100.0);
    REQUIRE(hits.size() == 3 * paragraphs);
    CHECK(sorted_and_disjoint(hits, text.size()));
    CHECK(hits[0].kind == HitKind::PhoneNumber);
    CHECK(hits[1].kind == HitKind::EmailAddress);
    CHECK(hits[2].kind == HitKind::PersonalIdentityNumber);

    const std::string redacted = redact(text);
    CHECK(redacted.find("070-123") == std::string::npos);
    CHECK(redacted.find('@') == std::string::npos);
    CHECK(redacted.find("2024-05-17 14:30") != std::string::npos);
}

TEST_CASE("pathological 100,000-byte inputs stay fast")
{
    const std::vector<std::string> inputs = {
        std::string(100'000, '7'),
        std::string(100'000, '0'),
        std::string(100'000, '@'),
        std::string(100'000, '.'),
        repeated("a@", 100'000),
        repeated("a.", 100'000) + "@",
        "x@" + repeated("a.", 100'000),
        repeated("@a.b", 100'000),
        repeated("0 ", 100'000),
        repeated("07 ", 100'000),
        repeated("+46 ", 100'000),
        repeated("121212-", 100'000),
        repeated("\xC3\xA5", 100'000) + "@",
        repeated("\xC3", 100'000),
        repeated("1212121212 ", 100'000),
    };
    for (const std::string& input : inputs) {
        std::vector<Hit> hits;
        const double elapsed = milliseconds_for([&] { hits = find_personal_data(input); });
        CHECK(elapsed < 100.0);
        CHECK(sorted_and_disjoint(hits, input.size()));
    }
    CHECK(find_personal_data(std::string(100'000, '7')).empty());
    CHECK(find_personal_data(repeated("1212121212 ", 100'000)).size() == 100'000 / 11 + 1);
}

TEST_CASE("zero-width, soft-hyphen and bidi characters inside personal data hide nothing")
{
    // Synthetic: 121212-1212 is the tax agency's sample; 070-174 06 05 is in the range kept for fiction.
    const std::vector<std::string> hidden = {
        "Ring 121212\u200B-1212 i dag",             // zero-width space
        "Ring 1212\u200D12-1212 i dag",             // zero-width joiner
        "Ring 121212-12\u00AD12 i dag",             // soft hyphen
        "Ring \u202E121212-1212\u202C i dag",       // override around it (not inside: still found)
        "Ring 12\u2066121\u20692-1212 i dag",       // isolate inside
        "Ring 121212-\uFEFF1212 i dag",             // BOM
        "Ring 070-174\u200B 06 05 i dag",
        "Mejla samordnare@exem\u200Bple.se i dag",
        "Mejla samord\u00ADnare@example.se i dag",
        "Mejla samordnare\u2060@example.se i dag",  // word joiner
    };
    for (const auto& text : hidden) {
        CAPTURE(text);
        const auto hits = find_personal_data(text);
        REQUIRE(hits.size() == 1);
        const std::string masked = kartla::privacy::redact(text);
        CHECK(masked.find("1212") == std::string::npos);
        CHECK(masked.find("06 05") == std::string::npos);
        CHECK(masked.find("example") == std::string::npos);
        CHECK(masked.find("samord") == std::string::npos);
        CHECK(masked.find(" i dag") != std::string::npos);
    }
}
