#include "model/store.hpp"

#include "kartla/core_data.hpp"
#include "model/relation_types.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace kartla::actor_map {

using kartla::Database;

const Actor* Snapshot::actor(std::int64_t id) const {
    auto it = std::lower_bound(actors.begin(), actors.end(), id, [](const Actor& a, std::int64_t v) { return a.id < v; });
    return it != actors.end() && it->id == id ? &*it : nullptr;
}

const ActorType* Snapshot::type(std::int64_t id) const {
    for (const auto& t : types)
        if (t.id == id) return &t;
    return nullptr;
}

const Relation* Snapshot::relation(std::int64_t id) const {
    for (const auto& r : relations)
        if (r.id == id) return &r;
    return nullptr;
}

std::string Snapshot::problem_role(std::int64_t actor_id, std::int64_t problem_id) const {
    for (const auto& link : problem_links)
        if (link.actor_id == actor_id && link.problem_id == problem_id) return link.role;
    return {};
}

namespace {

// Values from the file reach image attributes and positions: a number that is
// not finite, or outside its range, is pulled back to one a picture can hold.
double finite_or(double value, double fallback) { return std::isfinite(value) ? value : fallback; }
double unit_interval(double value) { return std::clamp(finite_or(value, 0.5), 0.0, 1.0); }
double coordinate(double value) { return std::clamp(finite_or(value, 0.0), -1e6, 1e6); }

// Codes as read from the file, mapped onto their allowed sets (unknown: the neutral value).
std::string relation_code(std::string stored) { return is_relation_type(stored) ? stored : std::string("cooperates"); }
std::string role_code(std::string stored) {
    return stored == kRoleOwns || stored == kRoleContributes || stored == kRoleAffected ? stored : std::string();
}

void load_types(Database& db, Snapshot& out) {
    auto& s = db.prepare("SELECT id, key, label, builtin, sort FROM actor_map_type ORDER BY sort, id").with();
    while (s.step()) out.types.push_back({s.int64(0), s.text(1), s.text(2), s.int64(3) != 0, s.integer(4)});
}

void load_actors(Database& db, Snapshot& out) {
    auto& s = db.prepare(
                    "SELECT id, name, type_id, mandate, resources, contact_role, notes, grid_placed, interest, "
                    "influence, net_x, net_y FROM actor_map_actor ORDER BY id")
                  .with();
    while (s.step()) {
        Actor a;
        a.id = s.int64(0);
        a.name = s.text(1);
        a.type_id = s.int64(2);
        a.mandate = s.text(3);
        a.resources = s.text(4);
        a.contact_role = s.text(5);
        a.notes = s.text(6);
        a.on_grid = s.int64(7) != 0;
        a.interest = unit_interval(s.real(8));
        a.influence = unit_interval(s.real(9));
        a.x = coordinate(s.real(10));
        a.y = coordinate(s.real(11));
        out.actors.push_back(std::move(a));
    }
}

void load_relations(Database& db, Snapshot& out) {
    auto& s = db.prepare("SELECT id, from_actor, to_actor, type, strength, note FROM actor_map_relation ORDER BY id").with();
    while (s.step()) out.relations.push_back({s.int64(0), s.int64(1), s.int64(2), relation_code(s.text(3)),
                                                  std::clamp(s.integer(4), 1, 3), s.text(5)});
}

void load_links(Database& db, Snapshot& out) {
    auto& s = db.prepare(
                    "SELECT from_id, to_id, role FROM core_link WHERE from_kind = 'actor' AND to_kind = 'problem' "
                    "ORDER BY id")
                  .with();
    while (s.step()) out.problem_links.push_back({s.int64(0), s.int64(1), role_code(s.text(2))});
    auto& r = db.prepare(
                    "SELECT from_id, to_id FROM core_link WHERE from_kind = 'participant' AND to_kind = 'actor' "
                    "AND role = 'represents' ORDER BY id")
                  .with();
    while (r.step()) out.represented_by[r.int64(0)] = r.int64(1);
}

}  // namespace

Snapshot load(Database& db) {
    Snapshot out;
    load_types(db, out);
    load_actors(db, out);
    load_relations(db, out);
    load_links(db, out);
    return out;
}

std::int64_t type_id_by_key(Database& db, std::string_view key) {
    return db.scalar_int("SELECT id FROM actor_map_type WHERE key = ?", key);
}

}  // namespace kartla::actor_map
