#include "situation_sections.hpp"

#include "cause_list.hpp"
#include "entities.hpp"
#include "words.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kartla::problem_map {

namespace {

// A printed survey lists up to a few pages of problems; a board of imported
// incident notes would otherwise fill hundreds.
constexpr std::size_t kMostListed = 200;

// The words of the bits set in `bits`, joined.
template <std::size_t N>
std::string words_of(int bits, const std::array<const char*, N>& words, const Translate& tr) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i)
        if (bits & (1 << i)) out += (out.empty() ? "" : ", ") + std::string(tr(words[i]));
    return out;
}

std::string joined(std::initializer_list<std::string> parts, const char* glue) {
    std::string out;
    for (const auto& part : parts)
        if (!part.empty()) out += (out.empty() ? "" : glue) + part;
    return out;
}

std::string where(const Snapshot& s, const Card& card, const Translate& tr) {
    std::string area;
    if (const Area* a = s.area(card.area_id)) {
        area = a->name;
        if (const int i = index_of(kPoliceClasses, a->police_class); i > 0)
            area += std::string(" (") + tr(kPoliceClassWords[std::size_t(i)]) + ")";
    }
    return joined({area, card.place}, ", ");
}

std::string when(const Card& card, const Translate& tr) {
    return joined({words_of(card.seasons, kSeasonWords, tr), words_of(card.weekdays, kWeekdayWords, tr),
                   words_of(card.times_of_day, kTimeWords, tr), card.when_note},
                  "; ");
}

std::string trend_word(const Card& card, const Translate& tr) {
    const int i = index_of(kTrends, card.trend);
    return tr(kTrendWords[std::size_t(i < 0 ? 3 : i)]);
}

// Prioritised problems first, in the order of the vote; then the others in board order.
std::vector<const Card*> survey_order(const Snapshot& s) {
    std::vector<const Card*> out;
    for (const auto& card : s.cards)
        if (!card.hidden) out.push_back(&card);
    const auto key = [&](const Card* c) {
        const int rank = rank_of(s, c->id);
        return std::pair{!c->prioritised, rank > 0 ? rank : 1 << 30};
    };
    std::stable_sort(out.begin(), out.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    return out;
}

void note_more(doc::Section& section, std::size_t listed, std::size_t all, const Translate& tr) {
    if (all > listed)
        section.blocks.push_back(doc::Paragraph{
            fmt::format(fmt::runtime(tr("… and {} more problems, listed in the workshop file.")), all - listed)});
}

}  // namespace

doc::Section survey_section(const Snapshot& s, const Translate& tr) {
    doc::Section section{tr("The problems: what, where, when and whom"), {}};
    const auto cards = survey_order(s);
    if (cards.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No problems recorded.")});
        return section;
    }
    section.blocks.push_back(doc::Paragraph{tr("Every problem the mapping raised, the prioritised ones first.")});
    doc::Table table{{tr("Problem"), tr("Category"), tr("Where"), tr("When it happens"), tr("Who is affected / target group"),
                      tr("Extent"), tr("Trend"), tr("Severity (1–5)")},
                     {3.0, 1.6, 2.2, 2.2, 2.0, 2.2, 1.2, 1.1},
                     {}};
    for (const Card* card : cards) {
        if (table.rows.size() == kMostListed) break;
        const Category* category = s.category(card->category_id);
        table.rows.push_back({card->title + (card->prioritised ? " *" : ""), category ? category_name(*category, tr) : "",
                              where(s, *card, tr), when(*card, tr), card->target_group, card->extent, trend_word(*card, tr),
                              card->severity ? std::to_string(card->severity) : tr("Not assessed")});
    }
    section.blocks.push_back(std::move(table));
    section.blocks.push_back(doc::Paragraph{tr("* prioritised problem")});
    note_more(section, kMostListed, cards.size(), tr);
    return section;
}

doc::Section sources_section(const Snapshot& s, const Translate& tr) {
    doc::Section section{tr("Sources and their limitations"), {}};
    const auto cards = survey_order(s);
    doc::Table table{{tr("Problem"), tr("Sources"), tr("Limitations of the sources"), tr("Confidence")},
                     {3.0, 3.0, 4.0, 1.4},
                     {}};
    for (const Card* card : cards) {
        if (table.rows.size() == kMostListed) break;
        const int confidence = std::max(0, index_of(kConfidences, card->confidence));
        table.rows.push_back({card->title, words_of(card->sources, kSourceWords, tr), card->source_limitations,
                              tr(kConfidenceWords[std::size_t(confidence)])});
    }
    if (table.rows.empty()) section.blocks.push_back(doc::Paragraph{tr("No problems recorded.")});
    else section.blocks.push_back(std::move(table));
    note_more(section, kMostListed, cards.size(), tr);
    return section;
}

doc::Section analysis_section(const Snapshot& s, const Translate& tr) {
    doc::Section section{tr("Analysis: causes and priorities"), {}};
    std::vector<const Card*> prioritised;
    for (const Card* card : survey_order(s))
        if (card->prioritised) prioritised.push_back(card);
    if (prioritised.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No problem has been prioritised.")});
        return section;
    }
    // The grounds Brå names for a priority, as the workshop recorded them.
    section.blocks.push_back(doc::Heading{tr("Priorities and their grounds")});
    doc::Table grounds{{tr("Rank"), tr("Problem"), tr("Dots"), tr("Severity (1–5)"), tr("Trend"), tr("Signal crime")},
                       {0.9, 4.0, 0.9, 1.3, 1.3, 1.3},
                       {}};
    for (const Card* card : prioritised) {
        int dots = 0;
        for (const auto& row : ranking(s))
            if (row.card_id == card->id) dots = row.dots;
        const int rank = rank_of(s, card->id);
        grounds.rows.push_back({rank ? std::to_string(rank) : "–", card->title, std::to_string(dots),
                                card->severity ? std::to_string(card->severity) : tr("Not assessed"), trend_word(*card, tr),
                                card->signal_crime ? tr("Yes") : tr("No")});
    }
    section.blocks.push_back(std::move(grounds));
    // Causes per prioritised problem: direct, then underlying; situational or
    // social, and whether a risk factor or a missing protective factor.
    for (const Card* card : prioritised) {
        section.blocks.push_back(doc::Heading{card->title});
        auto causes = cause_list(s, card->id, tr, true);
        if (causes.items.empty()) section.blocks.push_back(doc::Paragraph{tr("No causes recorded.")});
        else section.blocks.push_back(std::move(causes));
    }
    return section;
}

}  // namespace kartla::problem_map
