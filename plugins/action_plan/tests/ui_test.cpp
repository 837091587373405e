// Headless UI tests: the real views, driven by injected mouse and keyboard
// input, with assertions on what lands in the workshop file.
#include "world.hpp"

#include "../model/edits.hpp"
#include "../model/measure.hpp"
#include "../model/schema.hpp"
#include "../views/views.hpp"
#include "headless.hpp"
#include "temp_dir.hpp"

#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <imgui_internal.h>

using namespace kartla::action_plan;
using namespace kartla::action_plan::test;

namespace {

struct Ui {
    kartla::test::Headless headless{ImVec2(1600, 2600)};  // tall, so the whole editor is on screen
    kartla::test::TempDir dir;
    World world{dir / "ui.kartla"};
    views::UiState state{world.runtime.core_host()};
    views::TableView table{state};
    views::BoardView board{state};
    views::MeasureEditor editor{state};
    views::ByProblemView by_problem{state};
    views::TimelineView timeline{state};
    views::ChecksView checks{state};
    views::ExportPreview preview{state};

    Ui() { state.today_override = "2026-03-12"; }

    template <typename View>
    void show(View& view) {
        headless.set_ui([&view] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("view", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
            view.draw();
            ImGui::End();
        });
        headless.frame(3);
    }
    std::int64_t count(const char* sql) { return world.db().scalar_int(sql); }
    // Lets the layout settle after the last edit (a check badge may have gone), then taps.
    void tap(const std::string& key) {
        headless.frame(2);
        headless.click_item(key);
    }
};

std::string field_key(Field field) { return fmt::format("action_plan.editor.field.{}", static_cast<int>(field)); }

// Two measures, the first open in the form: for what must outlive selecting the other.
struct TwoMeasures {
    Ui ui;
    std::int64_t first = views::add_measure(ui.state);
    std::int64_t second = views::add_measure(ui.state);
    TwoMeasures() {
        ui.state.selected = first;
        ui.show(ui.editor);
    }
};

}  // namespace

