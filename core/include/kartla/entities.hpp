#pragma once
// The SDK: what plugins publish for each other to reference (Host::add_entity_kind,
// Host::entities), and the one way a model reads them without a window.
#include "kartla/workshop.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kartla {

// An item a plugin publishes for others to reference, e.g. {"problem", 7, "Drug dealing at the square"}.
// Attributes carry the few facts other plugins may act on, documented by the
// publishing plugin (e.g. a problem's "prioritised" = "1", a cause's "problem_id").
struct Entity {
    std::string kind;
    std::int64_t id = 0;
    std::string label;
    std::map<std::string, std::string> attributes;

    std::string attribute(const std::string& key) const {
        auto found = attributes.find(key);
        return found == attributes.end() ? std::string() : found->second;
    }
};

// Some of one kind's entities: those with one of `ids`, and those whose
// attribute `key` has one of `values` (an empty key: by id only).
struct EntityFilter {
    std::vector<std::int64_t> ids;
    std::string key;
    std::vector<std::string> values;

    bool matches(const Entity& e) const {
        for (auto id : ids)
            if (id == e.id) return true;
        if (key.empty()) return false;
        const std::string value = e.attribute(key);
        for (const auto& v : values)
            if (v == value) return true;
        return false;
    }
};

struct EntityKindSpec {
    std::string kind;  // "problem", "cause", "actor", ...
    std::function<std::vector<Entity>(Workshop&)> list;
    // Optional: what `list` gives that matches the filter, in the same order,
    // without reading the rest: an export of a few measures on a board of 50,000
    // cards should not load every card. Empty: the host filters `list`.
    std::function<std::vector<Entity>(Workshop&, const EntityFilter&)> select = {};
    // The plugin's table whose (one-column) key is this kind's id, when there is one:
    // a merge of two copies then finds a link (core_link) to an entity the other copy
    // deleted, and asks, instead of keeping a link to nothing (docs/merging.md).
    std::string table = {};
};

// Host::entities, or a stand-in in tests and benchmarks: the one shape every
// plugin's model takes the other plugins' entities in. `available` (may be null)
// tells whether a plugin publishes that kind at all.
using EntitySource = std::function<std::vector<Entity>(std::string_view kind, bool* available)>;
// Host::entities_where, or a stand-in: only the entities of a kind that match a
// filter, for a rule that needs a few of a large kind (the prioritised problems
// of a board of 50,000 cards) and must not read the rest.
using EntitySelect = std::function<std::vector<Entity>(std::string_view kind, const EntityFilter& filter, bool* available)>;

// An EntitySelect over a whole list (tests, stand-ins): the filter run in memory.
inline EntitySelect select_from(EntitySource source) {
    return [source = std::move(source)](std::string_view kind, const EntityFilter& filter, bool* available) {
        std::vector<Entity> out;
        if (!source) return out;
        for (auto& e : source(kind, available))
            if (filter.matches(e)) out.push_back(std::move(e));
        return out;
    };
}

}  // namespace kartla
