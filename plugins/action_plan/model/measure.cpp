#include "measure.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace kartla::action_plan {

namespace {

constexpr FieldSpec kFields[] = {
    {Field::Title, &Measure::title, "UPDATE action_plan_measure SET title = ? WHERE id = ?"},
    {Field::Description, &Measure::description, "UPDATE action_plan_measure SET description = ? WHERE id = ?"},
    {Field::Prevention, &Measure::prevention, "UPDATE action_plan_measure SET prevention = ? WHERE id = ?",
     kPreventionKinds},
    {Field::GoalType, &Measure::goal_type, "UPDATE action_plan_measure SET goal_type = ? WHERE id = ?", kGoalTypes},
    {Field::Goal, &Measure::goal, "UPDATE action_plan_measure SET goal = ? WHERE id = ?"},
    {Field::Start, &Measure::start, "UPDATE action_plan_measure SET start = ? WHERE id = ?", {}, true},
    {Field::Due, &Measure::due, "UPDATE action_plan_measure SET due = ? WHERE id = ?", {}, true},
    {Field::Resources, &Measure::resources, "UPDATE action_plan_measure SET resources = ? WHERE id = ?"},
    {Field::Cost, &Measure::cost, "UPDATE action_plan_measure SET cost = ? WHERE id = ?"},
    {Field::EffectTerm, &Measure::effect_term, "UPDATE action_plan_measure SET effect_term = ? WHERE id = ?",
     kEffectTerms},
    {Field::ExpectedEffect, &Measure::expected_effect, "UPDATE action_plan_measure SET expected_effect = ? WHERE id = ?"},
    {Field::Indicator, &Measure::indicator, "UPDATE action_plan_measure SET indicator = ? WHERE id = ?"},
    {Field::Baseline, &Measure::baseline, "UPDATE action_plan_measure SET baseline = ? WHERE id = ?"},
    {Field::FollowUpMethod, &Measure::follow_up_method,
     "UPDATE action_plan_measure SET follow_up_method = ? WHERE id = ?"},
    {Field::LightComment, &Measure::light_comment, "UPDATE action_plan_measure SET light_comment = ? WHERE id = ?"},
};

}  // namespace

const FieldSpec& field_spec(Field field) {
    for (const auto& spec : kFields)
        if (spec.field == field) return spec;
    throw std::invalid_argument("unknown measure field");
}

std::string Measure::text(Field field) const { return this->*field_spec(field).member; }

std::vector<Measure> load_measures(Database& db) {
    std::vector<Measure> out;
    auto& s = db.prepare(
                    "SELECT id, title, description, prevention, ordinary_work, goal_type, goal, start, due, resources, "
                    "cost, effect_term, expected_effect, indicator, baseline, follow_up_method, priority, status, light, "
                    "light_comment, position FROM action_plan_measure ORDER BY position, id")
                  .with();
    while (s.step()) {
        Measure m;
        m.id = s.int64(0);
        m.title = s.text(1);
        m.description = s.text(2);
        m.prevention = prevention_code(s.text(3));
        m.ordinary_work = s.int64(4) != 0;
        m.goal_type = goal_type_code(s.text(5));
        m.goal = s.text(6);
        m.start = s.text(7);
        m.due = s.text(8);
        m.resources = s.text(9);
        m.cost = s.text(10);
        m.effect_term = effect_term_code(s.text(11));
        m.expected_effect = s.text(12);
        m.indicator = s.text(13);
        m.baseline = s.text(14);
        m.follow_up_method = s.text(15);
        m.priority = std::clamp(s.integer(16), 0, 3);
        m.status = status_code(s.text(17));
        m.light = light_code(s.text(18));
        m.light_comment = s.text(19);
        m.position = s.int64(20);
        out.push_back(std::move(m));
    }
    // All links in one pass instead of four queries per measure.
    std::unordered_map<std::int64_t, Measure*> by_id;
    for (auto& m : out) by_id[m.id] = &m;
    auto& links = db.prepare("SELECT from_id, to_kind, to_id, role FROM core_link WHERE from_kind = 'measure' ORDER BY id")
                      .with();
    while (links.step()) {
        auto found = by_id.find(links.int64(0));
        if (found == by_id.end()) continue;
        Measure& m = *found->second;
        const std::string kind = links.text(1), role = links.text(3);
        const std::int64_t to = links.int64(2);
        if (role == "addresses" && kind == "problem") m.problem_ids.push_back(to);
        else if (role == "addresses" && kind == "cause") m.cause_ids.push_back(to);
        else if (role == "owner" && kind == "actor") m.owner_id = to;
        else if (role == "partner" && kind == "actor") m.partner_ids.push_back(to);
    }
    return out;
}

std::vector<StatusChange> load_status_log(Database& db) {
    std::vector<StatusChange> out;
    auto& s = db.prepare("SELECT id, measure_id, date, from_status, to_status, note FROM action_plan_status_log "
                         "ORDER BY measure_id, id")
                  .with();
    while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5)});
    return out;
}

std::string workshop_uid(Database& db) {
    return uid_code(db.scalar_text("SELECT value FROM action_plan_meta WHERE key = 'uid'"));
}

bool is_status(std::string_view status) { return one_of(status, kStatuses); }
bool is_light(std::string_view light) { return one_of(light, kLights); }

namespace {

template <std::size_t N>
std::string code_or(std::string_view stored, const std::array<std::string_view, N>& allowed, std::string_view neutral) {
    return std::string(one_of(stored, allowed) ? stored : neutral);
}

}  // namespace

std::string status_code(std::string_view stored) { return code_or(stored, kStatuses, "proposed"); }
std::string light_code(std::string_view stored) { return code_or(stored, kLights, ""); }
std::string prevention_code(std::string_view stored) { return code_or(stored, kPreventionKinds, ""); }
std::string goal_type_code(std::string_view stored) { return code_or(stored, kGoalTypes, ""); }
std::string effect_term_code(std::string_view stored) { return code_or(stored, kEffectTerms, ""); }

std::string uid_code(std::string_view stored) {
    const bool safe = !stored.empty() && stored.size() <= 64 &&
                      std::all_of(stored.begin(), stored.end(), [](char c) {
                          return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-';
                      });
    if (safe) return std::string(stored);
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a: stable across exports and machines
    for (const char c : stored) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char digest[17];
    std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(hash));
    return std::string("x") + digest;
}

}  // namespace kartla::action_plan
