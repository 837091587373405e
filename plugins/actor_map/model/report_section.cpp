#include "report_section.hpp"

#include "model/images.hpp"

namespace kartla::actor_map {

namespace doc = kartla::doc;

namespace {

// The gap list in words, as the Gaps tab shows it: the kind, then the problems.
void add_gaps(doc::Section& section, const Gaps& gaps, const Translate& tr) {
    const auto& coverage = gaps.coverage;
    if (coverage.problems.empty()) return;
    section.blocks.push_back(doc::Heading{tr("Prioritised problems with a gap")});
    if (coverage.gap_count() == 0) {
        section.blocks.push_back(doc::Paragraph{tr("Every prioritised problem has an owner or a measure with an owner.")});
        return;
    }
    doc::Bullets list;
    for (auto kind : kartla::coverage::kGapKinds) {
        auto problems = coverage.with_gap(kind);
        if (problems.empty()) continue;
        list.items.push_back(tr(kartla::coverage::gap_msgid(kind)));
        list.depth.push_back(0);
        for (const auto* p : problems) {
            list.items.push_back(p->problem.label);
            list.depth.push_back(1);
        }
    }
    section.blocks.push_back(std::move(list));
}

// The actors the Gaps tab marks, by name: the dashed outline in the picture is not
// enough for a printed page read in black and white.
void add_unconnected(doc::Section& section, const Snapshot& snapshot, const Gaps& gaps, const Translate& tr) {
    if (gaps.isolated_actors.empty()) return;
    section.blocks.push_back(doc::Heading{tr("Actors connected to nothing: no measure, problem or relation")});
    doc::Bullets list;
    for (std::int64_t id : gaps.isolated_actors)
        if (const Actor* actor = snapshot.actor(id)) {
            list.items.push_back(actor->name);
            list.depth.push_back(0);
        }
    section.blocks.push_back(std::move(list));
}

}  // namespace

doc::Section report_section(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr) {
    doc::Section section{tr("Actor map"), {}};
    if (snapshot.actors.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No actors recorded.")});
        return section;
    }
    section.blocks.push_back(doc::Image{png_bytes(network_scene(snapshot, gaps, tr)), tr("Actors and their relations")});
    section.blocks.push_back(doc::Image{png_bytes(grid_scene(snapshot, tr)), tr("Influence and interest")});
    add_gaps(section, gaps, tr);
    add_unconnected(section, snapshot, gaps, tr);
    doc::Table table{{tr("Actor"), tr("Type")}, {3.0, 2.0}, {}};
    for (const auto& actor : snapshot.actors) {
        const ActorType* type = snapshot.type(actor.type_id);
        table.rows.push_back({actor.name, type ? type_label(*type, tr) : std::string()});
    }
    section.blocks.push_back(table);
    return section;
}

}  // namespace kartla::actor_map
