#include "report_section.hpp"

#include "board_image.hpp"
#include "entities.hpp"


#include <fmt/format.h>

#include <algorithm>
#include <functional>

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
    // An unknown trend says nothing worth a line in a printed report.
    if (const char* trend = trend_msgid(card.trend); *trend && card.trend != "unknown")
        facts.items.emplace_back(tr("Trend"), tr(trend));
    return facts;
}

// Direct causes, each followed by its underlying ones, indented by depth.
doc::Bullets cause_tree(const Snapshot& s, Id card, const Translate& tr) {
    const auto causes = causes_of(s, card);
    doc::Bullets out;
    std::function<void(Id, int)> add = [&](Id parent, int depth) {
        for (const Cause* c : causes) {
            if (c->parent_id != parent) continue;
            std::string text = c->text;
            if (c->nature == "situational" || c->nature == "social") text += std::string(" (") + tr(c->nature.c_str()) + ")";
            out.items.push_back(text);
            out.depth.push_back(depth);
            if (depth < 8) add(c->id, depth + 1);  // the bound guards against a cycle in a damaged file
        }
    };
    add(0, 0);
    return out;
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
        auto tree = cause_tree(s, card->id, tr);
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
