#pragma once
// An in-memory workshop with the actor map's tables, for model tests.
#include "kartla/workshop.hpp"
#include "model/edits.hpp"
#include "model/schema.hpp"
#include "model/store.hpp"

#include <doctest/doctest.h>

#include <memory>

namespace kartla::actor_map::testing {

inline std::unique_ptr<kartla::Workshop> workshop() {
    auto w = kartla::Workshop::in_memory();
    REQUIRE(w->migrate_plugin("actor_map", migrations()).empty());
    return w;
}

inline std::int64_t add(kartla::Workshop& w, const std::string& name, const std::string& type = "other") {
    std::int64_t id = 0;
    REQUIRE(w.edit("add", [&](kartla::Database& db) {
        Actor a;
        a.name = name;
        a.type_id = type_id_by_key(db, type);
        id = add_actor(db, a);
    }));
    return id;
}

inline std::int64_t link(kartla::Workshop& w, std::int64_t from, std::int64_t to, const std::string& type = "cooperates") {
    std::int64_t id = 0;
    REQUIRE(w.edit("link", [&](kartla::Database& db) {
        Relation r;
        r.from = from;
        r.to = to;
        r.type = type;
        id = add_relation(db, r);
    }));
    return id;
}

}  // namespace kartla::actor_map::testing
