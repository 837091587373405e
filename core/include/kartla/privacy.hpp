#pragma once

// Personal-data guard for free-text fields.
//
// Workshop notes concern crime and vulnerable people, and the documents they
// end up in may become public. Every free-text field is checked while it is
// typed, so detection must be fast, must never crash on odd input (invalid
// UTF-8, NUL bytes) and should err on the side of flagging real identifiers
// while staying quiet on dates, amounts and postal codes.

#include "kartla/api.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::privacy {

enum class HitKind { PersonalIdentityNumber, CoordinationNumber, PhoneNumber, EmailAddress };

// Byte offsets into the UTF-8 text. A hit never splits a multi-byte
// character of valid UTF-8.
struct Hit {
    HitKind kind;
    std::size_t begin;
    std::size_t length;
};

// Swedish personnummer / samordningsnummer (date- and Luhn-checked), Swedish
// phone numbers and e-mail addresses. Sorted by begin, non-overlapping.
// Precedence on overlap: e-mail, then identity numbers, then phone numbers.
// The search also looks at the text as an export shows it: control
// characters and invisible format characters (zero-width space, soft hyphen,
// bidi controls; see text::is_invisible_format_char) hide nothing, and a hit
// found only that way spans them ("850709\u200B-9805" is one hit).
KARTLA_API std::vector<Hit> find_personal_data(std::string_view text);

// Replaces each hit with a Swedish marker such as "[personnummer]".
// Tolerates unsorted, overlapping or out-of-range hits: they are sorted,
// clamped to the text and overlapping ones are skipped.
KARTLA_API std::string mask(std::string_view text, const std::vector<Hit>& hits);

// mask(text, find_personal_data(text)).
KARTLA_API std::string redact(std::string_view text);

KARTLA_API bool contains_personal_data(std::string_view text);

// Stable English key, e.g. for settings, logs and translations:
// "personal_identity_number", "coordination_number", "phone_number",
// "email_address".
KARTLA_API const char* hit_kind_key(HitKind kind);

}  // namespace kartla::privacy