TEST_CASE("create a measure, link problem and cause, pick owner and partners, set dates, drag it on the board, undo") {
    Ui ui;
    ui.show(ui.table);
    ui.headless.click_item("action_plan.table.new");
    REQUIRE(ui.count("SELECT count(*) FROM action_plan_measure") == 1);
    const std::int64_t id = ui.world.db().scalar_int("SELECT id FROM action_plan_measure");
    CHECK(ui.state.selected == id);

    ui.show(ui.editor);
    ui.tap(field_key(Field::Title));
    ui.headless.key(kartla::keys::A, true);  // select all, then replace
    ui.headless.type("Belysning vid torget åäö");
    ui.headless.key(kartla::keys::Enter);
    CHECK(ui.world.db().scalar_text("SELECT title FROM action_plan_measure") == "Belysning vid torget åäö");

    ui.tap(fmt::format("action_plan.editor.problem.{}", kDrugs));
    ui.tap(fmt::format("action_plan.editor.cause.{}", kDarkPlaces));
    ui.tap(fmt::format("action_plan.editor.owner.{}", kHousing));
    ui.tap(fmt::format("action_plan.editor.partner.{}", kPolice));
    ui.tap(fmt::format("action_plan.editor.partner.{}", kSocial));
    const Plan linked = ui.world.plan();
    REQUIRE(linked.measures.size() == 1);
    CHECK(linked.measures[0].problem_ids == std::vector<std::int64_t>{kDrugs});
    CHECK(linked.measures[0].cause_ids == std::vector<std::int64_t>{kDarkPlaces});
    CHECK(linked.measures[0].owner_id == kHousing);
    CHECK(linked.measures[0].partner_ids == std::vector<std::int64_t>{kPolice, kSocial});

    ui.tap(field_key(Field::Start));
    ui.headless.type("2026-04-01");
    ui.headless.key(kartla::keys::Enter);
    ui.tap(field_key(Field::Due));
    ui.headless.type("2026-31-05");  // not a date: refused, nothing saved
    ui.headless.key(kartla::keys::Enter);
    CHECK(ui.world.db().scalar_text("SELECT due FROM action_plan_measure").empty());
    ui.tap(field_key(Field::Due));
    ui.headless.key(kartla::keys::A, true);
    ui.headless.type("2026-06-30");
    ui.headless.key(kartla::keys::Enter);
    CHECK(ui.world.db().scalar_text("SELECT start FROM action_plan_measure") == "2026-04-01");
    CHECK(ui.world.db().scalar_text("SELECT due FROM action_plan_measure") == "2026-06-30");
    ui.tap("action_plan.editor.light.yellow");
    CHECK(ui.world.db().scalar_text("SELECT light FROM action_plan_measure") == "yellow");

    ui.show(ui.board);
    const auto card = fmt::format("action_plan.board.card.{}", id);
    REQUIRE(ui.headless.has_item(card));
    ui.headless.drag(ui.headless.item_center(card), ui.headless.item_center("action_plan.board.column.in_progress"));
    CHECK(ui.world.db().scalar_text("SELECT status FROM action_plan_measure") == "in_progress");
    CHECK(ui.count("SELECT count(*) FROM action_plan_status_log WHERE to_status = 'in_progress' "
                   "AND from_status = 'proposed' AND date = '2026-03-12'") == 1);
    ui.headless.frame(2);
    ui.headless.drag(ui.headless.item_center(card), ui.headless.item_center("action_plan.board.column.done"));
    CHECK(ui.world.db().scalar_text("SELECT status FROM action_plan_measure") == "done");

    // Undo through the core: each drag was one step, the log entry goes with it.
    REQUIRE(ui.world.workshop().undo().ok);
    CHECK(ui.world.db().scalar_text("SELECT status FROM action_plan_measure") == "in_progress");
    REQUIRE(ui.world.workshop().undo().ok);
    CHECK(ui.world.db().scalar_text("SELECT status FROM action_plan_measure") == "proposed");
    CHECK(ui.count("SELECT count(*) FROM action_plan_status_log") == 1);
    REQUIRE(ui.world.workshop().undo().ok);  // the light
    REQUIRE(ui.world.workshop().undo().ok);  // the due date
    CHECK(ui.world.db().scalar_text("SELECT due FROM action_plan_measure").empty());
    // The file on disk holds what the views wrote (every edit is committed at once).
    // Opened as the window would, with the plugin's schema known (its tables are verified, not guarded).
    const kartla::SchemaCatalog known{{{"action_plan", kartla::action_plan::migrations()}}};
    auto reopened = kartla::Workshop::open(ui.world.workshop().path(), kartla::OpenMode::ReadOnly, false, known);
    REQUIRE(std::holds_alternative<std::unique_ptr<kartla::Workshop>>(reopened));
    auto& copy = *std::get<std::unique_ptr<kartla::Workshop>>(reopened);
    CHECK(copy.db().scalar_text("SELECT start FROM action_plan_measure") == "2026-04-01");
    CHECK(copy.db().scalar_int("SELECT count(*) FROM core_link WHERE from_kind = 'measure' AND role = 'partner'") == 2);
}

TEST_CASE("the table filters by a column and selects by tapping a row") {
    Ui ui;
    std::int64_t a = 0, b = 0;
    ui.world.edit([&](kartla::Database& db) {
        a = create_measure(db, "Fältarbete", "2026-03-12");
        set_owner(db, a, kSocial);
        b = create_measure(db, "Belysning", "2026-03-12");
        set_owner(db, b, kHousing);
    });
    const auto row_a = "action_plan.table.row." + std::to_string(a), row_b = "action_plan.table.row." + std::to_string(b);
    ui.show(ui.table);
    CHECK(ui.headless.has_item(row_a));
    CHECK(ui.headless.has_item(row_b));
    // Column 1 is the title; the filter folds case, including Swedish letters.
    ui.headless.click_item("action_plan.table.filter.1");
    ui.headless.type("FÄLT");
    ui.headless.frame(3);
    kartla::ui::set_probes_enabled(false);
    kartla::ui::set_probes_enabled(true);  // forget last frames' rects
    ui.headless.frame(2);
    CHECK_FALSE(ui.headless.has_item(row_b));
    REQUIRE(ui.headless.has_item(row_a));
    ui.headless.click_item(row_a);
    CHECK(ui.state.selected == a);
}

