// select_problems / select_causes: the published entities a filter asks for,
// straight from the tables. They must give exactly what problem_entities and
// cause_entities would, filtered (tests/robustness/scale_test.cpp checks that).
#include "entities.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace kartla::problem_map {

namespace {

// A list of ids bound as one JSON text and read back with json_each: bound, never spliced into SQL.
std::string json_ids(const std::vector<Id>& ids) { return nlohmann::json(ids).dump(); }

// Filter values that name a number exactly as an attribute would print it ("7", not "07").
std::vector<Id> numbers(const std::vector<std::string>& values) {
    std::vector<Id> out;
    for (const auto& v : values) {
        try {
            std::size_t used = 0;
            const Id n = std::stoll(v, &used);
            if (used == v.size() && std::to_string(n) == v) out.push_back(n);
        } catch (const std::exception&) {
        }
    }
    return out;
}

template <typename T>
std::vector<Entity> filtered(std::vector<Entity> all, const EntityFilter& filter) {
    std::vector<Entity> out;
    for (auto& e : all)
        if (filter.matches(e)) out.push_back(std::move(e));
    return out;
}

// Each card's rank by dots, by the views' rule (rank_by_dots), from the dots summed in SQL.
class Ranks {
public:
    explicit Ranks(Database& db) {
        // Everyone's dots, the phones' too, as the snapshot counts them.
        auto& q = db.prepare("SELECT v.card_id, sum(v.dots) FROM (SELECT card_id, dots FROM problem_map_vote "
                             "UNION ALL SELECT card_id, dots FROM problem_map_phone_vote) AS v "
                             "JOIN problem_map_card AS c ON c.id = v.card_id GROUP BY v.card_id").with();
        while (q.step()) {
            const int dots = int(q.int64(1));
            dots_[q.int64(0)] = dots;
            if (dots > 0) sorted_.push_back(dots);
        }
        std::sort(sorted_.begin(), sorted_.end(), std::greater<>());
    }
    int of(Id card) const {
        auto found = dots_.find(card);
        return found == dots_.end() ? 0 : rank_by_dots(sorted_, found->second);
    }

private:
    std::map<Id, int> dots_;
    std::vector<int> sorted_;  // descending
};

void read_cards(Database& db, const std::string& sql, const std::string& bound, std::map<Id, Card>& out) {
    auto& q = db.prepare(sql).with(bound);
    while (q.step()) {
        Card c;
        c.id = q.int64(0);
        c.title = q.text(1);
        c.prioritised = q.int64(2) != 0;
        c.category_id = q.int64(3);
        c.severity = q.integer(4);
        c.trend = q.text(5);
        c.area_id = q.int64(6);
        out.emplace(c.id, std::move(c));
    }
}

}  // namespace

std::vector<Entity> select_problems(Database& db, const EntityFilter& filter) {
    if (!filter.key.empty() && filter.key != "prioritised") return filtered<Entity>(problem_entities(load_snapshot(db)), filter);
    constexpr const char* kColumns = "SELECT id, title, prioritised, COALESCE(category_id, 0), severity, trend, "
                                     "COALESCE(area_id, 0) FROM problem_map_card WHERE hidden = 0 AND ";
    std::map<Id, Card> cards;  // by id: the order problem_entities lists them in
    read_cards(db, std::string(kColumns) + "id IN (SELECT value FROM json_each(?))", json_ids(filter.ids), cards);
    if (filter.key == "prioritised") {
        std::vector<Id> flags;
        for (const auto& v : filter.values)
            if (v == "1" || v == "0") flags.push_back(v == "1");
        read_cards(db, std::string(kColumns) + "prioritised IN (SELECT value FROM json_each(?))", json_ids(flags), cards);
    }
    std::map<Id, Category> categories;
    auto& cq = db.prepare("SELECT id, name, msgid FROM problem_map_category").with();
    while (cq.step()) categories[cq.int64(0)] = Category{cq.int64(0), cq.text(1), cq.text(2)};
    std::map<Id, Area> areas;
    auto& aq = db.prepare("SELECT id, name FROM problem_map_area").with();
    while (aq.step()) areas[aq.int64(0)] = Area{aq.int64(0), aq.text(1)};
    const Ranks ranks(db);
    std::vector<Entity> out;
    for (const auto& [id, card] : cards) {
        auto category = categories.find(card.category_id);
        auto area = areas.find(card.area_id);
        out.push_back(problem_entity(card, category == categories.end() ? nullptr : &category->second,
                                     area == areas.end() ? nullptr : &area->second, ranks.of(id)));
    }
    return out;
}

std::vector<Entity> select_causes(Database& db, const EntityFilter& filter) {
    if (!filter.key.empty() && filter.key != "problem_id") return filtered<Entity>(cause_entities(load_snapshot(db)), filter);
    auto& q = db.prepare("SELECT id, card_id, COALESCE(parent_id, 0), text, nature, factor, position FROM problem_map_cause "
                         "WHERE id IN (SELECT value FROM json_each(?1)) OR card_id IN (SELECT value FROM json_each(?2)) "
                         "ORDER BY card_id, position, id")
                  .with(json_ids(filter.ids), json_ids(filter.key.empty() ? std::vector<Id>{} : numbers(filter.values)));
    std::vector<Entity> out;
    while (q.step())
        out.push_back(cause_entity({q.int64(0), q.int64(1), q.int64(2), q.text(3), q.text(4), q.text(5), q.integer(6)}));
    return out;
}

}  // namespace kartla::problem_map
