#pragma once
// The words for the codes a follow-up stores and shows: a measure's status and
// light (the action plan's codes) and the room's decision, as English msgids
// translated where they are shown. The view's buttons and the report's tables
// use these same lists.
#include <span>
#include <string_view>

namespace kartla::follow_up {

struct Word {
    const char* code;
    const char* msgid;
};

inline constexpr Word kStatusWords[] = {{"proposed", "Proposed"}, {"decided", "Decided"}, {"in_progress", "In progress"},
                                        {"done", "Done"},         {"paused", "Paused"},   {"cancelled", "Cancelled"}};
inline constexpr Word kLightWords[] = {{"green", "Green"}, {"yellow", "Yellow"}, {"red", "Red"}};
inline constexpr Word kDecisionWords[] = {
    {"continue", "Continue"}, {"change", "Change"}, {"stop", "Stop"}, {"new_measure", "New measure"}};

// The msgid of `code` in `words`, or nullptr.
inline const char* msgid_of(std::span<const Word> words, std::string_view code) {
    for (const Word& w : words)
        if (code == w.code) return w.msgid;
    return nullptr;
}

// The msgid of a status, light or decision code, or nullptr.
inline const char* msgid_of_any(std::string_view code) {
    for (std::span<const Word> words : {std::span<const Word>(kStatusWords), std::span<const Word>(kLightWords),
                                        std::span<const Word>(kDecisionWords)})
        if (const char* msgid = msgid_of(words, code)) return msgid;
    return nullptr;
}

}  // namespace kartla::follow_up
