// The follow-up view driven with injected input; assertions on what lands in the file.
#include "../model/follow_up.hpp"
#include "../model/schema.hpp"
#include "../views/meeting_view.hpp"
#include "headless.hpp"
#include "temp_dir.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>

using namespace kartla::follow_up;

namespace {

struct Ui {
    kartla::test::TempDir dir;
    kartla::Runtime runtime;
    kartla::test::Headless headless;
    std::vector<Entity> measures{
        {"measure", 30, "Trygghetsvärdar vid stationen", {{"status", "in_progress"}, {"light", "green"}, {"due", "2099-12-31"}}},
        {"measure", 31, "Riktade polisinsatser", {{"status", "in_progress"}, {"light", "yellow"}, {"due", "2020-09-30"}}}};
    std::unique_ptr<MeetingView> view;

    Ui() {
        runtime.messages().echo_to_stderr = false;
        auto created = kartla::Workshop::create(dir / "ui.kartla");
        REQUIRE(std::holds_alternative<std::unique_ptr<kartla::Workshop>>(created));
        runtime.set_workshop(std::move(std::get<std::unique_ptr<kartla::Workshop>>(created)));
        REQUIRE(db_workshop().migrate_plugin("follow_up", migrations()).empty());
        runtime.core_host().add_entity_kind({"measure", [this](kartla::Workshop&) { return measures; }});
        view = std::make_unique<MeetingView>(runtime.core_host());
        headless.set_ui([this] {
            ImGui::SetNextWindowPos({0, 0});
            ImGui::SetNextWindowSize({1600, 900});
            ImGui::Begin("Follow-up###follow_up.meeting");
            view->draw();
            ImGui::End();
        });
        kartla::ui::set_probes_enabled(true);
        headless.frame(3);
    }
    kartla::Workshop& db_workshop() { return *runtime.workshop(); }
    kartla::Database& db() { return db_workshop().db(); }
    void tap(const std::string& key) {
        headless.frame(2);
        REQUIRE_MESSAGE(headless.has_item(key), key);
        headless.click_item(key);
        headless.frame(2);
    }
};

}  // namespace

TEST_CASE("in the view: start a follow-up meeting, record the overdue measure first, then the next, undo") {
    Ui ui;
    CHECK(follow_up_meetings(ui.db()).empty());
    ui.tap("follow_up.start");
    auto meetings = follow_up_meetings(ui.db());
    REQUIRE(meetings.size() == 1);
    const auto meeting = meetings[0].id;
    CHECK(snapshot(ui.db(), meeting).size() == 2);

    // The overdue measure (31) comes first.
    ui.tap("follow_up.status.done");
    ui.tap("follow_up.decision.stop");
    auto r = record(ui.db(), meeting, 31);
    REQUIRE(r.has_value());
    CHECK(r->status == "done");
    CHECK(r->decision == "stop");

    ui.tap("follow_up.indicator_value");
    ui.headless.type("41 anmälda brott – Östra Höjden");
    ui.tap("follow_up.indicator_source");  // leaving the field saves it
    CHECK(record(ui.db(), meeting, 31)->indicator_value == "41 anmälda brott – Östra Höjden");

    ui.tap("follow_up.next");
    ui.tap("follow_up.light.red");
    REQUIRE(record(ui.db(), meeting, 30).has_value());
    CHECK(record(ui.db(), meeting, 30)->light == "red");
    CHECK(record(ui.db(), meeting, 31)->light == "");

    REQUIRE(ui.db_workshop().undo());
    CHECK_FALSE(record(ui.db(), meeting, 30).has_value());
    REQUIRE(ui.db_workshop().undo());
    CHECK(record(ui.db(), meeting, 31)->indicator_value.empty());
    CHECK(record(ui.db(), meeting, 31)->decision == "stop");

    // Since the last meeting: a measure changes after the meeting started.
    ui.measures[1].attributes["light"] = "red";
    ui.measures.push_back({"measure", 32, "Föräldrastöd", {{"status", "proposed"}}});
    ui.tap("follow_up.toggle_changes");
    auto changes = diff(snapshot(ui.db(), meeting), published_now(ui.runtime.core_host().entity_source()));
    CHECK(changes.size() == 2);
}

TEST_CASE("in the view: the current measure's indicator is charted once a meeting records a number") {
    Ui ui;
    ui.measures[1].attributes["indicator"] = "Anmälda narkotikabrott vid torget";
    ui.measures[1].attributes["baseline"] = "112 anmälningar (2025)";
    ui.tap("follow_up.start");
    ui.headless.frame(2);
    CHECK_FALSE(ui.headless.has_item("follow_up.indicator_chart"));  // nothing recorded yet
    ui.tap("follow_up.indicator_value");
    ui.headless.type("58 anmälningar");
    ui.tap("follow_up.indicator_source");
    CHECK(ui.headless.has_item("follow_up.indicator_chart"));
    ImVec2 min, max;
    REQUIRE(kartla::ui::item_rect("follow_up.indicator_chart", min, max));
    CHECK(max.x - min.x > ImGui::GetFontSize() * 10);  // a chart one can read, not a sliver
    ui.tap("follow_up.toggle_changes");                 // "since the last meeting" charts it too
    CHECK(ui.headless.has_item("follow_up.since.chart.0"));
    CHECK_FALSE(ui.headless.has_item("follow_up.since.chart.1"));  // the other measure has no values
    ui.tap("follow_up.toggle_changes");
    // A value that is not a number ("ingen mätning") is not charted.
    ui.tap("follow_up.indicator_value");
    ui.headless.key(kartla::keys::A, true);
    ui.headless.type("ingen mätning");
    ui.tap("follow_up.indicator_source");
    CHECK_FALSE(ui.headless.has_item("follow_up.indicator_chart"));
}
