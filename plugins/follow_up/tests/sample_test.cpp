// The sample workshop, built as `kartla sample` builds it, with every plugin.
#include "../model/follow_up.hpp"
#include "../model/indicator.hpp"
#include "temp_dir.hpp"

#include "kartla/dates.hpp"
#include "host/runtime.hpp"
#include "cli/sample.hpp"

#include <doctest/doctest.h>

using namespace kartla::follow_up;

TEST_CASE("the sample has two follow-up meetings with records, indicator values over time and changes between them") {
    kartla::test::TempDir dir;
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR});
    REQUIRE(runtime.plugins().usable("follow_up"));
    REQUIRE(runtime.plugins().usable("action_plan"));
    REQUIRE(kartla::build_sample(runtime, dir / "sample.kartla").empty());
    auto& db = runtime.workshop()->db();
    auto meetings = follow_up_meetings(db);
    REQUIRE(meetings.size() == 2);
    CHECK(meetings[0].date == "2026-06-11");
    CHECK(meetings[1].date == "2026-10-08");
    for (const auto& m : meetings) CHECK_FALSE(kartla::core_data::attendees(db, m.id).empty());
    CHECK(records(db, meetings[0].id).size() == 6);
    auto recs = records(db, meetings[1].id);
    CHECK(recs.size() == 7);
    int decisions = 0, indicators = 0;
    for (const auto& r : recs) {
        decisions += !r.decision.empty();
        indicators += !r.indicator_value.empty() && kartla::dates::is_valid(r.indicator_date);
    }
    CHECK(decisions == 7);
    CHECK(indicators >= 5);
    // Six measures have a number at both meetings: a line, not a dot, in their chart.
    int series = 0;
    for (const auto& m : runtime.offers().entities("measure")) series += indicator_series(db, m.id).size() == 2;
    CHECK(series == 6);
    // The later snapshot holds what the other plugins published; the earlier one how things stood in June.
    auto snap = snapshot(db, meetings[1].id);
    int measures = 0, problems = 0, actors = 0;
    for (const auto& e : snap) {
        measures += e.kind == "measure";
        problems += e.kind == "problem";
        actors += e.kind == "actor";
    }
    CHECK(measures == static_cast<int>(runtime.offers().entities("measure").size()));
    CHECK(problems > 0);
    CHECK(actors > 0);
    const auto since = since_last_meeting(db, meetings[1].id, runtime.core_host().entity_source());
    REQUIRE(since.previous == meetings[0].id);
    int added = 0, changed = 0;
    for (const auto& c : since.changes) {
        CHECK(c.kind == "measure");
        added += c.type == Change::Type::Added;
        changed += c.type == Change::Type::Changed;
    }
    CHECK(added == 1);    // the parents' evenings on recruitment through apps
    CHECK(changed == 6);  // status or light moved on six measures
}
