#include "phone_state_text.hpp"

#include <algorithm>

namespace kartla::problem_map::phone_routes {

namespace {

// As the room server encodes: text that is not UTF-8 (a damaged file) replaced, never thrown.
std::string encoded(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The "categories" array as state_for makes it for one language (`names` null: none named).
std::string categories_text(const RoomState& room, const std::vector<std::string>* names) {
    nlohmann::json array = nlohmann::json::array();
    for (std::size_t i = 0; i < room.categories.size(); ++i) {
        const auto& category = room.categories[i];
        const bool known = names && i < names->size();
        array.push_back({{"id", category.id}, {"name", known ? (*names)[i] : category_name(category, nullptr)}});
    }
    return encoded(array);
}

}  // namespace

StateText::StateText(std::shared_ptr<const RoomState> shared) : room_(std::move(shared)) {
    const RoomState& room = *room_;
    // The keys in the order the JSON library writes an object's: sorted.
    for (const auto& listed : room.cards) {
        std::string before = "{";
        if (room.ranking) before += "\"dots\":" + std::to_string(listed.dots) + ",";
        before += "\"id\":" + std::to_string(listed.id) + ",\"my_dots\":";
        cards_.push_back({listed.id, std::move(before), ",\"title\":" + encoded(listed.title) + "}"});
    }
    for (const auto& [language, names] : room.category_names) categories_[language] = categories_text(room, &names);
    categories_unnamed_ = categories_text(room, nullptr);
    auto flag = [](bool on) { return on ? "true" : "false"; };
    tail_ = ",\"dots_per_phone\":" + std::to_string(room.dots_per_phone) + ",\"ranking\":" + flag(room.ranking) +
            ",\"silent_round\":" + flag(room.silent_round) + ",\"voting\":" + flag(room.voting) + "}";
}

std::string StateText::for_phone(std::string_view phone, std::string_view language) const {
    const auto found = room_->phone_dots.find(std::string(phone));
    const std::vector<std::pair<Id, int>> none;
    const auto& mine = found == room_->phone_dots.end() ? none : found->second;
    int used = 0;
    for (const auto& given : mine) used += given.second;
    std::string text = "{\"cards\":[";
    text.reserve(64 * cards_.size() + 2048);
    for (std::size_t i = 0; i < cards_.size(); ++i) {
        const auto& card = cards_[i];
        const auto given = std::find_if(mine.begin(), mine.end(), [&card](const auto& g) { return g.first == card.id; });
        if (i) text += ',';
        text += card.before_my_dots;
        text += std::to_string(given == mine.end() ? 0 : given->second);
        text += card.after_my_dots;
    }
    text += "],\"categories\":";
    auto named = categories_.find(language);
    if (named == categories_.end()) named = categories_.find("en");
    text += named == categories_.end() ? categories_unnamed_ : named->second;
    text += ",\"dots_left\":" + std::to_string(std::max(0, room_->dots_per_phone - used));
    text += tail_;
    return text;
}

}  // namespace kartla::problem_map::phone_routes
