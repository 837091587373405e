#include "sample.hpp"

#include "dates.hpp"
#include "edits.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>

namespace kartla::action_plan {

namespace {

struct Lookup {
    std::vector<Entity> items;
    std::optional<std::int64_t> id_of(const std::string& label) const {
        for (const auto& e : items)
            if (e.label == label) return e.id;
        return std::nullopt;
    }
};

Lookup lookup(const EntitySource& source, std::string_view kind) {
    bool available = false;
    return {source ? source(kind, &available) : std::vector<Entity>{}};
}

const std::pair<const char*, Field> kTextFields[] = {
    {"description", Field::Description}, {"prevention", Field::Prevention},
    {"goal_type", Field::GoalType},       {"goal", Field::Goal},
    {"start", Field::Start},              {"due", Field::Due},
    {"resources", Field::Resources},      {"cost", Field::Cost},
    {"effect_term", Field::EffectTerm},   {"expected_effect", Field::ExpectedEffect},
    {"indicator", Field::Indicator},      {"baseline", Field::Baseline},
    {"follow_up_method", Field::FollowUpMethod}, {"light_comment", Field::LightComment}};

void check(const kartla::EditResult& result) {
    if (!result) throw std::runtime_error(result.message);
}

void link_labels(const nlohmann::json& labels, const Lookup& known, const std::function<void(std::int64_t)>& link) {
    for (const auto& label : labels)
        if (auto found = known.id_of(label.get<std::string>())) link(*found);
}

}  // namespace

void load_sample(kartla::Workshop& workshop, const nlohmann::json& sample, const EntitySource& source) {
    const Lookup problems = lookup(source, "problem"), causes = lookup(source, "cause"), actors = lookup(source, "actor");
    const std::string meeting_date = sample.value("meeting_date", "2026-03-12");
    for (const auto& item : sample.at("measures")) {
        // One undoable step per measure, as if typed in the meeting.
        check(workshop.edit("Add measure", [&](Database& db) {
            const auto id = create_measure(db, item.at("title").get<std::string>(), meeting_date);
            for (const auto& [key, field] : kTextFields)
                if (item.contains(key)) set_text(db, id, field, item.at(key).get<std::string>());
            set_ordinary_work(db, id, item.value("ordinary_work", false));
            set_priority(db, id, item.value("priority", 0));
            set_light(db, id, item.value("light", ""));
            link_labels(item.value("problems", nlohmann::json::array()), problems,
                        [&](std::int64_t p) { set_addresses(db, id, "problem", p, true); });
            link_labels(item.value("causes", nlohmann::json::array()), causes,
                        [&](std::int64_t c) { set_addresses(db, id, "cause", c, true); });
            if (auto owner = actors.id_of(item.value("owner", ""))) set_owner(db, id, *owner);
            link_labels(item.value("partners", nlohmann::json::array()), actors,
                        [&](std::int64_t a) { set_partner(db, id, a, true); });
            for (const auto& change : item.value("status_log", nlohmann::json::array()))
                set_status(db, id, change.at("status").get<std::string>(), change.at("date").get<std::string>(),
                           change.value("note", ""));
        }));
    }
}

}  // namespace kartla::action_plan
