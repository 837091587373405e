#include "report_section.hpp"

#include "board_image.hpp"
#include "cause_list.hpp"
#include "entities.hpp"


#include <fmt/format.h>

#include <algorithm>

namespace kartla::problem_map {

namespace {


// Prioritised cards by rank (cards without dots last, in board order).
std::vector<const Card*> prioritised_in_order(const Snapshot& s) {
    std::vector<const Card*> out;
    for (const auto& card : s.cards)
        if (card.prioritised) out.push_back(&card);
    auto key = [&](const Card* c) {
        int rank = rank_of(s, c->id);
        return rank > 0 ? rank : 1 << 30;
    };
    std::stable_sort(out.begin(), out.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    return out;
}

doc::Facts facts_of(const Snapshot& s, const Card& card, const Translate& tr) {
    doc::Facts facts;
    if (const Category* category = s.category(card.category_id))
        facts.items.emplace_back(tr("Category"), category_name(*category, tr));
    if (const Area* area = s.area(card.area_id)) facts.items.emplace_back(tr("Area"), area->name);
    if (card.severity) facts.items.emplace_back(tr("Severity (1–5)"), std::to_string(card.severity));
    // Every problem has its Trend row: "Unknown" tells the board the trend was not assessed.
    const char* trend = trend_msgid(card.trend);
    facts.items.emplace_back(tr("Trend"), tr(*trend ? trend : "Unknown"));
    return facts;
}

}  // namespace

doc::Section report_section(const Snapshot& s, const Translate& tr) {
    doc::Section section{tr("Problem picture"), {}};
    if (auto png = board_png(s); !png.empty())
        section.blocks.push_back(doc::Image{png, tr("The problem board")});
    const auto prioritised = prioritised_in_order(s);
    if (prioritised.empty()) section.blocks.push_back(doc::Paragraph{tr("No problem has been prioritised.")});
    else section.blocks.push_back(doc::Paragraph{tr("Prioritised problems, in the order of the vote, with their causes.")});
    int number = 0;
    for (const Card* card : prioritised) {
        section.blocks.push_back(doc::Heading{std::to_string(++number) + ". " + card->title});
        if (auto facts = facts_of(s, *card, tr); !facts.items.empty()) section.blocks.push_back(facts);
        auto tree = cause_list(s, card->id, tr, false);
        if (tree.items.empty()) section.blocks.push_back(doc::Paragraph{tr("No causes recorded.")});
        else section.blocks.push_back(tree);
    }
    // A printed report lists the other problems up to a page or so; a board of
    // imported incident notes would otherwise fill hundreds of pages.
    constexpr std::size_t kMostListed = 200;
    doc::Bullets others;
    std::size_t more = 0;
    for (const auto& card : s.cards)
        if (!card.prioritised) {
            if (others.items.size() == kMostListed) {
                ++more;
                continue;
            }
            others.items.push_back(card.title);
            others.depth.push_back(0);
        }
    if (!others.items.empty()) {
        section.blocks.push_back(doc::Heading{tr("Other problems raised")});
        section.blocks.push_back(others);
    }
    if (more > 0)
        section.blocks.push_back(doc::Paragraph{
            fmt::format(fmt::runtime(tr("… and {} more problems, listed in the workshop file.")), more)});
    return section;
}

}  // namespace kartla::problem_map
