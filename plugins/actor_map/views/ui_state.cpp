#include "views/ui_state.hpp"

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <limits>

namespace kartla::actor_map::views {

namespace {

int rank(const kartla::Entity& problem) {
    std::string text = problem.attribute("rank");
    int value = std::numeric_limits<int>::max();
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

void order_problems(std::vector<kartla::Entity>& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
        bool pa = is_prioritised(a), pb = is_prioritised(b);
        if (pa != pb) return pa;
        int ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a.label < b.label;
    });
}

}  // namespace

float UiState::ui_scale() const { return ImGui::GetFontSize() / 20.0f; }

const Data& UiState::data() {
    kartla::Workshop* w = workshop();
    if (!w) {
        data_ = Data{};
        cached_ = false;
        return data_;
    }
    if (!cached_ || cached_workshop_ != w || cached_revision_ != w->revision()) reload(*w);
    return data_;
}

void UiState::reload(kartla::Workshop& w) {
    Data fresh;
    fresh.snapshot = load(w.db());
    fresh.problems = host_.entities("problem", &fresh.problems_available);
    order_problems(fresh.problems);
    // The problems just read stand in for a second call to the problem plugin.
    fresh.gaps = find_gaps(w.db(), [&](std::string_view kind, bool* available) {
        if (kind != "problem") return host_.entities(kind, available);
        if (available) *available = fresh.problems_available;
        return fresh.problems;
    });
    fresh.participants = kartla::core_data::participants(w.db());
    for (const auto& actor : fresh.snapshot.actors) {
        fresh.node_sizes[actor.id] = node_size(actor.name);
        fresh.node_lines[actor.id] = wrap_label(actor.name, kNodeFont, kNodeMaxWidth - 2 * kNodePadding);
        fresh.chip_sizes[actor.id] = node_size(actor.name, kChipMaxWidth);
        fresh.chip_lines[actor.id] = wrap_label(actor.name, kNodeFont, kChipMaxWidth - 2 * kNodePadding);
    }
    data_ = std::move(fresh);
    cached_workshop_ = &w;
    cached_revision_ = w.revision();
    cached_ = true;
    // A selection that no longer exists (deleted, or undone) is dropped.
    if (selected_actor && !data_.snapshot.actor(selected_actor)) selected_actor = 0;
    if (selected_relation && !data_.snapshot.relation(selected_relation)) selected_relation = 0;
}

std::string UiState::type_name(const Snapshot& snapshot, const Actor& actor) {
    const ActorType* type = snapshot.type(actor.type_id);
    return type ? type_label(*type, translator()) : std::string(tr("Other"));
}

}  // namespace kartla::actor_map::views
