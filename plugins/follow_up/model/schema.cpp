#include "schema.hpp"

namespace kartla::follow_up {

std::vector<std::string> migrations() {
    return {R"sql(
CREATE TABLE follow_up_record(
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL,
  measure_id       INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT '',
  light            TEXT NOT NULL DEFAULT '' CHECK (light IN ('', 'green', 'yellow', 'red')),
  light_comment    TEXT NOT NULL DEFAULT '',
  indicator_value  TEXT NOT NULL DEFAULT '',
  indicator_date   TEXT NOT NULL DEFAULT '',
  indicator_source TEXT NOT NULL DEFAULT '',
  decision         TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'continue', 'change', 'stop', 'new_measure')),
  decision_note    TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, measure_id));
CREATE TABLE follow_up_snapshot(
  id         INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  entity_id  INTEGER NOT NULL,
  label      TEXT NOT NULL DEFAULT '',
  attributes TEXT NOT NULL DEFAULT '{}',
  UNIQUE (meeting_id, kind, entity_id));
)sql"};
}

}  // namespace kartla::follow_up
