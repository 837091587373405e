// The sample workshop's action plan, built as `kartla sample` builds it, with
// stand-ins for the problem and actor plugins.
#include "../model/checks.hpp"
#include "../model/plan.hpp"
#include "temp_dir.hpp"

#include "host/runtime.hpp"
#include "cli/sample.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kartla::action_plan;

TEST_CASE("the sample has at least 10 linked measures and every live check fires") {
    kartla::test::TempDir dir;
    kartla::Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    runtime.plugins().load_all({KARTLA_TEST_PLUGIN_DIR, ACTION_PLAN_STANDINS_DIR});
    REQUIRE(runtime.plugins().usable("action_plan_standins"));
    REQUIRE(kartla::build_sample(runtime, dir / "sample.kartla").empty());
    const Plan plan = load_plan(runtime.workshop()->db(), [&](std::string_view kind, bool* available) {
        return runtime.offers().entities(kind, available);
    });
    CHECK(plan.measures.size() >= 10);
    int with_owner = 0, with_partners = 0, with_problem = 0, with_light = 0;
    std::set<std::string> statuses;
    for (const auto& m : plan.measures) {
        with_owner += m.owner_id != 0;
        with_partners += !m.partner_ids.empty();
        with_problem += !m.problem_ids.empty();
        with_light += !m.light.empty();
        statuses.insert(m.status);
    }
    CHECK(with_owner >= 10);
    CHECK(with_partners >= 10);
    CHECK(with_problem >= 10);
    CHECK(with_light >= 8);
    CHECK(statuses.size() == 6);
    const auto findings = run_checks(plan, "2026-11-24");
    std::set<CheckKind> fired;
    for (const auto& f : findings) fired.insert(f.kind);
    for (CheckKind kind : {CheckKind::MissingOwner, CheckKind::MissingDue, CheckKind::ProblemGap,
                           CheckKind::UncoveredCause, CheckKind::Overdue, CheckKind::OwnerOverloaded})
        CHECK_MESSAGE(fired.count(kind) == 1, check_kind_key(kind));
}
