#include "entities.hpp"

namespace kartla::problem_map {

const char* trend_msgid(const std::string& trend) {
    if (trend == "rising") return "Rising";
    if (trend == "stable") return "Stable";
    if (trend == "falling") return "Falling";
    if (trend == "unknown") return "Unknown";
    return "";
}

std::vector<Entity> problem_entities(const Snapshot& s) {
    auto ranks = ranking(s);
    std::vector<Entity> out;
    out.reserve(s.cards.size());
    for (const auto& card : s.cards) {
        // A card still face down in a silent round is not yet the room's: other plugins
        // would show its title on the shared screen before the facilitator reveals it.
        if (card.hidden) continue;
        Entity e{"problem", card.id, card.title, {}};
        const Category* category = s.category(card.category_id);
        const Area* area = s.area(card.area_id);
        int rank = rank_of(ranks, card.id);
        e.attributes = {{"prioritised", card.prioritised ? "1" : "0"},
                        {"category", category ? category_name(*category, nullptr) : std::string()},
                        {"severity", card.severity ? std::to_string(card.severity) : std::string()},
                        {"trend", card.trend},
                        {"trend_label", trend_msgid(card.trend)},
                        {"area", area ? area->name : std::string()},
                        {"rank", rank ? std::to_string(rank) : std::string()}};
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<Entity> cause_entities(const Snapshot& s) {
    std::vector<Entity> out;
    out.reserve(s.causes.size());
    for (const auto& cause : s.causes) {
        Entity e{"cause", cause.id, cause.text, {}};
        e.attributes = {{"problem_id", std::to_string(cause.card_id)},
                        {"parent_id", cause.parent_id ? std::to_string(cause.parent_id) : std::string()},
                        {"nature", cause.nature},
                        {"factor", cause.factor}};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace kartla::problem_map
