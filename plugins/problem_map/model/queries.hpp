#pragma once
// Questions the views ask of a snapshot: filtering and sorting the list, the
// ranking by dots, matrix cells, cluster membership. Pure functions, no ImGui.
#include "snapshot.hpp"

#include "kartla/translate.hpp"

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kartla::problem_map {

// The name to show: the user's own, or the translated default.
std::string category_name(const Category& category, const Translate& tr);

// --- the list
struct Filter {
    Id category = -1;  // -1: any, 0: uncategorised
    Id area = -1;      // -1: any, 0: no area
    int severity = 0;  // 0: any, 1..5: exactly
    std::string trend; // "": any
    std::string text;  // searched in titles and descriptions (case-insensitive, å ä ö too)
    bool active() const { return category != -1 || area != -1 || severity != 0 || !trend.empty() || !text.empty(); }
};

enum class Column { Title, Category, Area, Severity, Trend, Signal, Dots, Rank, Prioritised, Confidence };

// Face-down cards never match a text search: that would reveal their text.
bool matches(const Snapshot& s, const Card& card, const Filter& filter);
std::vector<const Card*> filtered(const Snapshot& s, const Filter& filter);
// Stable sort by one column; ties keep the board's order (by id).
void sort_cards(const Snapshot& s, std::vector<const Card*>& cards, Column column, bool ascending, const Translate& tr);

// Lower-cases ASCII and the Swedish/Latin-1 capitals, for searching.
std::string fold_case(std::string_view utf8);

// --- the ranking (RankRow is in snapshot.hpp)
// Cards with dots first (most first; ties by severity, then by id), then the rest.
// Computed when the snapshot is read whole, then updated by the cards a revision touched
// (snapshot_derive.cpp); ranking() and rank_of() read it.
std::vector<RankRow> compute_ranking(const Snapshot& s);
// The ranking's order, for both: whether a card with `dots` and `severity` comes before another.
// No dots and fewer than none count alike; the lower id first among equals (the board's order).
struct RankPlace {
    int dots = 0, severity = 0;
    Id id = 0;
};
bool ranked_before(const RankPlace& a, const RankPlace& b);
// Who a vote's voter is, for counting a card's voters: a participant, a phone or an organisation.
std::string voter_key(const Voter& voter);
// The one rank rule, for the views (compute_ranking) and the SQL read of a few cards
// (select_problems) alike: competition ranking by dots, 1 + the number of cards with
// more dots (1, 2, 2, 4); 0 for a card without dots. `dots_descending`: every card's dots;
// or the ranking's rows, which lie in that order.
int rank_by_dots(const std::vector<int>& dots_descending, int dots);
int rank_by_dots(const std::vector<RankRow>& ranked, int dots);
const std::vector<RankRow>& ranking(const Snapshot& s);
int rank_of(const Snapshot& s, Id card);  // 0: no dots
int dots_used(const Snapshot& s, const Voter& voter);
int dots_given(const Snapshot& s, const Voter& voter, Id card);

// --- the matrix
// Severity × trend: columns by trend (kTrendColumns), rows severity 5 (top) to 1.
// Impact × ability to influence: columns influence 1..5, rows impact 5 (top) to 1.
// Row kMatrixRows is the strip of cards not yet assessed.
inline constexpr std::array<std::string_view, 4> kTrendColumns = {"falling", "stable", "rising", "unknown"};
inline constexpr int kMatrixRows = 5;
int matrix_columns(MatrixMode mode);
struct MatrixCell {
    int column = 0;
    int row = 0;  // kMatrixRows: not assessed
};
MatrixCell matrix_cell(const Card& card, MatrixMode mode);
// The field values a cell stands for: (trend column or influence, severity or impact); 0 = not assessed.
std::pair<int, int> matrix_fields(MatrixMode mode, int column, int row);

// --- the board
// The cluster a card dropped with its centre at (x, y) joins: the smallest frame holding it.
Id cluster_at(const Snapshot& s, float x, float y);
std::vector<Id> cluster_members(const Snapshot& s, Id cluster);

// --- causes
std::vector<const Cause*> causes_of(const Snapshot& s, Id card);
int cause_depth(const Snapshot& s, Id card);  // 0: no causes, 1: direct causes only, ...
// Whether `candidate` lies in the branch under (or is) `cause`.
bool in_branch(const Snapshot& s, Id cause, Id candidate);

}  // namespace kartla::problem_map
