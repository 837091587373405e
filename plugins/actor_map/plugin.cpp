// actor_map: who can act, with what mandate and resources, and how they relate.
// Entry point and registration only; the logic lives in model/ and views/.
#include "kartla/plugin_api.hpp"
#include "model/entities.hpp"
#include "model/images.hpp"
#include "model/report_section.hpp"
#include "model/sample_loader.hpp"
#include "model/schema.hpp"
#include "model/table_names.hpp"
#include "views/views.hpp"

#include <nlohmann/json.hpp>

namespace kartla::actor_map {

class ActorMapPlugin : public kartla::Plugin {
public:
    explicit ActorMapPlugin(kartla::Host& host) : host_(host), state_(host), actors_(state_), map_(state_) {
        host.add_schema(migrations());
        host.add_table_names(table_names());
        host.add_view({"actor_map.actors", "Actors", true, [this] { actors_.draw(); }, kartla::ViewPlacement::Main, 20,
                       [this] { return actors_.draw_room(); }});
        host.add_view({"actor_map.map", "Actor map", true, [this] { map_.draw(); }, kartla::ViewPlacement::Main, 21,
                       [this] { return map_.draw_room(); }});
        host.add_entity_kind({"actor", [](kartla::Workshop& w) { return actor_entities(w.db()); }, {}, "actor_map_actor"});
        host.add_entity_kind(
            {"relation", [](kartla::Workshop& w) { return relation_entities(w.db()); }, {}, "actor_map_relation"});
        add_image_export("actor-network-svg", "Actor network (SVG image)", ".svg", false, false);
        add_image_export("actor-network-png", "Actor network (PNG image)", ".png", false, true);
        add_image_export("actor-grid-svg", "Influence × interest grid (SVG image)", ".svg", true, false);
        add_image_export("actor-grid-png", "Influence × interest grid (PNG image)", ".png", true, true);
        host.add_report_section({"actor_map.actors", "Actor map", 20,
                                 [this](kartla::Workshop& w, const kartla::ExportOptions& options) {
                                     Snapshot snapshot = load_for_images(w, options);
                                     return report_section(snapshot, gaps(w), host_.translator());
                                 }});
        host.add_sample_loader({20, [this](kartla::Workshop& w, const nlohmann::json& sample) {
                                    auto report = load_sample(w, sample, host_.entities("problem"));
                                    for (const auto& title : report.missing_problems)
                                        host_.log(kartla::LogLevel::Info, "sample: no problem titled \"" + title + "\"; skipped");
                                }});
    }

private:
    void add_image_export(const char* format, const char* label, const char* extension, bool grid, bool png) {
        host_.add_export({format, label, extension,
                          [this, grid, png](kartla::Workshop& w, const kartla::ExportOptions& options,
                                            const std::filesystem::path& out) {
                              Snapshot snapshot = load_for_images(w, options);
                              Scene scene = grid ? grid_scene(snapshot, host_.translator())
                                                 : network_scene(snapshot, gaps(w), host_.translator());
                              if (png) write_png(scene, out);
                              else write_svg(scene, out);
                          }});
    }

    // A redacted export reads every text masked (kartla/export_file.hpp), so
    // actor names and problem titles reach the pixels masked already.
    static Snapshot load_for_images(kartla::Workshop& w, const kartla::ExportOptions&) { return load(w.db()); }
    // Prioritised problems nobody answers for, listed by title in the network picture.
    // A redacted export reads them masked already (kartla/export_file.hpp).
    Gaps gaps(kartla::Workshop& w) {
        // The host's filtered read: only the prioritised problems and those the actors are
        // linked to, not the rest of a large board, which plays no part in the gaps.
        const kartla::EntitySource whole = host_.entity_source();
        const kartla::EntitySelect some = host_.entity_select();
        return find_gaps(kartla::coverage::compute(w.db(), whole, some),
                         kartla::coverage::unconnected_actors(w.db(), whole, some));
    }

    kartla::Host& host_;
    views::UiState state_;
    views::ActorsView actors_;
    views::MapWindow map_;
};

}  // namespace kartla::actor_map

KARTLA_PLUGIN("actor_map", "Actor map", "1.0.0", kartla::actor_map::ActorMapPlugin)
