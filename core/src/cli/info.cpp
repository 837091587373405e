#include "cli/info.hpp"

#include "kartla/core_data.hpp"
#include "kartla/coverage.hpp"
#include "text/privacy_scan.hpp"

namespace kartla {

namespace {

const char* status_key(const PluginRecord& plugin) {
    switch (plugin.status) {
        case PluginStatus::Loaded: return plugin.workshop_problem.empty() ? "loaded" : "unavailable";
        case PluginStatus::Failed: return "failed";
        case PluginStatus::Disabled: return "disabled";
        case PluginStatus::Skipped: return "skipped";
    }
    return "unknown";
}

}  // namespace

nlohmann::json workshop_info(Runtime& runtime) {
    auto& workshop = *runtime.workshop();
    auto& db = workshop.db();
    nlohmann::json info;
    info["file"] = workshop.path().string();
    info["title"] = core_data::meta(db, "title");
    info["organisation"] = core_data::meta(db, "organisation");
    info["schema_version"] = db.scalar_int("PRAGMA user_version");
    info["participants"] = core_data::participants(db).size();
    info["meetings"] = core_data::meetings(db).size();

    auto plugins = nlohmann::json::array();
    for (auto& plugin : runtime.plugins()) {
        nlohmann::json entry{{"id", plugin->id},
                             {"version", plugin->version},
                             {"schema_version", workshop.plugin_schema_version(plugin->id)},
                             {"status", status_key(*plugin)}};
        if (!plugin->message.empty()) entry["message"] = plugin->message;
        if (!plugin->workshop_problem.empty()) entry["message"] = plugin->workshop_problem;
        plugins.push_back(entry);
    }
    info["plugins"] = plugins;
    // Parts of the file whose plugin is not installed here: kept, but read by nobody.
    info["missing_plugins"] = runtime.plugins().missing(workshop);
    if (runtime.plugins().safe_mode()) info["safe_mode"] = true;

    auto entities = nlohmann::json::object();
    for (auto& kind : runtime.registry().entity_kinds())
        if (!entities.contains(kind.spec.kind)) entities[kind.spec.kind] = runtime.offers().entities(kind.spec.kind).size();
    info["entities"] = entities;

    // The prioritised problems with a gap, by kind (kartla::coverage says what each kind means).
    const EntitySource published = [&](std::string_view kind, bool* available) {
        return runtime.offers().entities(kind, available);
    };
    const auto coverage = coverage::compute(db, published);
    auto gaps = nlohmann::json::object();
    for (auto kind : coverage::kGapKinds) {
        auto ids = nlohmann::json::array();
        for (const auto* p : coverage.with_gap(kind)) ids.push_back(p->problem.id);
        gaps[coverage::gap_key(kind)] = ids;
    }
    info["gaps"] = gaps;
    // Actors connected to nothing: the same rule as the Gaps tab and the reports.
    auto unconnected = nlohmann::json::array();
    for (const auto& actor : coverage::unconnected_actors(db, published)) unconnected.push_back(actor.id);
    info["unconnected_actors"] = unconnected;

    // Whether personal data slipped into the notes; the hits themselves are not printed.
    auto kinds = nlohmann::json::object();
    auto hits = privacy::scan_workshop(db);
    for (const auto& hit : hits) kinds[privacy::hit_kind_key(hit.kind)] = kinds.value(privacy::hit_kind_key(hit.kind), 0) + 1;
    info["personal_data"] = {{"hits", hits.size()}, {"kinds", kinds}};
    return info;
}

}  // namespace kartla
