#include "report_section.hpp"

#include "model/images.hpp"
#include "model/relation_types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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

// The network in words: every relation, as the picture draws it (from, to, kind, strength).
doc::Table relations_table(const Snapshot& snapshot, const Translate& tr) {
    doc::Table table{{tr("From"), tr("To"), tr("Type"), tr("Strength (1–3)")}, {3.0, 3.0, 2.0, 1.6}, {}};
    table.rows.reserve(snapshot.relations.size());
    for (const auto& relation : snapshot.relations) {
        const Actor* from = snapshot.actor(relation.from);
        const Actor* to = snapshot.actor(relation.to);
        if (!from || !to) continue;  // the picture draws no line to a deleted actor either
        table.rows.push_back({from->name, to->name, tr(std::string(relation_type(relation.type).msgid).c_str()),
                              std::to_string(relation.strength)});
    }
    return table;
}

// The grid in words: each placed actor's position and quadrant, as the picture places them.
doc::Table grid_table(const Snapshot& snapshot, const Translate& tr) {
    doc::Table table{{tr("Actor"), tr("Influence (0–100)"), tr("Interest (0–100)"), tr("Quadrant")}, {3.0, 1.3, 1.3, 2.0}, {}};
    for (const auto& actor : snapshot.actors)
        if (actor.on_grid)
            table.rows.push_back({actor.name, std::to_string(std::lround(actor.influence * 100)),
                                  std::to_string(std::lround(actor.interest * 100)),
                                  tr(quadrant_msgid(actor.interest, actor.influence))});
    return table;
}

std::size_t placed_on_grid(const Snapshot& snapshot) {
    return std::size_t(std::count_if(snapshot.actors.begin(), snapshot.actors.end(), [](const Actor& a) { return a.on_grid; }));
}

}  // namespace

doc::Section report_section(const Snapshot& snapshot, const Gaps& gaps, const Translate& tr) {
    doc::Section section{tr("Actor map"), {}};
    if (snapshot.actors.empty()) {
        section.blocks.push_back(doc::Paragraph{tr("No actors recorded.")});
        return section;
    }
    // Each picture says what it shows and is followed by its content as a table.
    doc::Table relations = relations_table(snapshot, tr);
    section.blocks.push_back(doc::Image{
        png_bytes(network_scene(snapshot, gaps, tr)), tr("Actors and their relations"),
        fmt::format(fmt::runtime(tr("A network of {} actors and {} relations between them; the relations are listed in the "
                                    "table below.")),
                    snapshot.actors.size(), relations.rows.size())});
    if (!relations.rows.empty()) section.blocks.push_back(std::move(relations));
    const std::size_t placed = placed_on_grid(snapshot);
    section.blocks.push_back(doc::Image{
        png_bytes(grid_scene(snapshot, tr)), tr("Influence and interest"),
        fmt::format(fmt::runtime(tr("A grid of influence against interest in four quadrants with {} of {} actors placed; "
                                    "their places are listed in the table below.")),
                    placed, snapshot.actors.size())});
    if (placed > 0) section.blocks.push_back(grid_table(snapshot, tr));
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
