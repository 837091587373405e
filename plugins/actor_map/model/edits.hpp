#pragma once
// Every change to the actor map a view or the sample makes. Each runs inside one
// Host::edit (one transaction, one undo step), which the caller opens.
#include "model/store.hpp"

#include "kartla/database.hpp"

#include <cstdint>
#include <string_view>

namespace kartla::actor_map {

// --- actors
std::int64_t add_actor(kartla::Database& db, const Actor& actor);
void update_actor(kartla::Database& db, const Actor& actor);  // details, not positions
// One text of an actor, as a field writes it while it is typed.
enum class ActorText { Name, ContactRole, Mandate, Resources, Notes };
void set_actor_text(kartla::Database& db, std::int64_t id, ActorText field, std::string_view text);
// Removes the actor, its relations, and every core link to or from it.
void remove_actor(kartla::Database& db, std::int64_t id);
void place_on_grid(kartla::Database& db, std::int64_t id, double interest, double influence);
void remove_from_grid(kartla::Database& db, std::int64_t id);
void move_on_network(kartla::Database& db, std::int64_t id, double x, double y);

// --- relations
// Throws std::invalid_argument for a self-link, an unknown type or missing actors.
std::int64_t add_relation(kartla::Database& db, const Relation& relation);
void update_relation(kartla::Database& db, const Relation& relation);
void remove_relation(kartla::Database& db, std::int64_t id);

// --- actor x problem; role "" removes the link. One role per actor and problem.
void set_problem_role(kartla::Database& db, std::int64_t actor_id, std::int64_t problem_id, std::string_view role);

// --- participants of the workshop who represent an actor (actor_id 0: none)
void set_represented(kartla::Database& db, std::int64_t participant_id, std::int64_t actor_id);

// --- the editable type list
std::int64_t add_type(kartla::Database& db, std::string_view label);
void rename_type(kartla::Database& db, std::int64_t id, std::string_view label);
// Refuses (std::invalid_argument) while an actor still has the type.
void remove_type(kartla::Database& db, std::int64_t id);

}  // namespace kartla::actor_map
