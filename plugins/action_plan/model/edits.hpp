#pragma once
// Every change to a measure. Each function expects to run inside one Host::edit
// (Workshop::edit), which the caller opens, so each user action is one
// transaction and one undo step. Links to problems, causes and actors go to
// core_link, because those entities belong to other plugins.
#include "measure.hpp"

#include "kartla/database.hpp"

#include <cstdint>
#include <string_view>

namespace kartla::action_plan {

std::int64_t create_measure(Database& db, std::string_view title, std::string_view today);
void delete_measure(Database& db, std::int64_t id);
void set_text(Database& db, std::int64_t id, Field field, std::string_view value);
void set_ordinary_work(Database& db, std::int64_t id, bool ordinary_work);
void set_priority(Database& db, std::int64_t id, int priority);
// Writes a dated status-log entry when the status actually changes.
void set_status(Database& db, std::int64_t id, std::string_view status, std::string_view date,
                std::string_view note = {});
void set_light(Database& db, std::int64_t id, std::string_view light);

void set_owner(Database& db, std::int64_t id, std::int64_t actor_id);  // 0 clears
void set_partner(Database& db, std::int64_t id, std::int64_t actor_id, bool partner);
// kind is "problem" or "cause".
void set_addresses(Database& db, std::int64_t id, std::string_view kind, std::int64_t entity_id, bool addresses);

}  // namespace kartla::action_plan