// Keys are sixteen digits (kartla_key); the room reads the measure's number in the plan.
TEST_CASE("the table's first column numbers the measures in the plan's order, and filters by that number") {
    Ui ui;
    std::int64_t first = 0, second = 0;
    ui.world.edit([&](kartla::Database& db) {
        first = create_measure(db, "Fältarbete", "2026-03-12");
        second = create_measure(db, "Belysning", "2026-03-12");
    });
    REQUIRE(second > 1000);  // a key, not a number a person would read
    ui.show(ui.table);
    ui.headless.click_item("action_plan.table.filter.0");
    ui.headless.type("2");
    ui.headless.frame(3);
    kartla::ui::set_probes_enabled(false);
    kartla::ui::set_probes_enabled(true);  // forget last frames' rects
    ui.headless.frame(2);
    CHECK(ui.headless.has_item("action_plan.table.row." + std::to_string(second)));
    CHECK_FALSE(ui.headless.has_item("action_plan.table.row." + std::to_string(first)));
}

TEST_CASE("for the room the table shows the facilitator's filter and selection, without controls") {
    Ui ui;
    std::int64_t third = 0;
    ui.world.edit([&](kartla::Database& db) {
        create_measure(db, "Fältarbete", "2026-03-12");
        create_measure(db, "Belysning", "2026-03-12");
        third = create_measure(db, "Fältgrupp kvällstid", "2026-03-12");
    });
    ui.show(ui.table);
    ui.headless.click_item("action_plan.table.filter.1");
    ui.headless.type("fält");
    ui.headless.frame(3);
    ui.headless.click_item("action_plan.table.row." + std::to_string(third));
    REQUIRE(ui.state.selected == third);

    kartla::test::RoomScreen room;
    bool drawn = false;
    auto room_frame = [&] {
        room.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("###room.action_plan.table", nullptr, ImGuiWindowFlags_NoDecoration);
            drawn = ui.table.draw_room();
            ImGui::End();
        });
    };
    room_frame();
    REQUIRE(drawn);
    CHECK(ui.headless.has_item("action_plan.room.table"));
    CHECK(ui.headless.has_item("action_plan.room.selected"));        // the facilitator's measure, marked
    CHECK_FALSE(ui.headless.has_item("action_plan.table.new"));       // no New measure
    CHECK_FALSE(ui.headless.has_item("action_plan.table.filter.1"));  // no filter fields
    ui.headless.frame(1);  // the room's frame replaced the probes

    // Filtered away on the laptop, gone from the room too: nothing is marked.
    ui.headless.click_item("action_plan.table.filter.1");
    ui.headless.key(kartla::keys::A, true);
    ui.headless.type("belys");
    ui.headless.frame(3);
    room_frame();
    CHECK(ui.headless.has_item("action_plan.room.table"));
    CHECK_FALSE(ui.headless.has_item("action_plan.room.selected"));
}

TEST_CASE("by problem: a cause without a measure offers one, linked to the cause and its problem") {
    Ui ui;
    ui.show(ui.by_problem);
    ui.headless.click_item(fmt::format("action_plan.by_problem.add_for_cause.{}", kNoLeisure));
    const Plan plan = ui.world.plan();
    REQUIRE(plan.measures.size() == 1);
    CHECK(plan.measures[0].cause_ids == std::vector<std::int64_t>{kNoLeisure});
    CHECK(plan.measures[0].problem_ids == std::vector<std::int64_t>{kRecruitment});
    ui.headless.frame(2);
    CHECK(ui.headless.has_item(fmt::format("action_plan.by_problem.measure.{}", plan.measures[0].id)));
}

TEST_CASE("timeline marks today and the checks panel lists findings and the export preview draws") {
    Ui ui;
    std::int64_t late = 0;
    ui.world.edit([&](kartla::Database& db) {
        late = create_measure(db, "Försenad", "2026-01-01");
        set_text(db, late, Field::Start, "2026-01-10");
        set_text(db, late, Field::Due, "2026-02-28");
    });
    ui.show(ui.timeline);
    CHECK(ui.headless.has_item("action_plan.timeline.today"));
    CHECK(ui.headless.has_item("action_plan.timeline.row." + std::to_string(late)));
    ui.show(ui.checks);
    CHECK(ui.headless.has_item("action_plan.checks.overdue.0"));
    CHECK(ui.headless.has_item("action_plan.checks.missing_owner.0"));
    ui.headless.click_item("action_plan.checks.overdue.0");
    CHECK(ui.state.selected == late);
    ui.show(ui.preview);
}

