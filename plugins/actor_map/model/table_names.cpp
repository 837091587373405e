#include "table_names.hpp"

namespace kartla::actor_map {

std::vector<TableNames> table_names() {
    return {
        {"actor_map_type", "Actor type", {{"key", "Name"}, {"label", "Name"}, {"builtin", "Actor type"}, {"sort", "Order"}}},
        {"actor_map_actor", "Actor",
         {{"name", "Name"},
          {"type_id", "Type"},
          {"mandate", "Mandate and powers"},
          {"resources", "Resources they bring"},
          {"contact_role", "Contact role"},
          {"notes", "Notes"},
          {"grid_placed", "Influence and interest"},
          {"interest", "Interest"},
          {"influence", "Influence"},
          {"net_x", "Place in the network"},
          {"net_y", "Place in the network"}}},
        {"actor_map_relation", "Relation",
         {{"from_actor", "From"}, {"to_actor", "To"}, {"type", "Type"}, {"strength", "Strength (1–3)"}, {"note", "Notes"}}},
    };
}

}  // namespace kartla::actor_map
