#include "report_section.hpp"

#include "model/images.hpp"

namespace actor_map {

namespace doc = kartla::doc;

doc::Section report_section(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr) {
    doc::Section section{tr("Actor map"), {}};
    if (snapshot.actors.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No actors recorded.")});
        return section;
    }
    section.blocks.push_back(doc::Image{png_bytes(network_scene(snapshot, gaps, tr)), tr("Actors and their relations")});
    section.blocks.push_back(doc::Image{png_bytes(grid_scene(snapshot, tr)), tr("Influence and interest")});
    doc::Table table{{tr("Actor"), tr("Type")}, {3.0, 2.0}, {}};
    for (const auto& actor : snapshot.actors) {
        const ActorType* type = snapshot.type(actor.type_id);
        table.rows.push_back({actor.name, type ? type_label(*type, tr) : std::string()});
    }
    section.blocks.push_back(table);
    return section;
}

}  // namespace actor_map
