#include "workshop_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

namespace kartla::bench {

namespace {

// Word lists for titles and texts: phenomena, places, times and causes as a
// Swedish mapping meeting words them. No persons: organisations and roles only.
constexpr std::array kPhenomena = {
    "Klotter och skadegörelse", "Öppen narkotikaförsäljning", "Otrygghet för kvinnor", "Inbrott i källarförråd",
    "Bilbränder", "Nedskräpning och fimpar", "Ungdomsgrupper som stör", "Stölder från byggarbetsplatser",
    "Hot mot butikspersonal", "Bedrägerier mot äldre", "Rån mot unga", "Olovlig körning med moped",
    "Langning av alkohol", "Fyrverkerier mot blåljuspersonal", "Rekrytering av unga till nätverk",
    "Våld i offentlig miljö", "Cykelstölder", "Skadegörelse på busskurer", "Oro för gängkonflikt",
    "Försäljning av stöldgods"};
constexpr std::array kPlaces = {
    "vid Höjdens torg", "på Ängsvägen", "i gångtunneln vid stationen", "kring Åsenskolan", "vid fritidsgården Lyktan",
    "på Södra allén", "i parkeringshuset vid Köpcentrum Älvstad", "längs cykelbanan mot Östra Höjden",
    "vid busstorget", "i Stadsparken", "vid idrottsplatsen Lövängen", "i källarförråden på Björkvägen",
    "vid Älvkajen", "kring resecentrum", "på skolgården vid Öster", "i Västra industriområdet"};
constexpr std::array kTimes = {"kvällstid", "på helger", "under sommarlovet", "efter skolans slut", "vid löning",
                               "nattetid", "under hela året", "vid större evenemang"};
constexpr std::array kDescriptions = {
    "Återkommande anmälningar och synpunkter från boende; fastighetsägaren rapporterar ökade kostnader.",
    "Skolan och fältsekreterarna ser samma mönster; polisens lägesbild bekräftar det i stort.",
    "Trygghetsmätningen visar att många undviker platsen efter mörkrets inbrott.",
    "Räddningstjänsten och bostadsbolaget har larmat om händelserna vid flera samverkansmöten.",
    "Underlaget är tunt: få anmälningar, men många berättelser i medborgardialogen."};
constexpr std::array kCauses = {
    "Dålig belysning och skymd sikt", "Få vuxna i rörelse kvällstid", "Fritidsgården är stängd på helger",
    "Låg upptäcktsrisk", "Ingen tydlig ansvarig fastighetsägare", "Lätt tillgång till alkohol",
    "Svag anknytning till skolan", "Trångboddhet och få mötesplatser", "Ingen rutin för sanering inom 24 timmar",
    "Platsen saknar naturlig övervakning", "Brist på meningsfull fritid för unga 13–17 år",
    "Föräldrar når inte ut till varandra", "Tomma lokaler i bottenvåningen", "Bristande samverkan mellan aktörer"};
constexpr std::array kSubCauses = {"Buskage som inte röjs", "Trasiga armaturer byts sent",
                                   "Ingen budget för kvällsöppet", "Polisen har få resurser i området",
                                   "Ingen fastighetsvärd på plats efter kontorstid"};
constexpr std::array kMeasures = {
    "Förbättrad belysning", "Trygghetsvandring med boende och polis", "Fältsekreterare kvällstid",
    "Klottersanering inom 24 timmar", "Kameraövervakning efter tillstånd", "Föräldravandring fredagar",
    "Fastighetsägarsamverkan (BID)", "Öppen fritidsgård fredag och lördag", "Riktade polisinsatser",
    "Medborgarlöfte med lokalpolisområdet", "Sommarjobb för unga", "Röjning av växtlighet",
    "Samverkan skola, socialtjänst och polis (SSP)", "Informationsinsats om bedrägerier", "Låsbara cykelgarage"};
constexpr std::array kStatuses = {"proposed", "decided", "in_progress", "done", "paused", "cancelled"};
constexpr std::array kLights = {"", "green", "yellow", "red"};
constexpr std::array kTrends = {"rising", "stable", "falling", "unknown"};

template <typename Array>
const char* pick(const Array& words, std::mt19937& rng) {
    return words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng)];
}

