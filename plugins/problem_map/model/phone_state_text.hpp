#pragma once
// A phone's state (phone_routes::state_for) as JSON text, made cheap for the server's
// threads: everything phones share (the cards' ids, titles and dots, the categories in
// each language, the phase) is encoded once per publication; a request only puts in
// the phone's own dots. 200 phones poll about 130 times a second, and encoding up to
// 300 cards for each poll took the CPU the main thread and the edits' answers needed.
#include "phone_routes.hpp"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::problem_map::phone_routes {

class StateText {
public:
    explicit StateText(std::shared_ptr<const RoomState> room);
    const RoomState& room() const { return *room_; }
    // The same text as state_for(room, phone, language), encoded as the room server encodes a reply.
    std::string for_phone(std::string_view phone, std::string_view language) const;

private:
    std::shared_ptr<const RoomState> room_;
    struct CardText {
        Id id = 0;
        std::string before_my_dots, after_my_dots;  // the card's object around its "my_dots" value
    };
    std::vector<CardText> cards_;
    std::map<std::string, std::string, std::less<>> categories_;  // the "categories" array, by language
    std::string categories_unnamed_;  // for a language not named (as state_for does without names)
    std::string tail_;                // from "dots_per_phone" to the end
};

}  // namespace kartla::problem_map::phone_routes
