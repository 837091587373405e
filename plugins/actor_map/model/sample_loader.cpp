#include "model/sample_loader.hpp"

#include "kartla/core_data.hpp"
#include "model/edits.hpp"
#include "model/layout.hpp"
#include "model/store.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace kartla::actor_map {

namespace {

using nlohmann::json;

void check(const kartla::EditResult& result) {
    if (!result) throw std::runtime_error(result.message);
}

std::int64_t find_actor(const std::map<std::string, std::int64_t>& ids, const std::string& name) {
    auto it = ids.find(name);
    if (it == ids.end()) throw std::runtime_error("the actor sample names an unknown actor: " + name);
    return it->second;
}

std::map<std::string, std::int64_t> add_actors(kartla::Workshop& w, const json& sample) {
    std::map<std::string, std::int64_t> ids;
    for (const auto& item : sample.at("actors")) {
        Actor a;
        a.name = item.at("name").get<std::string>();
        a.mandate = item.value("mandate", "");
        a.resources = item.value("resources", "");
        a.contact_role = item.value("contact_role", "");
        a.notes = item.value("notes", "");
        a.on_grid = item.contains("interest") && item.contains("influence");
        a.interest = item.value("interest", 0.5);
        a.influence = item.value("influence", 0.5);
        std::string type = item.value("type", "other");
        check(w.edit("Add actor", [&](kartla::Database& db) {
            a.type_id = type_id_by_key(db, type);
            if (!a.type_id) throw std::runtime_error("unknown actor type in the sample: " + type);
            ids[a.name] = add_actor(db, a);
        }));
    }
    return ids;
}

void add_relations(kartla::Workshop& w, const json& sample, const std::map<std::string, std::int64_t>& ids) {
    for (const auto& item : sample.value("relations", json::array())) {
        Relation r;
        r.from = find_actor(ids, item.at("from").get<std::string>());
        r.to = find_actor(ids, item.at("to").get<std::string>());
        r.type = item.value("type", "cooperates");
        r.strength = item.value("strength", 2);
        r.note = item.value("note", "");
        check(w.edit("Link actors", [&](kartla::Database& db) { add_relation(db, r); }));
    }
}

void add_problem_roles(kartla::Workshop& w, const json& sample, const std::map<std::string, std::int64_t>& ids,
                       const std::vector<kartla::Entity>& problems, SampleReport& report) {
    std::map<std::string, std::int64_t> by_title;
    for (const auto& p : problems) by_title.emplace(p.label, p.id);
    for (const auto& item : sample.value("problem_roles", json::array())) {
        std::string title = item.at("problem").get<std::string>();
        auto problem = by_title.find(title);
        if (problem == by_title.end()) {  // the problem plugin is absent or its sample changed: skip, do not fail
            report.missing_problems.push_back(title);
            continue;
        }
        std::int64_t actor = find_actor(ids, item.at("actor").get<std::string>());
        std::string role = item.at("role").get<std::string>();
        check(w.edit("Set the actor's part in a problem",
                     [&](kartla::Database& db) { set_problem_role(db, actor, problem->second, role); }));
    }
}

void link_participants(kartla::Workshop& w, const json& sample, const std::map<std::string, std::int64_t>& ids) {
    auto participants = kartla::core_data::participants(w.db());
    for (const auto& item : sample.value("represented_by", json::array())) {
        std::string role = item.at("participant_role").get<std::string>();
        std::int64_t actor = find_actor(ids, item.at("actor").get<std::string>());
        for (const auto& p : participants)
            if (p.role == role)
                check(w.edit("Link participant to actor", [&](kartla::Database& db) { set_represented(db, p.id, actor); }));
    }
}

void arrange(kartla::Workshop& w) {
    check(w.edit("Arrange the network", [](kartla::Database& db) {
        Snapshot snapshot = load(db);
        auto positions = layout_network(snapshot, 2.4);  // the wide network canvas of a 16:9 screen
        for (std::size_t i = 0; i < positions.size(); ++i)
            move_on_network(db, snapshot.actors[i].id, positions[i].x, positions[i].y);
    }));
}

}  // namespace

SampleReport load_sample(kartla::Workshop& workshop, const json& sample, const std::vector<kartla::Entity>& problems) {
    SampleReport report;
    auto ids = add_actors(workshop, sample);
    add_relations(workshop, sample, ids);
    add_problem_roles(workshop, sample, ids, problems, report);
    link_participants(workshop, sample, ids);
    arrange(workshop);
    return report;
}

}  // namespace kartla::actor_map