int uniform(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

std::vector<std::int64_t> ids(Database& db, const char* sql) {
    std::vector<std::int64_t> out;
    auto& s = db.prepare(sql).with();
    while (s.step()) out.push_back(s.int64(0));
    return out;
}

struct Board {
    std::vector<std::int64_t> cards, categories, areas, participants, actors;
    std::vector<std::vector<std::int64_t>> causes_of;  // parallel to cards (direct causes only)
};

void add_cards(Database& db, Board& b, int target, std::mt19937& rng) {
    const int existing = int(b.cards.size());
    const int adding = std::max(0, target - existing);
    // One cluster per 100 new cards, laid out on a grid; cards in rows inside it, as a room arranges them.
    int side = 1;
    while (side * side < (adding + 99) / 100) ++side;
    constexpr double kColumnStep = 270, kRowStep = 150, kClusterW = 10 * kColumnStep, kClusterH = 10 * kRowStep;
    std::int64_t cluster = 0;
    for (int i = 0; i < adding; ++i) {
        const int c = i / 100, slot = i % 100;
        const double cx = 4000 + (c % side) * (kClusterW + 300), cy = (c / side) * (kClusterH + 300);
        if (slot == 0) {
            db.run("INSERT INTO problem_map_cluster(name, x, y, w, h) VALUES (?, ?, ?, ?, ?)",
                   fmt::format("{} {}", pick(kPhenomena, rng), pick(kPlaces, rng)), cx - 20, cy - 70, kClusterW,
                   kClusterH);
            cluster = db.last_insert_id();
        }
        const std::string title = fmt::format("{} {} {}", pick(kPhenomena, rng), pick(kPlaces, rng), pick(kTimes, rng));
        db.run("INSERT INTO problem_map_card(title, description, category_id, area_id, place, trend, severity, "
               "signal_crime, extent, impact, influence, x, y, cluster_id, prioritised) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               title, std::string(pick(kDescriptions, rng)), b.categories[std::size_t(i) % b.categories.size()],
               b.areas[std::size_t(i) % b.areas.size()], std::string(pick(kPlaces, rng)), std::string(pick(kTrends, rng)),
               std::int64_t(uniform(rng, 1, 5)), std::int64_t(i % 9 == 0), fmt::format("{} anmälningar 2025", uniform(rng, 1, 80)),
               std::int64_t(uniform(rng, 1, 5)), std::int64_t(uniform(rng, 1, 5)), cx + (slot % 10) * kColumnStep,
               cy + (slot / 10) * kRowStep, cluster, std::int64_t(i % 500 == 250));
        b.cards.push_back(db.last_insert_id());
        b.causes_of.emplace_back();
        const std::int64_t card = b.cards.back();
        const int direct = 1 + (i % 3 == 0);
        for (int k = 0; k < direct; ++k) {
            db.run("INSERT INTO problem_map_cause(card_id, text, nature, factor, position) VALUES (?, ?, ?, ?, ?)", card,
                   std::string(pick(kCauses, rng)), k % 2 ? "social" : "situational", k ? "missing_protective" : "risk",
                   std::int64_t(k));
            const std::int64_t cause = db.last_insert_id();
            b.causes_of.back().push_back(cause);
            if (i % 4 == 0)  // an underlying cause
                db.run("INSERT INTO problem_map_cause(card_id, parent_id, text, nature, position) VALUES (?, ?, ?, ?, ?)",
                       card, cause, std::string(pick(kSubCauses, rng)), "situational", std::int64_t(0));
        }
        if (i % 5 == 0 && !b.participants.empty())  // the room's dots
            db.run("INSERT OR IGNORE INTO problem_map_vote(card_id, participant_id, dots) VALUES (?, ?, ?)", card,
                   b.participants[std::size_t(i / 5) % b.participants.size()], std::int64_t(1 + i % 3));
    }
}

void add_measures(Database& db, const Board& b, int target, std::mt19937& rng) {
    const int existing = int(db.scalar_int("SELECT count(*) FROM action_plan_measure"));
    std::int64_t position = db.scalar_int("SELECT coalesce(max(position), 0) FROM action_plan_measure");
    for (int i = existing; i < target; ++i) {
        const std::size_t card = std::size_t(uniform(rng, 0, int(b.cards.size()) - 1));
        const std::string status = pick(kStatuses, rng);
        const int month = 1 + i % 12, year = 2026 + i % 2;
        db.run("INSERT INTO action_plan_measure(title, description, prevention, ordinary_work, goal_type, goal, start, "
               "due, resources, cost, effect_term, expected_effect, indicator, baseline, follow_up_method, priority, "
               "status, light, light_comment, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               fmt::format("{} {}", pick(kMeasures, rng), pick(kPlaces, rng)),
               std::string("Åtgärden genomförs i samverkan och följs upp vid varje uppföljningsmöte."),
               i % 2 ? "social" : "situational", std::int64_t(i % 3 == 0), i % 3 ? "output" : "outcome",
               std::string("Färre anmälningar och ökad upplevd trygghet enligt trygghetsmätningen."),
               fmt::format("{}-{:02}-01", year, month), fmt::format("{}-{:02}-28", year, month),
               std::string("Befintlig budget, två tjänster på halvtid"), fmt::format("{} 000 kr", uniform(rng, 10, 900)),
               i % 2 ? "short" : "long", std::string("Minskad otrygghet för boende och näringsidkare"),
               std::string("Andel som känner sig trygga kvällstid"), std::string("54 % (trygghetsmätningen 2025)"),
               std::string("Trygghetsmätning och polisens lägesbild"), std::int64_t(1 + i % 3), status,
               std::string(pick(kLights, rng)), std::string(i % 4 ? "" : "Förseningar hos entreprenören"), ++position);
        const std::int64_t measure = db.last_insert_id();
        auto link = [&](const char* kind, std::int64_t to, const char* role) {
            db.run("INSERT OR IGNORE INTO core_link(from_kind, from_id, to_kind, to_id, role) VALUES ('measure', ?, ?, ?, ?)",
                   measure, kind, to, role);
        };
        link("problem", b.cards[card], "addresses");
        if (!b.causes_of[card].empty()) link("cause", b.causes_of[card][std::size_t(i) % b.causes_of[card].size()], "addresses");
        if (!b.actors.empty()) {
            link("actor", b.actors[std::size_t(i) % b.actors.size()], "owner");
            link("actor", b.actors[std::size_t(i * 7 + 3) % b.actors.size()], "partner");
            if (i % 3 == 0) link("actor", b.actors[std::size_t(i * 5 + 1) % b.actors.size()], "partner");
        }
        if (status != "proposed")
            db.run("INSERT INTO action_plan_status_log(measure_id, date, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)",
                   measure, fmt::format("{}-{:02}-15", year, month), "proposed", status,
                   std::string(i % 2 ? "Beslut i brottsförebyggande rådet" : ""));
    }
}

}  // namespace

void grow_workshop(Database& db, const GrowOptions& options) {
    std::mt19937 rng(options.seed);
    Transaction tx(db);
    Board b;
    b.categories = ids(db, "SELECT id FROM problem_map_category ORDER BY id");
    b.areas = ids(db, "SELECT id FROM problem_map_area ORDER BY id");
    if (b.areas.empty()) {
        db.run("INSERT INTO problem_map_area(name) VALUES (?)", std::string("Hela kommunen"));
        b.areas.push_back(db.last_insert_id());
    }
    b.participants = ids(db, "SELECT id FROM core_participant ORDER BY id");
    b.actors = ids(db, "SELECT id FROM actor_map_actor ORDER BY id");
    b.cards = ids(db, "SELECT id FROM problem_map_card ORDER BY id");
    for (auto card : b.cards) {
        auto& s = db.prepare("SELECT id FROM problem_map_cause WHERE card_id = ? AND parent_id IS NULL ORDER BY id").with(card);
        b.causes_of.emplace_back();
        while (s.step()) b.causes_of.back().push_back(s.int64(0));
    }
    add_cards(db, b, options.cards, rng);
    if (!b.cards.empty()) add_measures(db, b, options.measures, rng);
    tx.commit();
}

}  // namespace kartla::bench
