#include "build.hpp"

#include "kartla/core_data.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace report {

namespace cd = kartla::core_data;
using kartla::Entity;

namespace {

// Another plugin's coded value, shown by the English label it publishes beside it.
std::string labelled(const Sources& s, const Entity& e, const char* key) {
    std::string label = e.attribute(std::string(key) + "_label");
    return label.empty() ? e.attribute(key) : s.tr(label.c_str());
}

std::int64_t to_id(const std::string& text) {
    try {
        return text.empty() ? 0 : std::stoll(text);
    } catch (...) {
        return 0;
    }
}

std::map<std::int64_t, const Entity*> by_id(const std::vector<Entity>& entities) {
    std::map<std::int64_t, const Entity*> out;
    for (const auto& e : entities) out[e.id] = &e;
    return out;
}

Section workshop_section(kartla::Database& db, const Sources& s) {
    Section section{s.tr("About the workshop"), {}};
    Facts facts;
    const std::pair<const char*, const char*> keys[] = {{"organisation", "Organisation"}, {"date", "Date"},
                                                        {"place", "Place"}, {"facilitator_role", "Facilitator"},
                                                        {"purpose", "Purpose"}};
    for (auto [key, label] : keys)
        if (auto value = cd::meta(db, key); !value.empty()) facts.items.emplace_back(s.tr(label), value);
    section.blocks.push_back(facts);

    const auto meetings = cd::meetings(db);
    const auto participants = cd::participants(db);
    std::map<std::int64_t, std::vector<std::string>> attended;  // participant → meeting dates
    Table meeting_table{{s.tr("Date"), s.tr("Meeting"), s.tr("Kind"), s.tr("Place"), s.tr("Attendees")},
                        {1.6, 2.4, 2.1, 2.2, 1.3},
                        {}};
    for (const auto& m : meetings) {
        const auto ids = cd::attendees(db, m.id);
        for (auto id : ids) attended[id].push_back(m.date);
        meeting_table.rows.push_back({m.date, m.title,
                                      m.kind == "follow_up" ? s.tr("Follow-up meeting") : s.tr("Mapping meeting"),
                                      m.place, std::to_string(ids.size())});
    }
    section.blocks.push_back(Heading{s.tr("Meetings")});
    if (meetings.empty()) section.blocks.push_back(Paragraph{s.tr("No meetings recorded.")});
    else section.blocks.push_back(meeting_table);

    section.blocks.push_back(Heading{s.tr("Participants")});
    Table people{{s.tr("Role"), s.tr("Organisation"), s.tr("Attended")}, {2.5, 3.0, 1.8}, {}};
    for (const auto& p : participants) {
        std::string dates;
        for (const auto& d : attended[p.id]) dates += (dates.empty() ? "" : ", ") + d;
        people.rows.push_back({p.role, p.organisation, dates});
    }
    if (participants.empty()) section.blocks.push_back(Paragraph{s.tr("No participants recorded.")});
    else section.blocks.push_back(people);
    return section;
}

int rank_of(const Entity& problem) {
    auto rank = to_id(problem.attribute("rank"));
    return rank > 0 ? static_cast<int>(rank) : 1 << 30;
}

std::vector<const Entity*> prioritised_in_order(const std::vector<Entity>& problems) {
    std::vector<const Entity*> out;
    for (const auto& p : problems)
        if (p.attribute("prioritised") == "1") out.push_back(&p);
    std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return rank_of(*a) < rank_of(*b); });
    return out;
}

// Causes of one problem as a tree: direct causes, each followed by its underlying ones.
Bullets cause_tree(const std::vector<Entity>& causes, std::int64_t problem_id, const Sources& s) {
    Bullets out;
    std::function<void(const std::string&, int)> add = [&](const std::string& parent, int depth) {
        for (const auto& c : causes) {
            if (to_id(c.attribute("problem_id")) != problem_id || c.attribute("parent_id") != parent) continue;
            std::string text = c.label;
            if (auto nature = c.attribute("nature"); nature == "situational")
                text += " (" + s.tr("situational") + ")";
            else if (nature == "social")
                text += " (" + s.tr("social") + ")";
            out.items.push_back(text);
            out.depth.push_back(depth);
            if (depth < 8) add(std::to_string(c.id), depth + 1);
        }
    };
    add("", 0);
    return out;
}

Section problem_section(const Sources& s, const std::vector<Entity>& problems, bool available,
                        const std::vector<Entity>& causes) {
    Section section{s.tr("Problem picture"), {}};
    if (!available) {
        section.blocks.push_back(Paragraph{s.tr("The problem map is not available (its plugin is not loaded).")});
        return section;
    }
    const auto prioritised = prioritised_in_order(problems);
    section.blocks.push_back(Paragraph{s.tr("Prioritised problems, in the order of the vote, with their causes.")});
    int number = 0;
    for (const Entity* p : prioritised) {
        section.blocks.push_back(Heading{std::to_string(++number) + ". " + p->label});
        Facts facts;
        const std::pair<const char*, const char*> keys[] = {
            {"category", "Category"}, {"area", "Area"}, {"severity", "Severity (1–5)"}, {"trend", "Trend"}};
        for (auto [key, label] : keys)
            if (auto value = p->attribute(key); !value.empty())
                facts.items.emplace_back(s.tr(label), key == std::string_view("category") ? std::string(s.tr(value.c_str()))
                                                      : key == std::string_view("trend") ? labelled(s, *p, key)
                                                                                         : value);
        if (!facts.items.empty()) section.blocks.push_back(facts);
        Bullets tree = cause_tree(causes, p->id, s);
        if (tree.items.empty()) section.blocks.push_back(Paragraph{s.tr("No causes recorded.")});
        else section.blocks.push_back(tree);
    }
    if (prioritised.empty()) section.blocks.push_back(Paragraph{s.tr("No problem has been prioritised.")});
    Bullets others;
    for (const auto& p : problems)
        if (p.attribute("prioritised") != "1") {
            others.items.push_back(p.label);
            others.depth.push_back(0);
        }
    if (!others.items.empty()) {
        section.blocks.push_back(Heading{s.tr("Other problems raised")});
        section.blocks.push_back(others);
    }
    return section;
}

