#include "sample.hpp"

#include "edits.hpp"
#include "snapshot.hpp"

#include "kartla/core_data.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace kartla::problem_map {

namespace {

using nlohmann::json;
constexpr float kGap = 24.0f;
constexpr float kClusterHeader = 56.0f;

void check(const EditResult& result) {
    if (!result) throw std::runtime_error(result.message);
}

template <std::size_t N>
int bits(const json& names, const std::array<std::string_view, N>& values) {
    int out = 0;
    for (const auto& name : names) {
        int index = index_of(values, name.get<std::string>());
        if (index < 0) throw std::runtime_error("unknown value in the sample: " + name.get<std::string>());
        out |= 1 << index;
    }
    return out;
}

Id lookup(const std::map<std::string, Id>& ids, const std::string& key, const char* what) {
    auto found = ids.find(key);
    if (found == ids.end()) throw std::runtime_error(std::string("the sample names an unknown ") + what + ": " + key);
    return found->second;
}

struct Context {
    Workshop& w;
    std::map<std::string, Id> categories, areas, clusters, problems, participants;
    std::map<std::string, std::pair<float, float>> cluster_origin;
    std::map<std::string, int> cluster_columns, placed;
};

void load_lists(Context& c, const json& sample) {
    for (const auto& category : load_snapshot(c.w.db()).categories)
        c.categories[category.name.empty() ? category.msgid : category.name] = category.id;
    for (const auto& area : sample.at("areas"))
        c.areas[area.at("name")] = edits::add_area(c.w, area.at("name").get<std::string>(),
                                                     area.value("police_class", std::string()));
    for (const auto& p : core_data::participants(c.w.db())) c.participants[p.role] = p.id;
}

void load_clusters(Context& c, const json& sample) {
    std::map<std::string, int> members;
    for (const auto& problem : sample.at("problems")) ++members[problem.value("cluster", std::string())];
    for (const auto& cluster : sample.at("clusters")) {
        std::string name = cluster.at("name");
        int columns = cluster.value("columns", 2);
        int rows = std::max(1, (members[name] + columns - 1) / columns);
        float x = cluster.at("x"), y = cluster.at("y");
        float width = kGap + float(columns) * (kCardWidth + kGap);
        float height = kClusterHeader + float(rows) * (kCardHeight + kGap);
        c.clusters[name] = edits::create_cluster(c.w, name, x, y, width, height);
        c.cluster_origin[name] = {x, y};
        c.cluster_columns[name] = columns;
    }
}

// Cards in a cluster are laid out in its grid; loose cards go in a row below.
std::pair<float, float> next_position(Context& c, const std::string& cluster) {
    int k = c.placed[cluster]++;
    if (cluster.empty()) return {float(k) * (kCardWidth + kGap), 1200.0f};
    auto [x, y] = c.cluster_origin.at(cluster);
    int columns = c.cluster_columns.at(cluster);
    return {x + kGap + float(k % columns) * (kCardWidth + kGap), y + kClusterHeader + float(k / columns) * (kCardHeight + kGap)};
}

void load_causes(Context& c, Id card, Id parent, const json& causes) {
    for (const auto& cause : causes) {
        EditResult result;
        Id id = edits::add_cause(c.w, card, parent, cause.at("text").get<std::string>(), &result);
        check(result);
        check(edits::set_cause_nature(c.w, id, cause.value("nature", std::string("situational"))));
        if (cause.contains("factor")) check(edits::set_cause_factor(c.w, id, cause.at("factor").get<std::string>()));
        if (cause.contains("causes")) load_causes(c, card, id, cause.at("causes"));
    }
}

void load_triangle(Context& c, Id card, const json& t) {
    using F = edits::TriangleField;
    const std::pair<const char*, F> fields[] = {{"offender", F::Offender}, {"target", F::Target},
                                                {"place", F::Place},       {"handler", F::Handler},
                                                {"guardian", F::Guardian}, {"manager", F::Manager}};
    for (auto [key, field] : fields)
        if (t.contains(key)) check(edits::set_triangle(c.w, card, field, t.at(key).get<std::string>()));
}

void load_problem(Context& c, const json& p) {
    using T = edits::TextField;
    using N = edits::NumberField;
    std::string cluster = p.value("cluster", std::string());
    auto [x, y] = next_position(c, cluster);
    EditResult result;
    Id id = edits::create_card(c.w, x, y, p.at("title").get<std::string>(), &result);
    check(result);
    c.problems[p.at("key")] = id;
    const std::pair<const char*, T> texts[] = {{"description", T::Description}, {"place", T::Place},
                                               {"when_note", T::WhenNote},       {"target_group", T::TargetGroup},
                                               {"extent", T::Extent},            {"source_limitations", T::SourceLimitations}};
    for (auto [key, field] : texts)
        if (p.contains(key)) check(edits::set_text(c.w, id, field, p.at(key).get<std::string>()));
    if (p.contains("category")) check(edits::set_number(c.w, id, N::Category, lookup(c.categories, p.at("category"), "category")));
    if (p.contains("area")) check(edits::set_number(c.w, id, N::Area, lookup(c.areas, p.at("area"), "area")));
    if (p.contains("seasons")) check(edits::set_number(c.w, id, N::Seasons, bits(p.at("seasons"), kSeasons)));
    if (p.contains("weekdays")) check(edits::set_number(c.w, id, N::Weekdays, bits(p.at("weekdays"), kWeekdays)));
    if (p.contains("times")) check(edits::set_number(c.w, id, N::TimesOfDay, bits(p.at("times"), kTimesOfDay)));
    if (p.contains("sources")) check(edits::set_number(c.w, id, N::Sources, bits(p.at("sources"), kSources)));
    for (auto [key, field] : {std::pair{"severity", N::Severity}, std::pair{"impact", N::Impact},
                              std::pair{"influence", N::Influence}})
        if (p.contains(key)) check(edits::set_number(c.w, id, field, p.at(key).get<int>()));
    if (p.value("signal_crime", false)) check(edits::set_number(c.w, id, N::SignalCrime, 1));
    if (p.value("prioritised", false)) check(edits::set_number(c.w, id, N::Prioritised, 1));
    if (p.contains("trend")) check(edits::set_choice(c.w, id, edits::ChoiceField::Trend, p.at("trend").get<std::string>()));
    if (p.contains("confidence"))
        check(edits::set_choice(c.w, id, edits::ChoiceField::Confidence, p.at("confidence").get<std::string>()));
    if (p.contains("causes")) load_causes(c, id, 0, p.at("causes"));
    if (p.contains("triangle")) load_triangle(c, id, p.at("triangle"));
}

void load_votes(Context& c, const json& sample) {
    if (sample.contains("dots_per_voter")) check(edits::set_dots_per_voter(c.w, sample.at("dots_per_voter")));
    for (const auto& ballot : sample.at("votes")) {
        Voter voter{lookup(c.participants, ballot.at("participant"), "participant"), {}};
        for (const auto& [problem, dots] : ballot.at("dots").items())
            for (int i = 0; i < dots.get<int>(); ++i)
                check(edits::add_dot(c.w, lookup(c.problems, problem, "problem"), voter));
    }
}

}  // namespace

void load_sample(Workshop& workshop, const json& sample) {
    Context c{workshop, {}, {}, {}, {}, {}, {}, {}, {}};
    load_lists(c, sample);
    load_clusters(c, sample);
    for (const auto& problem : sample.at("problems")) load_problem(c, problem);
    load_votes(c, sample);
}

}  // namespace kartla::problem_map
