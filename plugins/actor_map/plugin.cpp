// actor_map: who can act, with what mandate and resources, and how they relate.
// Entry point and registration only; the logic lives in model/ and views/.
#include "kartla/plugin_api.hpp"
#include "kartla/privacy.hpp"
#include "model/entities.hpp"
#include "model/images.hpp"
#include "model/sample_loader.hpp"
#include "model/schema.hpp"
#include "views/views.hpp"

#include <nlohmann/json.hpp>

namespace {

using namespace actor_map;

class ActorMapPlugin : public kartla::Plugin {
public:
    explicit ActorMapPlugin(kartla::Host& host) : host_(host), state_(host), actors_(state_), map_(state_) {
        host.add_schema(migrations());
        host.add_view({"actor_map.actors", "Actors", true, [this] { actors_.draw(); }, kartla::ViewPlacement::Main, 20});
        host.add_view({"actor_map.map", "Actor map", true, [this] { map_.draw(); }, kartla::ViewPlacement::Main, 21});
        host.add_entity_kind({"actor", [](kartla::Workshop& w) { return actor_entities(w.db()); }});
        host.add_entity_kind({"relation", [](kartla::Workshop& w) { return relation_entities(w.db()); }});
        add_image_export("actor-network-svg", "Actor network (SVG image)", ".svg", false, false);
        add_image_export("actor-network-png", "Actor network (PNG image)", ".png", false, true);
        add_image_export("actor-grid-svg", "Influence × interest grid (SVG image)", ".svg", true, false);
        add_image_export("actor-grid-png", "Influence × interest grid (PNG image)", ".png", true, true);
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
                              Translate tr = [this](const char* msgid) { return std::string(host_.tr(msgid)); };
                              Snapshot snapshot = load(w.db());
                              bool available = false;
                              auto problems = host_.entities("problem", &available);
                              // The free text an image shows: actor names, and in the network the
                              // titles of prioritised problems that nobody owns.
                              if (options.redact_personal_data) {
                                  for (auto& actor : snapshot.actors) actor.name = kartla::privacy::redact(actor.name);
                                  for (auto& problem : problems) problem.label = kartla::privacy::redact(problem.label);
                              }
                              Scene scene = grid ? grid_scene(snapshot, tr)
                                                 : network_scene(snapshot, find_gaps(snapshot, problems, available), tr);
                              if (png) write_png(scene, out);
                              else write_svg(scene, out);
                          }});
    }

    kartla::Host& host_;
    ui::UiState state_;
    ui::ActorsView actors_;
    ui::MapWindow map_;
};

}  // namespace

KARTLA_PLUGIN("actor_map", "Actor map", "1.0.0", ActorMapPlugin)
