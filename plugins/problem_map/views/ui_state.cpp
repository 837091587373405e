#include "ui_state.hpp"

#include <algorithm>

namespace kartla::problem_map::views {

bool Selection::has(Id card) const { return std::find(cards.begin(), cards.end(), card) != cards.end(); }

void Selection::only(Id card) {
    cards.assign(1, card);
    cluster = 0;
}

void Selection::toggle(Id card) {
    if (has(card)) std::erase(cards, card);
    else cards.push_back(card);
    cluster = 0;
}

void Selection::clear() {
    cards.clear();
    cluster = 0;
}

std::shared_ptr<const Snapshot> UiState::snapshot() {
    Workshop* w = workshop();
    return w ? cache.get(*w) : nullptr;
}

std::optional<placement::Rect> UiState::room_view() const {
    const auto& frame = board_frame;
    if (!frame.known || !(frame.max.x > frame.min.x && frame.max.y > frame.min.y)) return std::nullopt;
    return placement::Rect{frame.min.x, frame.min.y, frame.max.x - frame.min.x, frame.max.y - frame.min.y};
}

bool UiState::silent_round_running() {
    auto s = snapshot();
    return s && s->settings.silent_round;
}

}  // namespace kartla::problem_map::views