// Issue 23: "Idag 2026-03-12" was drawn over the month label "2026-03".
TEST_CASE("the timeline's today label and the month labels never overlap") {
    Ui ui;
    ui.world.edit([](kartla::Database& db) {
        const auto id = create_measure(db, "Belysning vid torget", "2026-01-01");
        set_text(db, id, Field::Start, "2026-02-01");
        set_text(db, id, Field::Due, "2026-05-31");
    });
    ui.show(ui.timeline);
    ImVec2 today_min, today_max;
    REQUIRE(kartla::ui::item_rect("action_plan.timeline.today_label", today_min, today_max));
    int months = 0;
    for (const char* month : {"2026-02", "2026-03", "2026-04", "2026-05"}) {
        ImVec2 min, max;
        if (!kartla::ui::item_rect(fmt::format("action_plan.timeline.month.{}", month), min, max)) continue;
        ++months;
        CAPTURE(month);
        const bool apart = max.x <= today_min.x || today_max.x <= min.x || max.y <= today_min.y || today_max.y <= min.y;
        CHECK(apart);
    }
    CHECK(months >= 3);
}

namespace {

// Where the editor's rows and fields are drawn: the owner and partner pickers and the fields below them.
std::vector<ImVec2> editor_rows(kartla::test::Headless& h) {
    std::vector<ImVec2> out;
    for (auto actor : {kPolice, kSocial, kHousing}) {
        out.push_back(h.item_center(fmt::format("action_plan.editor.owner.{}", actor)));
        out.push_back(h.item_center(fmt::format("action_plan.editor.partner.{}", actor)));
    }
    for (Field f : {Field::Title, Field::Goal, Field::Due, Field::Resources, Field::Indicator})
        out.push_back(h.item_center(field_key(f)));
    return out;
}

bool same_places(const std::vector<ImVec2>& a, const std::vector<ImVec2>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].x != b[i].x || a[i].y != b[i].y) return false;
    return true;
}

}  // namespace

TEST_CASE("the measure form does not move when its warnings come and go") {
    Ui ui;
    const auto id = views::add_measure(ui.state);
    ui.world.edit([&](kartla::Database& db) {
        set_owner(db, id, kPolice);
        set_text(db, id, Field::Due, "2027-05-31");
        set_addresses(db, id, "problem", kDrugs, true);
    });
    ui.show(ui.editor);
    CHECK(findings_for_measure(ui.state.findings(), *ui.state.plan().measure(id)).empty());  // the state's own plan
    const auto before = editor_rows(ui.headless);

    // Taking the owner away brings "No responsible owner"; clearing the due date brings a second warning.
    ui.tap(fmt::format("action_plan.editor.owner.{}", kPolice));  // a second tap clears
    REQUIRE(ui.world.plan().measure(id)->owner_id == 0);
    ui.headless.frame(2);
    CHECK(findings_for_measure(ui.state.findings(), *ui.state.plan().measure(id)).size() == 1);
    CHECK(same_places(before, editor_rows(ui.headless)));
    ui.world.edit([&](kartla::Database& db) { set_text(db, id, Field::Due, ""); });
    ui.headless.frame(2);
    CHECK(findings_for_measure(ui.state.findings(), *ui.state.plan().measure(id)).size() == 2);
    CHECK(same_places(before, editor_rows(ui.headless)));
    // A wrong date shows its message on a line that is always there.
    ui.tap(field_key(Field::Due));
    ui.headless.type("31 maj");
    ui.headless.key(kartla::keys::Enter);
    ui.headless.frame(2);
    CHECK(same_places(before, editor_rows(ui.headless)));
}

