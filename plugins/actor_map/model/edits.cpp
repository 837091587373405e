#include "model/edits.hpp"

#include "kartla/core_data.hpp"
#include "model/relation_types.hpp"

#include <algorithm>
#include <stdexcept>

namespace kartla::actor_map {

using kartla::Database;
namespace core = kartla::core_data;

namespace {

bool actor_exists(Database& db, std::int64_t id) {
    return db.scalar_int("SELECT count(*) FROM actor_map_actor WHERE id = ?", id) > 0;
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

void check_relation(Database& db, const Relation& r) {
    if (r.from == r.to) throw std::invalid_argument("an actor cannot be linked to itself");
    if (!is_relation_type(r.type)) throw std::invalid_argument("unknown relation type: " + r.type);
    if (r.strength < 1 || r.strength > 3) throw std::invalid_argument("strength must be 1, 2 or 3");
    if (!actor_exists(db, r.from) || !actor_exists(db, r.to)) throw std::invalid_argument("no such actor");
}

}  // namespace

std::int64_t add_actor(Database& db, const Actor& a) {
    std::int64_t type = a.type_id ? a.type_id : type_id_by_key(db, "other");
    db.run("INSERT INTO actor_map_actor(id, name, type_id, mandate, resources, contact_role, notes, grid_placed, interest, "
           "influence, net_x, net_y) VALUES (kartla_key(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
           a.name, type, a.mandate, a.resources, a.contact_role, a.notes, a.on_grid ? 1 : 0, clamp01(a.interest),
           clamp01(a.influence), a.x, a.y);
    return db.last_insert_id();
}

void update_actor(Database& db, const Actor& a) {
    db.run("UPDATE actor_map_actor SET name = ?, type_id = ?, mandate = ?, resources = ?, contact_role = ?, notes = ? "
           "WHERE id = ?",
           a.name, a.type_id, a.mandate, a.resources, a.contact_role, a.notes, a.id);
}

void set_actor_text(Database& db, std::int64_t id, ActorText field, std::string_view text) {
    // A fixed statement per field: no column name is ever built from data.
    static constexpr const char* kStatements[] = {
        "UPDATE actor_map_actor SET name = ? WHERE id = ?",
        "UPDATE actor_map_actor SET contact_role = ? WHERE id = ?",
        "UPDATE actor_map_actor SET mandate = ? WHERE id = ?",
        "UPDATE actor_map_actor SET resources = ? WHERE id = ?",
        "UPDATE actor_map_actor SET notes = ? WHERE id = ?",
    };
    db.run(kStatements[static_cast<int>(field)], std::string(text), id);
}

void remove_actor(Database& db, std::int64_t id) {
    db.run("DELETE FROM actor_map_relation WHERE from_actor = ? OR to_actor = ?", id, id);
    core::remove_links_of(db, {"actor", id});
    db.run("DELETE FROM actor_map_actor WHERE id = ?", id);
}

void place_on_grid(Database& db, std::int64_t id, double interest, double influence) {
    db.run("UPDATE actor_map_actor SET grid_placed = 1, interest = ?, influence = ? WHERE id = ?", clamp01(interest),
           clamp01(influence), id);
}

void remove_from_grid(Database& db, std::int64_t id) {
    db.run("UPDATE actor_map_actor SET grid_placed = 0 WHERE id = ?", id);
}

void move_on_network(Database& db, std::int64_t id, double x, double y) {
    db.run("UPDATE actor_map_actor SET net_x = ?, net_y = ? WHERE id = ?", x, y, id);
}

std::int64_t add_relation(Database& db, const Relation& r) {
    check_relation(db, r);
    db.run("INSERT INTO actor_map_relation(id, from_actor, to_actor, type, strength, note) VALUES (kartla_key(), ?, ?, ?, ?, ?)", r.from,
           r.to, r.type, r.strength, r.note);
    return db.last_insert_id();
}

void update_relation(Database& db, const Relation& r) {
    check_relation(db, r);
    db.run("UPDATE actor_map_relation SET from_actor = ?, to_actor = ?, type = ?, strength = ?, note = ? WHERE id = ?",
           r.from, r.to, r.type, r.strength, r.note, r.id);
}

void remove_relation(Database& db, std::int64_t id) { db.run("DELETE FROM actor_map_relation WHERE id = ?", id); }

void set_problem_role(Database& db, std::int64_t actor_id, std::int64_t problem_id, std::string_view role) {
    for (auto existing : {kRoleOwns, kRoleContributes, kRoleAffected})
        core::remove_link(db, {"actor", actor_id}, {"problem", problem_id}, existing);
    if (role.empty()) return;
    if (role != kRoleOwns && role != kRoleContributes && role != kRoleAffected)
        throw std::invalid_argument("unknown problem role");
    core::add_link(db, {"actor", actor_id}, {"problem", problem_id}, role);
}

void set_represented(Database& db, std::int64_t participant_id, std::int64_t actor_id) {
    db.run("DELETE FROM core_link WHERE from_kind = 'participant' AND from_id = ? AND to_kind = 'actor' "
           "AND role = 'represents'",
           participant_id);
    if (actor_id) core::add_link(db, {"participant", participant_id}, {"actor", actor_id}, "represents");
}

std::int64_t add_type(Database& db, std::string_view label) {
    std::int64_t sort = db.scalar_int("SELECT coalesce(max(sort), 0) + 10 FROM actor_map_type");
    std::int64_t next = db.scalar_int("SELECT coalesce(max(id), 0) + 1 FROM actor_map_type");
    // User types get a generated key: labels change, keys published to other plugins must not.
    db.run("INSERT INTO actor_map_type(id, key, label, builtin, sort) VALUES (kartla_key(), ?, ?, 0, ?)", "custom_" + std::to_string(next),
           label, sort);
    return db.last_insert_id();
}

void rename_type(Database& db, std::int64_t id, std::string_view label) {
    db.run("UPDATE actor_map_type SET label = ?, builtin = 0 WHERE id = ?", label, id);
}

void remove_type(Database& db, std::int64_t id) {
    if (db.scalar_int("SELECT count(*) FROM actor_map_actor WHERE type_id = ?", id) > 0)
        throw std::invalid_argument("the type is still in use");
    db.run("DELETE FROM actor_map_type WHERE id = ?", id);
}

}  // namespace kartla::actor_map
