#include "measure.hpp"

#include "dates.hpp"
#include "kartla/core_data.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace kartla::action_plan {

namespace cd = kartla::core_data;

namespace {

const char* kMeasureKind = "measure";

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// One fixed statement per field: column names never come from data.
const char* update_sql(Field field) {
    switch (field) {
        case Field::Title: return "UPDATE action_plan_measure SET title = ? WHERE id = ?";
        case Field::Description: return "UPDATE action_plan_measure SET description = ? WHERE id = ?";
        case Field::Prevention: return "UPDATE action_plan_measure SET prevention = ? WHERE id = ?";
        case Field::GoalType: return "UPDATE action_plan_measure SET goal_type = ? WHERE id = ?";
        case Field::Goal: return "UPDATE action_plan_measure SET goal = ? WHERE id = ?";
        case Field::Start: return "UPDATE action_plan_measure SET start = ? WHERE id = ?";
        case Field::Due: return "UPDATE action_plan_measure SET due = ? WHERE id = ?";
        case Field::Resources: return "UPDATE action_plan_measure SET resources = ? WHERE id = ?";
        case Field::Cost: return "UPDATE action_plan_measure SET cost = ? WHERE id = ?";
        case Field::EffectTerm: return "UPDATE action_plan_measure SET effect_term = ? WHERE id = ?";
        case Field::ExpectedEffect: return "UPDATE action_plan_measure SET expected_effect = ? WHERE id = ?";
        case Field::Indicator: return "UPDATE action_plan_measure SET indicator = ? WHERE id = ?";
        case Field::Baseline: return "UPDATE action_plan_measure SET baseline = ? WHERE id = ?";
        case Field::FollowUpMethod: return "UPDATE action_plan_measure SET follow_up_method = ? WHERE id = ?";
        case Field::LightComment: return "UPDATE action_plan_measure SET light_comment = ? WHERE id = ?";
    }
    throw std::invalid_argument("unknown measure field");
}

void check_value(Field field, std::string_view value) {
    const bool ok = [&] {
        if (value.empty()) return true;
        switch (field) {
            case Field::Prevention: return one_of(value, kPreventionKinds);
            case Field::GoalType: return one_of(value, kGoalTypes);
            case Field::EffectTerm: return one_of(value, kEffectTerms);
            case Field::Start:
            case Field::Due: return dates::is_valid(value);
            default: return true;
        }
    }();
    if (!ok) throw std::invalid_argument("not an allowed value for this field: " + std::string(value));
}

void require_measure(Database& db, std::int64_t id) {
    if (db.scalar_int("SELECT count(*) FROM action_plan_measure WHERE id = ?", id) == 0)
        throw std::invalid_argument("no such measure");
}

cd::LinkEnd end_of(std::int64_t id) { return {kMeasureKind, id}; }

}  // namespace

std::string Measure::text(Field field) const {
    switch (field) {
        case Field::Title: return title;
        case Field::Description: return description;
        case Field::Prevention: return prevention;
        case Field::GoalType: return goal_type;
        case Field::Goal: return goal;
        case Field::Start: return start;
        case Field::Due: return due;
        case Field::Resources: return resources;
        case Field::Cost: return cost;
        case Field::EffectTerm: return effect_term;
        case Field::ExpectedEffect: return expected_effect;
        case Field::Indicator: return indicator;
        case Field::Baseline: return baseline;
        case Field::FollowUpMethod: return follow_up_method;
        case Field::LightComment: return light_comment;
    }
    return {};
}

const std::vector<std::string>& migrations() {
    static const std::vector<std::string> steps = {
        R"sql(
CREATE TABLE action_plan_measure(
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL DEFAULT '',
  description      TEXT NOT NULL DEFAULT '',
  prevention       TEXT NOT NULL DEFAULT '',
  ordinary_work    INTEGER NOT NULL DEFAULT 0,
  goal_type        TEXT NOT NULL DEFAULT '',
  goal             TEXT NOT NULL DEFAULT '',
  start            TEXT NOT NULL DEFAULT '',
  due              TEXT NOT NULL DEFAULT '',
  resources        TEXT NOT NULL DEFAULT '',
  cost             TEXT NOT NULL DEFAULT '',
  effect_term      TEXT NOT NULL DEFAULT '',
  expected_effect  TEXT NOT NULL DEFAULT '',
  indicator        TEXT NOT NULL DEFAULT '',
  baseline         TEXT NOT NULL DEFAULT '',
  follow_up_method TEXT NOT NULL DEFAULT '',
  priority         INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'proposed',
  light            TEXT NOT NULL DEFAULT '',
  light_comment    TEXT NOT NULL DEFAULT '',
  position         INTEGER NOT NULL DEFAULT 0);
CREATE TABLE action_plan_status_log(
  id          INTEGER PRIMARY KEY,
  measure_id  INTEGER NOT NULL,
  date        TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status   TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '');
CREATE INDEX action_plan_status_log_measure ON action_plan_status_log(measure_id);
CREATE TABLE action_plan_meta(
  id    INTEGER PRIMARY KEY,
  key   TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL);
INSERT INTO action_plan_meta(key, value) VALUES ('uid', lower(hex(randomblob(16))));
)sql",
    };
    return steps;
}

