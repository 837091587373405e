#include "entities.hpp"

namespace kartla::problem_map {

const char* trend_msgid(const std::string& trend) {
    if (trend == "rising") return "Rising";
    if (trend == "stable") return "Stable";
    if (trend == "falling") return "Falling";
    if (trend == "unknown") return "Unknown";
    return "";
}

Entity problem_entity(const Card& card, const Category* category, const Area* area, int rank) {
    Entity e{"problem", card.id, card.title, {}};
    e.attributes = {{"prioritised", card.prioritised ? "1" : "0"},
                    {"category", category ? category_name(*category, nullptr) : std::string()},
                    {"severity", card.severity ? std::to_string(card.severity) : std::string()},
                    {"trend", card.trend},
                    {"trend_label", trend_msgid(card.trend)},
                    {"area", area ? area->name : std::string()},
                    {"rank", rank ? std::to_string(rank) : std::string()}};
    return e;
}

Entity cause_entity(const Cause& cause) {
    Entity e{"cause", cause.id, cause.text, {}};
    e.attributes = {{"problem_id", std::to_string(cause.card_id)},
                    {"parent_id", cause.parent_id ? std::to_string(cause.parent_id) : std::string()},
                    {"nature", cause.nature},
                    {"factor", cause.factor}};
    return e;
}

std::vector<Entity> problem_entities(const Snapshot& s) {
    std::vector<Entity> out;
    out.reserve(s.cards.size());
    for (const auto& card : s.cards) {
        // A card still face down in a silent round is not yet the room's: other plugins
        // would show its title on the shared screen before the facilitator reveals it.
        if (card.hidden) continue;
        out.push_back(problem_entity(card, s.category(card.category_id), s.area(card.area_id), rank_of(s, card.id)));
    }
    return out;
}

std::vector<Entity> cause_entities(const Snapshot& s) {
    std::vector<Entity> out;
    out.reserve(s.causes.size());
    for (const auto& cause : s.causes) out.push_back(cause_entity(cause));
    return out;
}

}  // namespace kartla::problem_map
