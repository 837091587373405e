#include "queries.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <unordered_map>

namespace kartla::problem_map {

std::string category_name(const Category& category, const Translate& tr) {
    if (!category.name.empty()) return category.name;
    return tr ? tr(category.msgid.c_str()) : category.msgid;
}

std::string fold_case(std::string_view in) {
    std::string out(in);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = char(c + 32);
        // Latin-1 capitals À..Þ (except ×) are C3 80..9E in UTF-8; their small letters are 0x20 higher.
        else if (c == 0xC3 && i + 1 < out.size()) {
            unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = char(next + 0x20);
            ++i;
        }
    }
    return out;
}

bool matches(const Snapshot& s, const Card& card, const Filter& f) {
    (void)s;
    if (f.category != -1 && card.category_id != f.category) return false;
    if (f.area != -1 && card.area_id != f.area) return false;
    if (f.severity != 0 && card.severity != f.severity) return false;
    if (!f.trend.empty() && card.trend != f.trend) return false;
    if (!f.text.empty()) {
        if (card.hidden) return false;
        std::string needle = fold_case(f.text);
        if (fold_case(card.title).find(needle) == std::string::npos &&
            fold_case(card.description).find(needle) == std::string::npos)
            return false;
    }
    return true;
}

std::vector<const Card*> filtered(const Snapshot& s, const Filter& filter) {
    std::vector<const Card*> out;
    out.reserve(s.cards.size());
    for (const auto& card : s.cards)
        if (matches(s, card, filter)) out.push_back(&card);
    return out;
}

namespace {

int trend_weight(const std::string& trend) {
    if (trend == "rising") return 3;
    if (trend == "stable") return 2;
    if (trend == "falling") return 1;
    return 0;
}

int confidence_weight(const std::string& confidence) { return std::max(0, index_of(kConfidences, confidence)); }

}  // namespace

void sort_cards(const Snapshot& s, std::vector<const Card*>& cards, Column column, bool ascending, const Translate& tr) {
    auto rank_key = [&](const Card* c) {
        int rank = rank_of(s, c->id);
        return rank ? rank : 1 << 30;
    };
    auto category_of = [&](const Card* c) {
        const Category* category = s.category(c->category_id);
        return category ? fold_case(category_name(*category, tr)) : std::string("\xff");
    };
    auto area_of = [&](const Card* c) {
        const Area* area = s.area(c->area_id);
        return area ? fold_case(area->name) : std::string("\xff");
    };
    auto less = [&](const Card* a, const Card* b) -> bool {
        switch (column) {
            case Column::Title: return fold_case(a->title) < fold_case(b->title);
            case Column::Category: return category_of(a) < category_of(b);
            case Column::Area: return area_of(a) < area_of(b);
            case Column::Severity: return a->severity < b->severity;
            case Column::Trend: return trend_weight(a->trend) < trend_weight(b->trend);
            case Column::Signal: return a->signal_crime < b->signal_crime;
            case Column::Dots: return s.dots(a->id) < s.dots(b->id);
            case Column::Rank: return rank_key(a) < rank_key(b);
            case Column::Prioritised: return a->prioritised < b->prioritised;
            case Column::Confidence: return confidence_weight(a->confidence) < confidence_weight(b->confidence);
        }
        return false;
    };
    std::stable_sort(cards.begin(), cards.end(),
                     [&](const Card* a, const Card* b) { return ascending ? less(a, b) : less(b, a); });
}

bool ranked_before(const RankPlace& a, const RankPlace& b) {
    const int dots_a = std::max(a.dots, 0), dots_b = std::max(b.dots, 0);
    if (dots_a != dots_b) return dots_a > dots_b;
    const int severity_a = std::clamp(a.severity, 0, 5), severity_b = std::clamp(b.severity, 0, 5);
    if (severity_a != severity_b) return severity_a > severity_b;
    return a.id < b.id;
}

std::string voter_key(const Voter& voter) {
    return voter.participant_id ? std::to_string(voter.participant_id)
           : !voter.phone.empty() ? "p:" + voter.phone
                                  : "o:" + voter.organisation;
}

