#pragma once
// What the crash writer stores per edit, and how the harness checks it. The
// organisation text carries its own length and a payload derived from the
// edit number, so a torn or half-written row can never pass as a good one.
#include <cstdint>
#include <string>
#include <string_view>

namespace kartla::crash {

inline std::string role_of(std::int64_t seq) { return "edit-" + std::to_string(seq); }

// "seq:generation:length:payload"; the payload cycles through Swedish letters
// so multi-byte text crosses page boundaries too.
inline std::string organisation_of(std::int64_t seq, std::int64_t generation, std::size_t length) {
    static constexpr std::string_view letters[] = {"å", "ä", "ö", "Å", "Ä", "Ö", "é", "k", "a", "r", "t", "l"};
    std::string payload;
    payload.reserve(length + 2);
    std::uint64_t state = std::uint64_t(seq) * 6364136223846793005ULL + std::uint64_t(generation) + 1442695040888963407ULL;
    while (payload.size() < length) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        payload += letters[(state >> 33) % std::size(letters)];
    }
    return std::to_string(seq) + ":" + std::to_string(generation) + ":" + std::to_string(payload.size()) + ":" + payload;
}

// True when `text` is exactly what organisation_of wrote for edit `seq` (any generation).
inline bool organisation_intact(std::int64_t seq, const std::string& text) {
    auto first = text.find(':');
    auto second = first == std::string::npos ? first : text.find(':', first + 1);
    auto third = second == std::string::npos ? second : text.find(':', second + 1);
    if (third == std::string::npos) return false;
    if (text.substr(0, first) != std::to_string(seq)) return false;
    std::int64_t generation = std::stoll(text.substr(first + 1, second - first - 1));
    std::size_t length = std::stoull(text.substr(second + 1, third - second - 1));
    return organisation_of(seq, generation, length) == text;
}

}  // namespace kartla::crash