TEST_CASE("an owner or partner is picked only when pressed and released on the same row") {
    Ui ui;
    const auto id = views::add_measure(ui.state);
    ui.show(ui.editor);
    auto owner = [&](std::int64_t actor) { return ui.headless.item_center(fmt::format("action_plan.editor.owner.{}", actor)); };
    auto partner = [&](std::int64_t actor) { return ui.headless.item_center(fmt::format("action_plan.editor.partner.{}", actor)); };
    ui.headless.drag(owner(kPolice), owner(kSocial), 4);
    ui.headless.drag(partner(kSocial), partner(kHousing), 4);
    ui.headless.frame(2);
    Plan plan = ui.world.plan();
    const Measure* m = plan.measure(id);
    CHECK(m->owner_id == 0);
    CHECK(m->partner_ids.empty());
    CHECK(ui.count("SELECT count(*) FROM core_link WHERE from_kind = 'measure' AND to_kind = 'actor'") == 0);
    // Pressed and released on the same row, it is picked.
    ui.tap(fmt::format("action_plan.editor.owner.{}", kSocial));
    ui.tap(fmt::format("action_plan.editor.partner.{}", kHousing));
    plan = ui.world.plan();
    m = plan.measure(id);
    CHECK(m->owner_id == kSocial);
    CHECK(m->partner_ids == std::vector<std::int64_t>{kHousing});
}

TEST_CASE("a new measure opens at the top of the form with its title ready to type") {
    Ui ui;
    ui.headless.set_ui([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(900, 600));  // shorter than the form: it scrolls
        ImGui::Begin("editor", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        ui.editor.draw();
        ImGui::End();
    });
    views::add_measure(ui.state);
    ui.headless.frame(3);
    ui.headless.key(kartla::keys::Escape);
    ui.headless.wheel(ImVec2(450, 300), -30);
    ui.headless.frame(2);
    ImGuiWindow* window = ImGui::FindWindowByName("editor");
    REQUIRE(window);
    REQUIRE(window->Scroll.y > 100);
    const auto second = views::add_measure(ui.state);
    ui.headless.frame(3);
    CHECK(window->Scroll.y == 0);
    ui.headless.type("Belysning åäö");
    ui.headless.key(kartla::keys::Enter);
    CHECK(ui.world.db().scalar_text("SELECT title FROM action_plan_measure WHERE id = ?", second) == "Belysning åäö");
}

TEST_CASE("typing at once after New measure replaces the placeholder title, every character landing") {
    Ui ui;
    ui.headless.set_ui([&] {  // the table and its editor beside it, as on the stage
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 2600));
        ImGui::Begin("table", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        ui.table.draw();
        ImGui::End();
        ImGui::SetNextWindowPos(ImVec2(800, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 2600));
        ImGui::Begin("editor", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        ui.editor.draw();
        ImGui::End();
    });
    ui.headless.frame(3);
    ui.headless.click_then_type(ui.headless.item_center("action_plan.table.new"), "Bel", "ysning ");
    ui.headless.type("vid Åtorget");
    ui.headless.frame(2);       // the scroll goes to the top, the field takes focus, then the keys that waited for it
    ui.headless.advance(0.25);  // saved as typed, not even confirmed
    CHECK(ui.world.db().scalar_text("SELECT title FROM action_plan_measure") == "Belysning vid Åtorget");
}

TEST_CASE("a description a full disk refused stays pending, marked not saved, through another measure, until there is space") {
    TwoMeasures two;
    Ui& ui = two.ui;
    const auto first = two.first, second = two.second;
    auto& db = ui.world.db();
    db.exec("PRAGMA max_page_count = " + std::to_string(db.scalar_int("PRAGMA page_count")));  // the disk is full
    std::string description;  // long enough to need a page of its own: refused
    while (description.size() < 6000) description += "Belysning i gångtunneln. ";
    ui.tap(field_key(Field::Description));
    ui.headless.type(description);
    ui.headless.advance(0.25);
    CHECK(db.scalar_text("SELECT description FROM action_plan_measure WHERE id = ?", first).empty());
    CHECK(kartla::ui::pending_text_count() == 1);
    CHECK(ui.headless.has_item("text.not_saved"));

    ui.state.selected = second;  // another measure, the field left while the disk is full
    ui.headless.frame(3);
    ui.tap(field_key(Field::Title));
    ui.headless.key(kartla::keys::A, true);
    std::string title;
    while (title.size() < 6000) title += "Fältvandring ";
    ui.headless.type(title);
    ui.headless.key(kartla::keys::Enter);
    CHECK(kartla::ui::pending_text_count() == 2);

    ui.state.selected = first;  // back: the form shows the pending text, typing goes on after it
    ui.headless.frame(3);
    ui.tap(field_key(Field::Description));
    ui.headless.key(kartla::keys::End, true);
    ui.headless.type("vid Åtorget");
    ui.headless.advance(0.25);

    db.exec("PRAGMA max_page_count = 1073741823");
    CHECK(kartla::ui::write_pending_text() == 0);
    CHECK(db.scalar_text("SELECT description FROM action_plan_measure WHERE id = ?", first) == description + "vid Åtorget");
    CHECK(db.scalar_text("SELECT title FROM action_plan_measure WHERE id = ?", second) == title);
}

