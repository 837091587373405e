// Bytes -> workshop. Each plugin's part is a JSON document in the shape of its
// plugins/<plugin>/sample.json, handed to the loader that plugin registered, so
// the data goes in through the plugin's own edit functions, not through SQL
// written here. Items refer to each other by label, as in the real sample.
#include "fuzzed_workshop.hpp"

#include "meeting/agenda.hpp"
#include "kartla/core_data.hpp"
#include "kartla/text_encode.hpp"
#include "cli/sample.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace kartla::fuzz {

namespace {

using nlohmann::json;
using Values = std::vector<std::string>;

// The stored values of the plugins' enumerations (their file format, see each
// plugin's model headers).
constexpr std::array<std::string_view, 2> kMeetingKinds = {"mapping", "follow_up"};
constexpr std::array<std::string_view, 4> kPoliceClasses = {"", "vulnerable", "risk", "especially_vulnerable"};
constexpr std::array<std::string_view, 9> kCategories = {
    "Drugs", "Fraud", "Insecurity in public places", "Organised crime", "Parallel societal structures",
    "Recruitment of young people into crime", "Vandalism and littering", "Violence and weapons", "Welfare crime"};
constexpr std::array<std::string_view, 4> kSeasons = {"winter", "spring", "summer", "autumn"};
constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 4> kTimesOfDay = {"morning", "daytime", "evening", "night"};
constexpr std::array<std::string_view, 3> kSources = {"police_statistics", "safety_survey", "dialogue"};
constexpr std::array<std::string_view, 4> kTrends = {"rising", "stable", "falling", "unknown"};
constexpr std::array<std::string_view, 4> kConfidences = {"", "low", "medium", "high"};
constexpr std::array<std::string_view, 2> kNatures = {"situational", "social"};
constexpr std::array<std::string_view, 3> kFactors = {"", "risk", "missing_protective"};
constexpr std::array<std::string_view, 6> kTriangle = {"offender", "target", "place", "handler", "guardian", "manager"};
constexpr std::array<std::string_view, 6> kActorTypes = {"municipality_board", "municipality_social", "police",
                                                         "housing",            "civil_society",       "other"};
constexpr std::array<std::string_view, 5> kRelationTypes = {"cooperates", "conflict", "funds", "missing",
                                                            "shares_information"};
constexpr std::array<std::string_view, 3> kProblemRoles = {"owns", "contributes", "affected"};
constexpr std::array<std::string_view, 6> kStatuses = {"proposed", "decided", "in_progress", "done", "paused", "cancelled"};
constexpr std::array<std::string_view, 4> kLights = {"", "green", "yellow", "red"};
constexpr std::array<std::string_view, 3> kPrevention = {"", "situational", "social"};
constexpr std::array<std::string_view, 4> kGoalTypes = {"", "outcome", "process", "output"};
constexpr std::array<std::string_view, 3> kEffectTerms = {"", "short", "long"};
constexpr std::array<std::string_view, 4> kDecisions = {"continue", "change", "stop", "new_measure"};
// The measure's free-text fields as the action plan's sample names them.
constexpr std::array<const char*, 8> kMeasureTexts = {"description",     "goal",      "resources", "cost",
                                                      "expected_effect", "indicator", "baseline",  "follow_up_method"};

// Hands out the input's texts and remembers whether all of them were valid UTF-8.
struct Source {
    ByteSource& bytes;
    BuiltWorkshop& built;