std::int64_t create_measure(Database& db, std::string_view title, std::string_view today) {
    const auto position = db.scalar_int("SELECT coalesce(max(position), 0) + 1 FROM action_plan_measure");
    db.run("INSERT INTO action_plan_measure(title, position) VALUES (?, ?)", std::string(title), position);
    const auto id = db.last_insert_id();
    db.run("INSERT INTO action_plan_status_log(measure_id, date, from_status, to_status) VALUES (?, ?, '', 'proposed')",
           id, std::string(today));
    return id;
}

void delete_measure(Database& db, std::int64_t id) {
    db.run("DELETE FROM action_plan_status_log WHERE measure_id = ?", id);
    cd::remove_links_of(db, end_of(id));
    db.run("DELETE FROM action_plan_measure WHERE id = ?", id);
}

void set_text(Database& db, std::int64_t id, Field field, std::string_view value) {
    check_value(field, value);
    require_measure(db, id);
    db.run(update_sql(field), std::string(value), id);
}

void set_ordinary_work(Database& db, std::int64_t id, bool ordinary_work) {
    db.run("UPDATE action_plan_measure SET ordinary_work = ? WHERE id = ?", ordinary_work ? 1 : 0, id);
}

void set_priority(Database& db, std::int64_t id, int priority) {
    if (priority < 0 || priority > 3) throw std::invalid_argument("priority is 0 to 3");
    db.run("UPDATE action_plan_measure SET priority = ? WHERE id = ?", priority, id);
}

void set_status(Database& db, std::int64_t id, std::string_view status, std::string_view date, std::string_view note) {
    if (!is_status(status)) throw std::invalid_argument("unknown status: " + std::string(status));
    if (!dates::is_valid(date)) throw std::invalid_argument("a status change needs a date");
    require_measure(db, id);
    const std::string previous = db.scalar_text("SELECT status FROM action_plan_measure WHERE id = ?", id);
    if (previous == status) return;
    db.run("UPDATE action_plan_measure SET status = ? WHERE id = ?", std::string(status), id);
    // std::string, not string_view: an empty view may have no data pointer and bind as NULL.
    db.run("INSERT INTO action_plan_status_log(measure_id, date, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)",
           id, std::string(date), previous, std::string(status), std::string(note));
}

void set_light(Database& db, std::int64_t id, std::string_view light) {
    if (!light.empty() && !is_light(light)) throw std::invalid_argument("unknown follow-up light");
    db.run("UPDATE action_plan_measure SET light = ? WHERE id = ?", std::string(light), id);
}

void set_position(Database& db, std::int64_t id, std::int64_t position) {
    db.run("UPDATE action_plan_measure SET position = ? WHERE id = ?", position, id);
}

void set_owner(Database& db, std::int64_t id, std::int64_t actor_id) {
    require_measure(db, id);
    for (const auto& old : cd::links_from(db, end_of(id), "actor", "owner")) cd::remove_link(db, end_of(id), old, "owner");
    if (actor_id != 0) cd::add_link(db, end_of(id), {"actor", actor_id}, "owner");
}

void set_partner(Database& db, std::int64_t id, std::int64_t actor_id, bool partner) {
    require_measure(db, id);
    if (partner) cd::add_link(db, end_of(id), {"actor", actor_id}, "partner");
    else cd::remove_link(db, end_of(id), {"actor", actor_id}, "partner");
}

void set_addresses(Database& db, std::int64_t id, std::string_view kind, std::int64_t entity_id, bool addresses) {
    if (kind != "problem" && kind != "cause") throw std::invalid_argument("a measure addresses problems and causes");
    require_measure(db, id);
    const cd::LinkEnd target{std::string(kind), entity_id};
    if (addresses) cd::add_link(db, end_of(id), target, "addresses");
    else cd::remove_link(db, end_of(id), target, "addresses");
}

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