TEST_CASE("a date not yet in its form stays as typed, marked, through another measure and an edit from elsewhere") {
    TwoMeasures two;
    Ui& ui = two.ui;
    const auto first = two.first, second = two.second;
    auto& db = ui.world.db();
    ui.tap(field_key(Field::Due));
    ui.headless.type("2026-31-05");  // day and month swapped: not a date
    ui.headless.key(kartla::keys::Enter);
    ui.headless.frame(2);
    CHECK(db.scalar_text("SELECT due FROM action_plan_measure WHERE id = ?", first).empty());
    CHECK(ui.headless.has_item("text.invalid"));  // the field says why, without moving the form

    ui.state.selected = second;  // another measure, and a change the room made elsewhere
    ui.headless.frame(3);
    CHECK_FALSE(ui.headless.has_item("text.invalid"));
    REQUIRE(ui.world.workshop().edit(kartla::EditLabel{"action_plan", "Edit measure"}, [&](kartla::Database& d) {
        d.run("UPDATE action_plan_measure SET title = 'Från telefon' WHERE id = ?", second);
    }, 0).ok);
    ui.state.selected = first;  // back: the typed text is still there, to be corrected
    ui.headless.frame(3);
    CHECK(ui.headless.has_item("text.invalid"));
    ui.tap(field_key(Field::Due));
    ui.headless.key(kartla::keys::A, true);
    ui.headless.type("2026-05-31");
    ui.headless.key(kartla::keys::Enter);
    ui.headless.frame(2);
    CHECK(db.scalar_text("SELECT due FROM action_plan_measure WHERE id = ?", first) == "2026-05-31");
    CHECK_FALSE(ui.headless.has_item("text.invalid"));
}

TEST_CASE("at 300 % the status board shows whole columns, a page at a time, never one cut by the window's edge") {
    Ui ui;
    ui.headless.rebuild_fonts(3.0f);
    ui.show(ui.table);
    ui.headless.click_item("action_plan.table.new");
    REQUIRE(ui.count("SELECT count(*) FROM action_plan_measure") == 1);
    ui.show(ui.board);
    const float width = ImGui::GetIO().DisplaySize.x;
    auto shown = [&] {
        std::vector<std::string> out;
        for (std::string_view status : kStatuses) {
            ImVec2 min, max;
            const std::string key = fmt::format("action_plan.board.column.{}", status);
            if (!kartla::ui::item_rect(key, min, max)) continue;
            CHECK_MESSAGE(max.x <= width, key);  // whole, inside the window
            out.emplace_back(status);
        }
        return out;
    };
    std::vector<std::string> first = shown();
    REQUIRE(!first.empty());
    CHECK(first.size() < kStatuses.size());
    CHECK(first.front() == "proposed");
    CHECK(ui.headless.has_item(fmt::format("action_plan.board.card.{}", ui.world.db().scalar_int("SELECT id FROM action_plan_measure"))));
    // The arrow pages on to the last column.
    for (int i = 0; i < int(kStatuses.size()) && shown().back() != kStatuses.back(); ++i) {
        ui.headless.click_item("action_plan.board.next");
        ui.headless.frame(2);
    }
    CHECK(shown().back() == std::string(kStatuses.back()));
    CHECK(shown().front() != "proposed");
}
