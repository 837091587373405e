#include "edits.hpp"

#include "dates.hpp"
#include "kartla/core_data.hpp"

#include <algorithm>
#include <stdexcept>

namespace kartla::action_plan {

namespace cd = kartla::core_data;

namespace {

const char* kMeasureKind = "measure";

// A field's value as its row in field_spec() allows it.
void check_value(Field field, std::string_view value) {
    const FieldSpec& spec = field_spec(field);
    const bool ok = value.empty() || (spec.date ? dates::is_valid(value)
                                                : spec.codes.empty() || std::find(spec.codes.begin(), spec.codes.end(),
                                                                                  value) != spec.codes.end());
    if (!ok) throw std::invalid_argument("not an allowed value for this field: " + std::string(value));
}

void require_measure(Database& db, std::int64_t id) {
    if (db.scalar_int("SELECT count(*) FROM action_plan_measure WHERE id = ?", id) == 0)
        throw std::invalid_argument("no such measure");
}

cd::LinkEnd end_of(std::int64_t id) { return {kMeasureKind, id}; }

}  // namespace

std::int64_t create_measure(Database& db, std::string_view title, std::string_view today) {
    const auto position = db.scalar_int("SELECT coalesce(max(position), 0) + 1 FROM action_plan_measure");
    db.run("INSERT INTO action_plan_measure(id, title, position) VALUES (kartla_key(), ?, ?)", std::string(title), position);
    const auto id = db.last_insert_id();
    db.run("INSERT INTO action_plan_status_log(id, measure_id, date, from_status, to_status) VALUES (kartla_key(), ?, ?, '', 'proposed')",
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
    db.run(field_spec(field).update_sql, std::string(value), id);
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
    db.run("INSERT INTO action_plan_status_log(id, measure_id, date, from_status, to_status, note) VALUES (kartla_key(), ?, ?, ?, ?, ?)",
           id, std::string(date), previous, std::string(status), std::string(note));
}

void set_light(Database& db, std::int64_t id, std::string_view light) {
    if (!light.empty() && !is_light(light)) throw std::invalid_argument("unknown follow-up light");
    db.run("UPDATE action_plan_measure SET light = ? WHERE id = ?", std::string(light), id);
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

}  // namespace kartla::action_plan
