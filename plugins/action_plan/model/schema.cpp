#include "schema.hpp"

namespace kartla::action_plan {

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

}  // namespace kartla::action_plan
