#include "model/schema.hpp"

#include "model/actor_types.hpp"

#include <fmt/format.h>

namespace kartla::actor_map {

namespace {

// The built-in types go in with the tables, so a new workshop has the usual list
// at once and the facilitator edits it like any other data (undoable).
std::string builtin_type_rows() {
    std::string sql;
    int sort = 0;
    for (const auto& type : builtin_types()) {
        sql += fmt::format("INSERT INTO actor_map_type(key, label, builtin, sort) VALUES ('{}', '{}', 1, {});\n",
                           type.key, type.msgid, sort);
        sort += 10;
    }
    return sql;
}

}  // namespace

const std::vector<std::string>& migrations() {
    // No foreign keys: the model deletes dependants itself, inside the same edit,
    // so the undo changeset holds every row it must restore.
    static const std::vector<std::string> steps = {
        R"sql(
CREATE TABLE actor_map_type(
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,
  label   TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,  -- 1: label is an English msgid shown translated
  sort    INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actor_map_actor(
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL DEFAULT '',
  type_id      INTEGER NOT NULL DEFAULT 0,
  mandate      TEXT NOT NULL DEFAULT '',
  resources    TEXT NOT NULL DEFAULT '',
  contact_role TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  grid_placed  INTEGER NOT NULL DEFAULT 0,
  interest     REAL NOT NULL DEFAULT 0.5,  -- 0..1, left to right on the grid
  influence    REAL NOT NULL DEFAULT 0.5,  -- 0..1, bottom to top on the grid
  net_x        REAL NOT NULL DEFAULT 0,
  net_y        REAL NOT NULL DEFAULT 0);
CREATE TABLE actor_map_relation(
  id         INTEGER PRIMARY KEY,
  from_actor INTEGER NOT NULL,
  to_actor   INTEGER NOT NULL,
  type       TEXT NOT NULL DEFAULT 'cooperates',
  strength   INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
  note       TEXT NOT NULL DEFAULT '',
  CHECK (from_actor <> to_actor));
CREATE INDEX actor_map_relation_from ON actor_map_relation(from_actor);
CREATE INDEX actor_map_relation_to ON actor_map_relation(to_actor);
)sql" + builtin_type_rows(),
    };
    return steps;
}

}  // namespace kartla::actor_map
