#pragma once
// What the actor map's views share: the host, the model state cached per
// workshop revision (never SQL per frame) and the selection. Edits go through
// host().edit(label msgid, change), which shows failures itself.
#include "kartla/core_data.hpp"
#include "kartla/plugin_api.hpp"
#include "model/gaps.hpp"
#include "model/layout.hpp"
#include "model/scene.hpp"
#include "model/store.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace kartla::actor_map::views {

struct Data {
    Snapshot snapshot;
    std::vector<kartla::Entity> problems;  // prioritised first, then by rank and title
    bool problems_available = false;
    Gaps gaps;
    std::vector<kartla::core_data::Participant> participants;
    std::map<std::int64_t, Size> node_sizes;  // per actor, world units
    std::map<std::int64_t, std::vector<std::string>> node_lines;
    std::map<std::int64_t, Size> chip_sizes;  // on the grid
    std::map<std::int64_t, std::vector<std::string>> chip_lines;
};

enum class MapTab { Grid, Network, Matrix, Gaps };

class UiState {
public:
    explicit UiState(kartla::Host& host) : host_(host) {}

    kartla::Host& host() { return host_; }
    kartla::Workshop* workshop() { return host_.workshop(); }
    const char* tr(const char* msgid) { return host_.tr(msgid); }
    Translate translator() { return host_.translator(); }
    // Pixels per world unit at zoom 1: follows the user's text size.
    float ui_scale() const;

    // The cached model; reloaded only when the workshop's revision changes. Call it
    // once at the start of a view's frame: a reload replaces what it returned.
    const Data& data();

    std::string type_name(const Snapshot& snapshot, const Actor& actor);

    std::int64_t selected_actor = 0;
    std::int64_t selected_relation = 0;
    // A view may ask the map window to show another tab (e.g. from the gap panel).
    bool tab_requested = false;
    MapTab requested_tab = MapTab::Grid;
    Point network_centre;  // the world point in the middle of the network canvas, for new actors

private:
    void reload(kartla::Workshop& workshop);

    kartla::Host& host_;
    Data data_;
    const kartla::Workshop* cached_workshop_ = nullptr;
    std::uint64_t cached_revision_ = 0;
    bool cached_ = false;
};

}  // namespace kartla::actor_map::views
