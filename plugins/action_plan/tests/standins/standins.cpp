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

// Labels as in problem_map's and actor_map's samples (assets/samples/*.json of
// those plugins), so the action plan's sample links up the same way.
std::vector<Entity> problems() {
    return {problem(1, "Öppen narkotikaförsäljning vid Höjdens torg", "1"),
            problem(2, "Rekrytering av barn till kriminella nätverk", "2"),
            problem(3, "Otrygghet vid resecentrum kvällstid", "3"),
            problem(4, "Klotter och nedskräpning längs gång- och cykelvägar", ""),
            problem(5, "Telefonbedrägerier mot äldre", "")};
}

std::vector<Entity> causes() {
    return {cause(11, 1, "", "Skymda platser utan naturlig övervakning vid torget", "situational"),
            cause(12, 1, "11", "Gångtunneln saknar belysning och insyn", "situational"),
            cause(13, 1, "11", "Fastighetsägaren har ingen rutin för tillsyn kvällstid", "situational"),
            cause(14, 1, "", "Unga utan sysselsättning på kvällar och lov", "social"),
            cause(15, 1, "14", "Fritidsgården har stängt fredag och lördag kväll", "social"),
            cause(16, 1, "15", "Budgetneddragning inom kultur och fritid 2024", "social"),
            cause(17, 1, "14", "Få feriejobb för unga i området", "social"),
            cause(18, 1, "", "Efterfrågan från köpare utanför området", "situational"),
            cause(21, 2, "", "Hög skolfrånvaro utan tidig uppföljning", "social"),
            cause(22, 2, "21", "Elevhälsan har inte resurser att följa upp all frånvaro", "social"),
            cause(23, 2, "21", "Svag kontakt mellan skola och vårdnadshavare", "social"),
            cause(24, 2, "", "Nätverken erbjuder snabba pengar och status", "social"),
            cause(25, 2, "24", "Få vuxna förebilder i lokalsamhället", "social"),
            cause(26, 2, "", "Kontakt via krypterade appar som vuxna inte ser", "situational"),
            cause(31, 3, "", "Dålig belysning och skymda väntytor", "situational"),
            cause(32, 3, "31", "Ombyggnaden av stationen 2019 tog inte hänsyn till trygghet", "situational"),
            cause(33, 3, "", "Alkoholservering i närheten stänger samtidigt", "situational"),
            cause(34, 3, "", "Ingen bemanning efter kl. 19", "situational")};
}

std::vector<Entity> actors() {
    const char* labels[] = {"Kommunstyrelsen",
                            "Trygghetsenheten, kommunledningsförvaltningen",
                            "Socialförvaltningen",
                            "Utbildningsförvaltningen, Höjdenskolan",
                            "Kultur- och fritidsförvaltningen",
                            "Samhällsbyggnadsförvaltningen",
                            "Polisen, lokalpolisområde Älvstad",
                            "Räddningstjänsten Älvdalen",
                            "Älvstadshem AB",
                            "Köpcentrum Älvstad Galleria",
                            "Brå",
                            "Föreningsrådet Östra Höjden"};
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
