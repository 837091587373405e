#pragma once
// The problem picture as plain data: what one workshop's problem_map tables hold,
// read once per workshop revision (see snapshot.hpp). No ImGui, no SQL here.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::problem_map {

using Id = std::int64_t;

// Board geometry in world units (one unit = one pixel at 100 % zoom and text size).
inline constexpr float kCardWidth = 240.0f;
inline constexpr float kCardHeight = 120.0f;

// Stored values of the enumerations (text in the file, so a reader of the file understands it).
inline constexpr std::array<std::string_view, 4> kTrends = {"rising", "stable", "falling", "unknown"};
inline constexpr std::array<std::string_view, 4> kPoliceClasses = {"", "vulnerable", "risk", "especially_vulnerable"};
inline constexpr std::array<std::string_view, 4> kConfidences = {"", "low", "medium", "high"};
inline constexpr std::array<std::string_view, 2> kNatures = {"situational", "social"};
inline constexpr std::array<std::string_view, 3> kFactors = {"", "risk", "missing_protective"};

// A code as read from the file, or `neutral` when it is none of `allowed`: a
// hostile or newer file cannot put anything else into a view or an export.
template <std::size_t N>
std::string allowed_code(std::string stored, const std::array<std::string_view, N>& allowed, std::string_view neutral) {
    for (std::string_view code : allowed)
        if (stored == code) return stored;
    return std::string(neutral);
}

// Bit sets for "when" and "sources": one bit per entry, in this order.
inline constexpr std::array<std::string_view, 9> kSources = {
    "police_statistics", "safety_survey", "school_survey", "ntu", "municipal_reports",
    "rescue_service",    "housing_company", "dialogue",    "other"};
inline constexpr std::array<std::string_view, 4> kSeasons = {"winter", "spring", "summer", "autumn"};
inline constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
inline constexpr std::array<std::string_view, 4> kTimesOfDay = {"morning", "daytime", "evening", "night"};

struct Category {
    Id id = 0;
    std::string name;   // set by the user; empty for an untouched default
    std::string msgid;  // English default name, translated for display while name is empty
    std::uint32_t color = 0x808080;  // 0xRRGGBB
    int position = 0;
    bool operator==(const Category&) const = default;
};

struct Area {
    Id id = 0;
    std::string name;
    std::string police_class;  // one of kPoliceClasses
    int position = 0;
    bool operator==(const Area&) const = default;
};

struct Cluster {
    Id id = 0;
    std::string name;
    float x = 0, y = 0, w = 0, h = 0;
    bool contains(float px, float py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
    bool operator==(const Cluster&) const = default;
};

struct Card {
    Id id = 0;
    std::string title;
    std::string description;
    Id category_id = 0;  // 0: none
    Id area_id = 0;      // 0: none
    std::string place;   // the spot within the area, e.g. "the bus station tunnel"
    int seasons = 0, weekdays = 0, times_of_day = 0;  // bit sets over kSeasons, kWeekdays, kTimesOfDay
    std::string when_note;
    std::string target_group;
    std::string extent;
    std::string trend = "unknown";
    int severity = 0;  // 1..5, 0: not assessed
    bool signal_crime = false;
    int sources = 0;   // bit set over kSources
    std::string source_limitations;
    std::string confidence;  // one of kConfidences
    int impact = 0;     // 1..5, 0: not assessed (matrix "impact")
    int influence = 0;  // 1..5, 0: not assessed (matrix "ability to influence")
    float x = 0, y = 0;
    Id cluster_id = 0;
    bool hidden = false;  // face down during a silent brainstorm
    bool prioritised = false;
    bool operator==(const Card&) const = default;
};

// A voter is a participant or, when the facilitator votes by organisation, an
// organisation; or a phone in the room, by its anonymous id (docs/phones.md).
struct Voter {
    Id participant_id = 0;
    std::string organisation;
    std::string phone;
    bool operator==(const Voter&) const = default;
};

struct Vote {
    Id id = 0;
    Id card_id = 0;
    Voter voter;
    int dots = 0;
    bool operator==(const Vote&) const = default;
};

struct Cause {
    Id id = 0;
    Id card_id = 0;
    Id parent_id = 0;  // 0: a direct cause of the problem
    std::string text;
    std::string nature = "situational";  // one of kNatures
    std::string factor;                  // one of kFactors
    int position = 0;
    bool operator==(const Cause&) const = default;
};

// The problem analysis triangle and its controllers.
struct Triangle {
    Id card_id = 0;
    std::string offender, target, place;
    std::string handler, guardian, manager;
    bool operator==(const Triangle&) const = default;
};

enum class VoteBy { Participant, Organisation };
enum class MatrixMode { SeverityTrend, ImpactInfluence };

struct Settings {
    int dots_per_voter = 3;
    VoteBy vote_by = VoteBy::Participant;
    MatrixMode matrix = MatrixMode::SeverityTrend;
    bool silent_round = false;
    bool phone_voting = false;  // phones may give and move dots
    bool operator==(const Settings&) const = default;
};

template <std::size_t N>
int index_of(const std::array<std::string_view, N>& values, std::string_view value) {
    for (std::size_t i = 0; i < N; ++i)
        if (values[i] == value) return int(i);
    return -1;
}

}  // namespace kartla::problem_map