Section actor_section(const Sources& s) {
    Section section{s.tr("Actor map"), {}};
    bool available = false;
    const auto actors = s.entities("actor", &available);
    if (!available) {
        section.blocks.push_back(Paragraph{s.tr("The actor map is not available (its plugin is not loaded).")});
        return section;
    }
    if (auto png = s.png("actor-network-png"); !png.empty())
        section.blocks.push_back(Image{png, s.tr("Actors and their relations")});
    if (auto png = s.png("actor-grid-png"); !png.empty())
        section.blocks.push_back(Image{png, s.tr("Influence and interest")});
    Table table{{s.tr("Actor"), s.tr("Type")}, {3.0, 2.0}, {}};
    // The readable type name the actor map publishes; its key only when there is none.
    for (const auto& a : actors) {
        std::string type = a.attribute("type_label");
        table.rows.push_back({a.label, type.empty() ? a.attribute("type") : std::string(s.tr(type.c_str()))});
    }
    if (actors.empty()) section.blocks.push_back(Paragraph{s.tr("No actors recorded.")});
    else section.blocks.push_back(table);
    return section;
}

struct MeasureGroups {
    std::vector<std::pair<std::string, std::vector<const Entity*>>> groups;  // heading → measures
};

// A measure is shown under every problem it addresses, directly or through a cause.
MeasureGroups group_measures(kartla::Database& db, const std::vector<Entity>& measures,
                             const std::vector<Entity>& problems, const std::vector<Entity>& causes,
                             const Sources& s) {
    auto problem_by_id = by_id(problems);
    auto cause_by_id = by_id(causes);
    std::map<std::int64_t, std::vector<const Entity*>> per_problem;
    std::vector<const Entity*> without;
    for (const auto& m : measures) {
        std::set<std::int64_t> ids;
        for (const auto& end : cd::links_from(db, {"measure", m.id}, "problem", "addresses")) ids.insert(end.id);
        for (const auto& end : cd::links_from(db, {"measure", m.id}, "cause", "addresses"))
            if (auto c = cause_by_id.find(end.id); c != cause_by_id.end())
                ids.insert(to_id(c->second->attribute("problem_id")));
        bool placed = false;
        for (auto id : ids)
            if (problem_by_id.count(id)) {
                per_problem[id].push_back(&m);
                placed = true;
            }
        if (!placed) without.push_back(&m);
    }
    MeasureGroups out;
    std::set<std::int64_t> done;
    auto add = [&](const Entity* p) {
        if (done.insert(p->id).second && per_problem.count(p->id)) out.groups.emplace_back(p->label, per_problem[p->id]);
    };
    for (const Entity* p : prioritised_in_order(problems)) add(p);
    for (const auto& p : problems) add(&p);
    if (!without.empty()) out.groups.emplace_back(s.tr("Measures not linked to a problem"), without);
    return out;
}

Section plan_section(kartla::Database& db, const Sources& s, const std::vector<Entity>& problems,
                     const std::vector<Entity>& causes) {
    Section section{s.tr("Action plan"), {}};
    bool available = false;
    const auto measures = s.entities("measure", &available);
    if (!available) {
        section.blocks.push_back(Paragraph{s.tr("The action plan is not available (its plugin is not loaded).")});
        return section;
    }
    if (measures.empty()) {
        section.blocks.push_back(Paragraph{s.tr("No measures recorded.")});
        return section;
    }
    const auto actors = s.entities("actor", nullptr);
    auto actor_by_id = by_id(actors);
    for (const auto& [heading, list] : group_measures(db, measures, problems, causes, s).groups) {
        section.blocks.push_back(Heading{heading});
        Table table{{s.tr("Measure"), s.tr("Responsible"), s.tr("Start"), s.tr("Due"), s.tr("Status"),
                     s.tr("Light")},
                    {3.0, 2.2, 1.45, 1.45, 1.35, 1.2},
                    {}};
        for (const Entity* m : list) {
            auto owner_id = to_id(m->attribute("owner_actor_id"));
            std::string owner;
            if (auto a = actor_by_id.find(owner_id); a != actor_by_id.end()) owner = a->second->label;
            else if (owner_id) owner = s.tr("Actor") + " #" + std::to_string(owner_id);
            table.rows.push_back({m->label, owner, m->attribute("start"), m->attribute("due"),
                                  labelled(s, *m, "status"), labelled(s, *m, "light")});
        }
        section.blocks.push_back(table);
    }
    return section;
}

}  // namespace

Document build_report(kartla::Database& db, const Sources& sources) {
    Document doc;
    doc.title = cd::meta(db, "title");
    if (doc.title.empty()) doc.title = sources.tr("Workshop report");
    doc.subtitle = sources.tr("Workshop report") + " · " + cd::meta(db, "organisation");
    bool problems_available = false;
    const auto problems = sources.entities("problem", &problems_available);
    const auto causes = sources.entities("cause", nullptr);
    doc.sections.push_back(workshop_section(db, sources));
    doc.sections.push_back(problem_section(sources, problems, problems_available, causes));
    doc.sections.push_back(actor_section(sources));
    doc.sections.push_back(plan_section(db, sources, problems, causes));
    return doc;
}

}  // namespace report
