// Stand-ins for the problem map and actor map plugins, for tests and
// screenshots only (never installed): publishes fixed "problem", "cause" and
// "actor" entities carrying the labels the action plan's sample refers to.
#include "kartla/plugin_api.hpp"

namespace {

using kartla::Entity;

Entity problem(std::int64_t id, const char* label, const char* rank) {
    return {"problem", id, label, {{"prioritised", *rank ? "1" : "0"}, {"rank", rank}, {"severity", "4"}}};
}

Entity cause(std::int64_t id, std::int64_t problem_id, const char* parent, const char* label, const char* nature) {
    return {"cause", id, label, {{"problem_id", std::to_string(problem_id)}, {"parent_id", parent}, {"nature", nature}}};
}

std::vector<Entity> problems() {
    return {problem(1, "Narkotikaförsäljning vid Centrumtorget", "1"),
            problem(2, "Rekrytering av unga till kriminalitet på Östra Höjden", "2"),
            problem(3, "Otrygghet vid Stationsområdet kvällstid", "3"),
            problem(4, "Skadegörelse och nedskräpning på Östra Höjden", "4"),
            problem(5, "Bedrägerier mot äldre", "5"),
            problem(6, "Buskörning med moped i centrum", "")};
}

std::vector<Entity> causes() {
    return {cause(11, 1, "", "Mörka och skymda platser vid torget", "situational"),
            cause(12, 1, "", "Platsen saknar ansvarig förvaltare kvällstid", "situational"),
            cause(13, 1, "", "Öppen försäljning möter liten upptäcktsrisk", "situational"),
            cause(21, 2, "", "Unga saknar meningsfull fritid kvällstid", "social"),
            cause(22, 2, "", "Skolfrånvaro och svag skolanknytning", "social"),
            cause(23, 2, "22", "Föräldrar saknar stöd och insyn", "social"),
            cause(24, 2, "", "Äldre förebilder i kriminella miljöer", "social"),
            cause(31, 3, "", "Få vuxna i det offentliga rummet på kvällen", "situational"),
            cause(32, 3, "", "Gångtunneln är mörk och saknar insyn", "situational"),
            cause(41, 4, "", "Skador lagas långsamt och signalerar att ingen bryr sig", "situational")};
}

std::vector<Entity> actors() {
    const char* labels[] = {"Älvstads kommun, kommunledningsförvaltningen", "Polisen, lokalpolisområde Älvstad",
                            "Socialförvaltningen", "Utbildningsförvaltningen", "Kultur- och fritidsförvaltningen",
                            "Älvstadshem AB", "Samhällsbyggnadsförvaltningen", "Köpcentrum Älvstad Galleria", "Brå"};
    std::vector<Entity> out;
    std::int64_t id = 101;
    for (const char* label : labels) out.push_back({"actor", id++, label, {{"type", ""}}});
    return out;
}

class Standins : public kartla::Plugin {
public:
    explicit Standins(kartla::Host& host) {
        host.add_entity_kind({"problem", [](kartla::Workshop&) { return problems(); }});
        host.add_entity_kind({"cause", [](kartla::Workshop&) { return causes(); }});
        host.add_entity_kind({"actor", [](kartla::Workshop&) { return actors(); }});
    }
};

}  // namespace

KARTLA_PLUGIN("action_plan_standins", "Stand-in problems and actors (tests)", "1.0.0", Standins)
