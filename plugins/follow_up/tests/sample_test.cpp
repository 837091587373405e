// The sample workshop, built as `kartla sample` builds it, with every plugin.
#include "../model/follow_up.hpp"
#include "temp_dir.hpp"

#include "runtime.hpp"
#include "sample.hpp"

#include <doctest/doctest.h>

using namespace follow_up;

TEST_CASE("the sample has one follow-up meeting with records on the measures it names") {
    kartla::test::TempDir dir;
    kartla::Runtime runtime;
    runtime.echo_messages_to_stderr = false;
    runtime.load_plugins({KARTLA_TEST_PLUGIN_DIR});
    REQUIRE(runtime.plugin_usable("follow_up"));
    REQUIRE(runtime.plugin_usable("action_plan"));
    REQUIRE(kartla::build_sample(runtime, dir / "sample.kartla").empty());
    auto& db = runtime.workshop()->db();
    auto meetings = follow_up_meetings(db);
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0].date == "2026-10-08");
    CHECK_FALSE(kartla::core_data::attendees(db, meetings[0].id).empty());
    auto recs = records(db, meetings[0].id);
    CHECK(recs.size() == 7);
    int decisions = 0, indicators = 0;
    for (const auto& r : recs) {
        decisions += !r.decision.empty();
        indicators += !r.indicator_value.empty() && is_date(r.indicator_date);
    }
    CHECK(decisions == 7);
    CHECK(indicators >= 5);
    // The snapshot holds what the other plugins published when the meeting started.
    auto snap = snapshot(db, meetings[0].id);
    int measures = 0, problems = 0, actors = 0;
    for (const auto& e : snap) {
        measures += e.kind == "measure";
        problems += e.kind == "problem";
        actors += e.kind == "actor";
    }
    CHECK(measures == static_cast<int>(runtime.entities("measure").size()));
    CHECK(problems > 0);
    CHECK(actors > 0);
}