std::vector<RankRow> compute_ranking(const Snapshot& s) {
    // Keyed by the voted cards only, and each row sorted with its card's severity beside it:
    // on a board of 50,000 cards this runs whenever the snapshot is read whole.
    std::unordered_map<Id, std::set<std::string>> voters;
    for (const auto& vote : s.votes) voters[vote.card_id].insert(voter_key(vote.voter));
    struct Sorted {
        RankRow row;
        int severity;
    };
    // Most cards have no dots: those follow the voted ones in buckets by severity (5 to 0),
    // in the cards' order (by id): the order ranked_before gives them, without sorting thousands of them.
    std::vector<Sorted> sorted;
    std::array<std::vector<RankRow>, 6> undotted;
    for (const auto& card : s.cards) {
        const auto voted = voters.find(card.id);
        const int count = voted == voters.end() ? 0 : int(voted->second.size());
        const RankRow row{card.id, s.dots(card.id), count, 0};
        if (row.dots > 0) sorted.push_back({row, card.severity});
        else undotted[std::size_t(std::clamp(card.severity, 0, 5))].push_back(row);
    }
    std::sort(sorted.begin(), sorted.end(), [](const Sorted& a, const Sorted& b) {
        return ranked_before({a.row.dots, a.severity, a.row.card_id}, {b.row.dots, b.severity, b.row.card_id});
    });
    std::vector<RankRow> rows;
    rows.reserve(s.cards.size());
    for (const auto& entry : sorted) rows.push_back(entry.row);
    for (auto bucket = undotted.rbegin(); bucket != undotted.rend(); ++bucket) rows.insert(rows.end(), bucket->begin(), bucket->end());
    for (auto& row : rows) row.rank = rank_by_dots(rows, row.dots);
    return rows;
}

namespace {

// 1 + the number of leading rows with more than `dots`; 0 for no dots.
template <typename Rows, typename DotsOf>
int rank_in(const Rows& rows, int dots, DotsOf dots_of) {
    if (dots <= 0) return 0;
    const auto more = std::partition_point(rows.begin(), rows.end(), [&](const auto& row) { return dots_of(row) > dots; });
    return int(more - rows.begin()) + 1;
}

}  // namespace

int rank_by_dots(const std::vector<int>& dots_descending, int dots) {
    return rank_in(dots_descending, dots, [](int d) { return d; });
}

int rank_by_dots(const std::vector<RankRow>& ranked, int dots) {
    return rank_in(ranked, dots, [](const RankRow& row) { return row.dots; });
}

const std::vector<RankRow>& ranking(const Snapshot& s) { return s.ranks; }

int rank_of(const Snapshot& s, Id card) { return s.card(card) ? rank_by_dots(s.ranks, s.dots(card)) : 0; }

int dots_used(const Snapshot& s, const Voter& voter) {
    int used = 0;
    for (const auto& vote : s.votes)
        if (vote.voter == voter) used += vote.dots;
    return used;
}

int dots_given(const Snapshot& s, const Voter& voter, Id card) {
    for (const auto& vote : s.votes)
        if (vote.card_id == card && vote.voter == voter) return vote.dots;
    return 0;
}

int matrix_columns(MatrixMode mode) { return mode == MatrixMode::SeverityTrend ? int(kTrendColumns.size()) : 5; }

MatrixCell matrix_cell(const Card& card, MatrixMode mode) {
    if (mode == MatrixMode::SeverityTrend) {
        if (card.severity < 1) return {0, kMatrixRows};
        int column = std::max(0, index_of(kTrendColumns, card.trend));
        return {column, kMatrixRows - card.severity};
    }
    if (card.impact < 1 || card.influence < 1) return {0, kMatrixRows};
    return {card.influence - 1, kMatrixRows - card.impact};
}

std::pair<int, int> matrix_fields(MatrixMode mode, int column, int row) {
    int columns = matrix_columns(mode);
    column = std::clamp(column, 0, columns - 1);
    row = std::clamp(row, 0, kMatrixRows);
    int vertical = row == kMatrixRows ? 0 : kMatrixRows - row;
    if (mode == MatrixMode::SeverityTrend) return {column, vertical};
    return {vertical == 0 ? 0 : column + 1, vertical};
}

Id cluster_at(const Snapshot& s, float x, float y) {
    const Cluster* best = nullptr;
    for (const auto& c : s.clusters)
        if (c.contains(x, y) && (!best || c.w * c.h < best->w * best->h || (c.w * c.h == best->w * best->h && c.id > best->id)))
            best = &c;
    return best ? best->id : 0;
}

std::vector<Id> cluster_members(const Snapshot& s, Id cluster) {
    std::vector<Id> out;
    for (const auto& card : s.cards)
        if (card.cluster_id == cluster) out.push_back(card.id);
    return out;
}

std::vector<const Cause*> causes_of(const Snapshot& s, Id card) {
    std::vector<const Cause*> out;
    auto found = s.causes_by_card.find(card);
    if (found == s.causes_by_card.end()) return out;
    out.reserve(found->second.size());
    for (auto i : found->second) out.push_back(&s.causes[i]);
    return out;
}

int cause_depth(const Snapshot& s, Id card) {
    int deepest = 0;
    for (const Cause* cause : causes_of(s, card)) {
        int depth = 1;
        const Cause* c = cause;
        while (c && c->parent_id && depth < 1000) {  // the bound guards against a cycle in a damaged file
            c = s.cause(c->parent_id);
            ++depth;
        }
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

bool in_branch(const Snapshot& s, Id cause, Id candidate) {
    for (const Cause* c = s.cause(candidate); c; c = c->parent_id ? s.cause(c->parent_id) : nullptr)
        if (c->id == cause) return true;
    return false;
}

}  // namespace kartla::problem_map
