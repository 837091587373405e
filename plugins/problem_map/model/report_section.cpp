#include "report_section.hpp"

#include "board_image.hpp"
#include "cause_list.hpp"
#include "entities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

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

// The board in words: each cluster with its problems, as the picture groups them,
// then the problems in no cluster. Cards still face down stay unread, as on the board.
struct BoardInWords {
    doc::Table table;
    std::size_t more = 0;  // rows left out past `most`
};

BoardInWords board_table(const Snapshot& s, const Translate& tr, std::size_t most) {
    BoardInWords out{{{tr("Cluster"), tr("Problem"), tr("Category"), tr("Prioritised")}, {2.0, 4.0, 2.0, 1.2}, {}}, 0};
    std::unordered_map<Id, std::vector<const Card*>> by_cluster;
    for (const auto& card : s.cards) by_cluster[s.cluster(card.cluster_id) ? card.cluster_id : 0].push_back(&card);
    auto add = [&](const std::string& cluster, const std::vector<const Card*>& cards) {
        for (const Card* card : cards) {
            if (out.table.rows.size() == most) {
                ++out.more;
                continue;
            }
            const Category* category = s.category(card->category_id);
            out.table.rows.push_back({cluster, card->hidden ? tr("(face down)") : card->title,
                                      category && !card->hidden ? category_name(*category, tr) : std::string(),
                                      card->prioritised ? tr("Yes") : std::string()});
        }
    };
    for (const auto& cluster : s.clusters) add(cluster.name, by_cluster[cluster.id]);
    add(tr("(no cluster)"), by_cluster[0]);
    return out;
}

void add_board(doc::Section& section, const Snapshot& s, const Translate& tr, std::size_t most) {
    auto png = board_png(s);
    if (png.empty()) return;
    const auto prioritised = std::count_if(s.cards.begin(), s.cards.end(), [](const Card& c) { return c.prioritised; });
    section.blocks.push_back(doc::Image{
        std::move(png), tr("The problem board"),
        fmt::format(fmt::runtime(tr("The problem board: {} problems in {} clusters, {} of them prioritised (framed), "
                                    "coloured by category; the clusters and their problems are listed in the table below.")),
                    s.cards.size(), s.clusters.size(), prioritised)});
    BoardInWords words = board_table(s, tr, most);
    section.blocks.push_back(std::move(words.table));
    if (words.more > 0)
        section.blocks.push_back(doc::Paragraph{
            fmt::format(fmt::runtime(tr("… and {} more problems, listed in the workshop file.")), words.more)});
}

}  // namespace

doc::Section report_section(const Snapshot& s, const Translate& tr) {
    doc::Section section{tr("Problem picture"), {}};
    // A printed report lists problems up to a page or so; a board of imported
    // incident notes would otherwise fill hundreds of pages.
    constexpr std::size_t kMostListed = 200;
    add_board(section, s, tr, kMostListed);
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