    std::string text() {
        std::string out = bytes.text();
        if (!text::is_valid_utf8(out)) built.texts_valid_utf8 = false;
        built.texts.push_back(out);
        return out;
    }
    int number(int limit) { return bytes.number(limit); }
    bool flag() { return bytes.flag(); }
    template <std::size_t N>
    std::string choice(const std::array<std::string_view, N>& values) {
        return bytes.choice(values);
    }
    // One of the labels made so far, or a label nothing has: a dangling reference,
    // for the loaders that skip what they cannot find (as a file from another
    // plugin version would make them).
    std::string pick(const Values& labels) {
        int index = number(int(labels.size()));
        return index < int(labels.size()) ? labels[std::size_t(index)] : text();
    }
    // One of the labels made so far, for the loaders that refuse an unknown one
    // (the user picks from a list there); nothing when there are none yet.
    std::optional<std::string> known(const Values& labels) {
        if (labels.empty()) return std::nullopt;
        return labels[std::size_t(number(int(labels.size()) - 1))];
    }
    // A date for the fields that accept only ISO 8601 or nothing (a measure's start
    // and due date, its status changes); the other dates are free text.
    std::string date(bool may_be_empty = true) {
        if (may_be_empty && !flag()) return {};
        int year = 2020 + number(15);
        int month = 1 + number(11);
        int day = 1 + number(27);  // a day every month has
        char out[16];
        std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
        return out;
    }
    json some_of(const Values& labels, int most) {
        json out = json::array();
        for (int i = number(most); i > 0; --i) out.push_back(pick(labels));
        return out;
    }
    template <std::size_t N>
    json some_of(const std::array<std::string_view, N>& values, int most) {
        json out = json::array();
        for (int i = number(most); i > 0; --i) out.push_back(choice(values));
        return out;
    }
};

// What later parts refer to, by label.
struct Labels {
    Values roles, organisations, problem_keys, problem_titles, causes, actors, measures;
};

json core_part(Source& in, Labels& labels) {
    json part{{"workshop", json::object()}, {"participants", json::array()}, {"meetings", json::array()}};
    for (auto key : core_data::kMetaKeys) part["workshop"][std::string(key)] = in.text();
    for (int i = in.number(5); i > 0; --i) {
        labels.roles.push_back(in.text());
        labels.organisations.push_back(in.flag() || labels.organisations.empty() ? in.text() : labels.organisations.back());
        part["participants"].push_back({{"role", labels.roles.back()}, {"organisation", labels.organisations.back()}});
    }
    for (int i = in.number(2); i > 0; --i)
        part["meetings"].push_back({{"kind", in.choice(kMeetingKinds)}, {"title", in.text()}, {"date", in.text()},
                                    {"place", in.text()}, {"notes", in.text()}, {"all_attend", in.flag()}});
    return part;
}

json causes_of(Source& in, Labels& labels, int depth) {
    json out = json::array();
    for (int i = depth > 0 ? in.number(2) : 0; i > 0; --i) {
        labels.causes.push_back(in.text());
        out.push_back({{"text", labels.causes.back()}, {"nature", in.choice(kNatures)}, {"factor", in.choice(kFactors)},
                       {"causes", causes_of(in, labels, depth - 1)}});
    }
    return out;
}

json problem(Source& in, Labels& labels, const Values& clusters, const Values& areas) {
    labels.problem_keys.push_back("p" + std::to_string(labels.problem_keys.size()));
    labels.problem_titles.push_back(in.text());
    json p{{"key", labels.problem_keys.back()}, {"title", labels.problem_titles.back()}};
    for (const char* key : {"description", "place", "when_note", "target_group", "extent", "source_limitations"})
        p[key] = in.text();
    if (auto cluster = in.known(clusters); cluster && in.flag()) p["cluster"] = *cluster;
    if (in.flag()) p["category"] = in.choice(kCategories);
    if (auto area = in.known(areas); area && in.flag()) p["area"] = *area;
    p["seasons"] = in.some_of(kSeasons, 2);
    p["weekdays"] = in.some_of(kWeekdays, 3);
    p["times"] = in.some_of(kTimesOfDay, 2);
    p["sources"] = in.some_of(kSources, 2);
    p["severity"] = in.number(6);  // 6 is out of the 1-5 scale
    p["impact"] = in.number(5);
    p["influence"] = in.number(5);
    p["signal_crime"] = in.flag();
    p["prioritised"] = in.flag();
    p["trend"] = in.choice(kTrends);
    p["confidence"] = in.choice(kConfidences);
    p["causes"] = causes_of(in, labels, 2);
    p["triangle"] = json::object();
    for (int i = in.number(3); i > 0; --i) p["triangle"][in.choice(kTriangle)] = in.text();
    return p;
}

json problem_map_part(Source& in, Labels& labels) {
    json part{{"areas", json::array()}, {"clusters", json::array()}, {"problems", json::array()}, {"votes", json::array()}};
    Values areas, clusters;
    for (int i = in.number(3); i > 0; --i) {
        areas.push_back(in.text());
        part["areas"].push_back({{"name", areas.back()}, {"police_class", in.choice(kPoliceClasses)}});
    }
    for (int i = in.number(2); i > 0; --i) {
        clusters.push_back(in.text());
        part["clusters"].push_back({{"name", clusters.back()}, {"x", in.number(255) * 8}, {"y", in.number(255) * 8},
                                    {"columns", 1 + in.number(3)}});
    }
    for (int i = in.number(5); i > 0; --i) part["problems"].push_back(problem(in, labels, clusters, areas));
    const int dots_per_voter = 1 + in.number(4);  // the voting view offers 1 to 99
    part["dots_per_voter"] = dots_per_voter;
    for (int i = in.number(3); i > 0; --i) {
        auto voter = in.known(labels.roles);
        if (!voter) break;
        json dots = json::object();
        int left = dots_per_voter;  // the view hands out no more than that
        for (int k = in.number(3); k > 0; --k)
            if (auto key = in.known(labels.problem_keys); key && !dots.contains(*key)) {
                int given = std::min(left, in.number(3));
                dots[*key] = given;
                left -= given;
            }
        part["votes"].push_back({{"participant", *voter}, {"dots", dots}});
    }
    return part;
}

json actor_map_part(Source& in, Labels& labels) {
    json part{{"actors", json::array()}, {"relations", json::array()}, {"problem_roles", json::array()},
              {"represented_by", json::array()}};
    for (int i = in.number(5); i > 0; --i) {
        labels.actors.push_back(in.text());
        json actor{{"name", labels.actors.back()}, {"type", in.choice(kActorTypes)}, {"mandate", in.text()},
                   {"resources", in.text()},       {"contact_role", in.text()},      {"notes", in.text()}};
        if (in.flag()) actor.update({{"interest", in.number(100) / 100.0}, {"influence", in.number(100) / 100.0}});
        part["actors"].push_back(actor);
    }
    if (labels.actors.empty()) return part;  // relations and roles need an actor
    for (int i = in.number(6); i > 0; --i) {
        std::string from = *in.known(labels.actors), to = *in.known(labels.actors);
        json relation{{"from", from}, {"to", to}, {"type", in.choice(kRelationTypes)}, {"strength", 1 + in.number(2)},
                      {"note", in.text()}};
        if (from != to) part["relations"].push_back(relation);  // the network view cannot link an actor to itself
    }
    for (int i = in.number(4); i > 0; --i)
        part["problem_roles"].push_back({{"problem", in.pick(labels.problem_titles)},
                                         {"actor", *in.known(labels.actors)},
                                         {"role", in.choice(kProblemRoles)}});
    for (int i = in.number(2); i > 0; --i)
        part["represented_by"].push_back({{"participant_role", in.pick(labels.roles)}, {"actor", *in.known(labels.actors)}});
    return part;
}

json measure(Source& in, Labels& labels) {
    labels.measures.push_back(in.text());
    json m{{"title", labels.measures.back()}, {"prevention", in.choice(kPrevention)}, {"goal_type", in.choice(kGoalTypes)},
           {"effect_term", in.choice(kEffectTerms)}, {"light", in.choice(kLights)}, {"light_comment", in.text()}};
    for (const char* key : kMeasureTexts) m[key] = in.text();
    m["start"] = in.date();
    m["due"] = in.date();
    m["ordinary_work"] = in.flag();
    m["priority"] = in.number(3);  // the editor offers 0 to 3
    m["problems"] = in.some_of(labels.problem_titles, 2);
    m["causes"] = in.some_of(labels.causes, 2);
    m["owner"] = in.pick(labels.actors);
    m["partners"] = in.some_of(labels.actors, 3);
    m["status_log"] = json::array();
    for (int i = in.number(3); i > 0; --i)
        m["status_log"].push_back({{"status", in.choice(kStatuses)}, {"date", in.date(/*may_be_empty=*/false)}, {"note", in.text()}});
    return m;
}

json action_plan_part(Source& in, Labels& labels) {
    json part{{"meeting_date", in.text()}, {"measures", json::array()}};
    for (int i = in.number(5); i > 0; --i) part["measures"].push_back(measure(in, labels));
    return part;
}

// One follow-up meeting: who came, the plan as it was when it started (backdated
// snapshot attributes, or a measure not yet there), and what the room recorded.
json follow_up_meeting(Source& in, Labels& labels) {
    json meeting{{"title", in.text()},  {"date", in.text()},         {"place", in.text()},
                 {"notes", in.text()},  {"organisations", in.some_of(labels.organisations, 3)},
                 {"as_it_was", json::array()}, {"records", json::array()}};
    for (int i = in.number(2); i > 0; --i) {
        if (in.number(3) == 0) meeting["as_it_was"].push_back({{"measure", in.pick(labels.measures)}, {"absent", true}});
        else
            meeting["as_it_was"].push_back({{"measure", in.pick(labels.measures)},
                                            {"attributes", {{"status", in.choice(kStatuses)}, {"light", in.choice(kLights)}}}});
    }
    for (int i = in.number(4); i > 0; --i)
        meeting["records"].push_back({{"measure", in.pick(labels.measures)}, {"status", in.choice(kStatuses)},
                                      {"light", in.choice(kLights)}, {"light_comment", in.text()},
                                      {"indicator_value", in.text()}, {"indicator_date", in.date()},
                                      {"indicator_source", in.text()}, {"decision", in.choice(kDecisions)},
                                      {"decision_note", in.text()}});
    return meeting;
}

json follow_up_part(Source& in, Labels& labels) {
    json part{{"meetings", json::array()}};
    for (int i = 1 + in.number(1); i > 0; --i) part["meetings"].push_back(follow_up_meeting(in, labels));
    return part;
}

// The agenda, decisions, notes and parking lot of each meeting (meeting-md, the report).
void add_meeting_notes(Source& in, Workshop& workshop, BuiltWorkshop& built) {
    for (const auto& meeting : core_data::meetings(workshop.db())) {
        auto added = workshop.edit("Meeting notes", [&](Database& db) {
            // One input at a time: the order of a call's arguments is unspecified, and a
            // saved input must build the same workshop with gcc and clang.
            for (int i = in.number(3); i > 0; --i) {
                std::string title = in.text(), view_key = in.text();
                agenda::add_step(db, meeting.id, title, in.number(240), view_key);
            }
            for (int i = in.number(4); i > 0; --i) {
                auto kind = agenda::NoteKind(in.number(2));
                agenda::add_note(db, meeting.id, kind, in.text());
            }
        });
        if (!added) built.refused.push_back("meeting notes: " + added.message);
    }
}

// A loader may refuse what it is given (an unknown category, say); what it
// stored before that stays, as it would in the room.
void load_part(Runtime& runtime, std::string_view plugin_id, const json& part, BuiltWorkshop& built) {
    for (const auto& loader : runtime.registry().sample_loaders()) {
        if (loader.plugin_id != plugin_id) continue;
        try {
            loader.spec.load(*runtime.workshop(), part);
        } catch (const std::exception& e) {
            built.refused.push_back(std::string(plugin_id) + ": " + e.what());
        }
    }
}

}  // namespace

BuiltWorkshop build_workshop(Runtime& runtime, ByteSource& bytes) {
    BuiltWorkshop built;
    Source in{bytes, built};
    Labels labels;
    Workshop& workshop = *runtime.workshop();
    try {
        load_core_sample(workshop, core_part(in, labels));
    } catch (const std::exception& e) {
        built.refused.push_back(std::string("core: ") + e.what());
    }
    add_meeting_notes(in, workshop, built);
    // In the order the real sample loads: problems, actors, measures, follow-up.
    load_part(runtime, "problem_map", problem_map_part(in, labels), built);
    load_part(runtime, "actor_map", actor_map_part(in, labels), built);
    load_part(runtime, "action_plan", action_plan_part(in, labels), built);
    load_part(runtime, "follow_up", follow_up_part(in, labels), built);
    return built;
}

}  // namespace kartla::fuzz
