#pragma once
// The actor map's data and reading it: one snapshot per workshop revision. The
// changes are in edits.hpp.
#include "kartla/database.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::actor_map {

struct ActorType {
    std::int64_t id = 0;
    std::string key;
    std::string label;  // an English msgid when builtin
    bool builtin = false;
    int sort = 0;
};

struct Actor {
    std::int64_t id = 0;
    std::string name;
    std::int64_t type_id = 0;
    std::string mandate;    // mandate and powers
    std::string resources;  // what they bring
    std::string contact_role;
    std::string notes;
    bool on_grid = false;
    double interest = 0.5;   // 0..1
    double influence = 0.5;  // 0..1
    double x = 0, y = 0;     // on the network canvas, in world units
};

struct Relation {
    std::int64_t id = 0;
    std::int64_t from = 0;
    std::int64_t to = 0;
    std::string type = "cooperates";
    int strength = 2;  // 1 weak .. 3 strong
    std::string note;
};

// An actor's part in a problem, stored in core_link from {"actor"} to {"problem"}.
inline constexpr std::string_view kRoleOwns = "owns";
inline constexpr std::string_view kRoleContributes = "contributes";
inline constexpr std::string_view kRoleAffected = "affected";

struct ProblemLink {
    std::int64_t actor_id = 0;
    std::int64_t problem_id = 0;
    std::string role;
};

struct Snapshot {
    std::vector<ActorType> types;
    std::vector<Actor> actors;  // ordered by id
    std::vector<Relation> relations;
    std::vector<ProblemLink> problem_links;
    std::map<std::int64_t, std::int64_t> represented_by;  // participant id -> actor id

    const Actor* actor(std::int64_t id) const;
    const ActorType* type(std::int64_t id) const;
    const Relation* relation(std::int64_t id) const;
    // The role an actor has in a problem, "" when none.
    std::string problem_role(std::int64_t actor_id, std::int64_t problem_id) const;
};

Snapshot load(kartla::Database& db);

// The type list, read: the id of a type by its key (0: none).
std::int64_t type_id_by_key(kartla::Database& db, std::string_view key);

}  // namespace kartla::actor_map
