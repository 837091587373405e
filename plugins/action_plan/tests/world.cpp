#include "world.hpp"

#include "../model/export/exporters.hpp"
#include "../model/measure.hpp"
#include "../model/schema.hpp"

#include <doctest/doctest.h>

namespace kartla::action_plan::test {

namespace {

kartla::Entity problem(std::int64_t id, std::string label, bool prioritised, std::string rank) {
    return {"problem", id, std::move(label),
            {{"prioritised", prioritised ? "1" : "0"}, {"rank", std::move(rank)}, {"category", ""}, {"severity", "4"}}};
}

kartla::Entity cause(std::int64_t id, std::int64_t problem_id, std::string parent, std::string label, std::string nature) {
    return {"cause", id, std::move(label),
            {{"problem_id", std::to_string(problem_id)}, {"parent_id", std::move(parent)}, {"nature", std::move(nature)}}};
}

}  // namespace

Translate identity() {
    return [](const char* msgid) { return msgid; };
}

World::World(const std::filesystem::path& file) {
    runtime.messages().echo_to_stderr = false;
    if (file.empty()) {
        runtime.set_workshop(kartla::Workshop::in_memory());
    } else {
        auto created = kartla::Workshop::create(file);
        REQUIRE(std::holds_alternative<std::unique_ptr<kartla::Workshop>>(created));
        runtime.set_workshop(std::move(std::get<std::unique_ptr<kartla::Workshop>>(created)));
    }
    REQUIRE(workshop().migrate_plugin("action_plan", migrations()).empty());
    problems = {problem(kDrugs, "Narkotikaförsäljning vid Centrumtorget", true, "1"),
                problem(kRecruitment, "Rekrytering av unga på Östra Höjden", true, "2"),
                problem(kGraffiti, "Klotter i tunneln", false, "")};
    causes = {cause(kDarkPlaces, kDrugs, "", "Mörka platser vid torget", "situational"),
              cause(kNoManager, kDrugs, std::to_string(kDarkPlaces), "Ingen förvaltare kvällstid", "situational"),
              cause(kNoLeisure, kRecruitment, "", "Brist på meningsfull fritid", "social")};
    actors = {{"actor", kPolice, "Polisen, lokalpolisområde Älvstad", {{"type", "police"}}},
              {"actor", kSocial, "Socialförvaltningen", {{"type", "municipality"}}},
              {"actor", kHousing, "Älvstadshem AB", {{"type", "housing"}}}};
    auto& host = runtime.core_host();
    host.add_entity_kind({"problem", [this](kartla::Workshop&) {
                              if (!publish_problems) return std::vector<kartla::Entity>{};
                              return problems;
                          }});
    host.add_entity_kind({"cause", [this](kartla::Workshop&) {
                              if (!publish_problems) return std::vector<kartla::Entity>{};
                              return causes;
                          }});
    host.add_entity_kind({"actor", [this](kartla::Workshop&) {
                              if (!publish_actors) return std::vector<kartla::Entity>{};
                              return actors;
                          }});
}

EntitySource World::source() {
    return [this](std::string_view kind, bool* available) {
        // A plugin that is not loaded publishes nothing and is not available.
        const bool published = (kind == "actor") ? publish_actors : publish_problems;
        if (!published) {
            if (available) *available = false;
            return std::vector<kartla::Entity>{};
        }
        return runtime.offers().entities(kind, available);
    };
}

Plan World::plan() { return load_plan(db(), source()); }

void World::edit(const std::function<void(kartla::Database&)>& change) {
    const auto result = workshop().edit("test edit", change);
    REQUIRE_MESSAGE(result.ok, result.message);
}

void World::register_exports() {
    for (auto& spec : exporting::export_specs(source(), identity())) runtime.core_host().add_export(std::move(spec));
}

void World::export_to(const std::string& format, const std::filesystem::path& out, kartla::ExportOptions options) {
    const kartla::ExportSpec* spec = runtime.offers().find_export(format);
    REQUIRE_MESSAGE(spec != nullptr, format);
    spec->write(workshop(), options, out);
}

}  // namespace kartla::action_plan::test
