// Running the meeting: the countdown with a simulated clock, the agenda that
// brings each step's view to the front and records time spent in the file,
// parking lot and decisions in the meeting export, the command palette in
// Swedish and English, and the language switch keeping the open workshop.
#include "meeting/agenda.hpp"
#include "must_open.hpp"
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

using namespace kartla;

namespace {

struct MeetingFixture {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    ui::Settings settings;
    ui::Shell shell{runtime, settings};
    std::filesystem::path file = dir / "möte.kartla";
    double now = 1000;  // the simulated clock, in seconds

    MeetingFixture() {
        runtime.messages().echo_to_stderr = false;
        shell.set_language("en");
        // A stand-in for a plugin's board, so steps have a second main view to bring forward.
        runtime.core_host().add_view({"test.board", "Test board", true, [] { ImGui::TextUnformatted("board"); },
                                      ViewPlacement::Main, 10});
        shell.agenda().set_clock([this] { return now; });
        REQUIRE(shell.create_file(file));
        ui.set_ui([this] { shell.frame(); });
        ui.frame(2);
    }
    ~MeetingFixture() { runtime.registry().remove_view("test.board"); }

    std::int64_t meeting() { return core_data::meetings(runtime.workshop()->db()).at(0).id; }

    void add_steps() {
        std::int64_t m = meeting();
        runtime.workshop()->edit("steps", [&](Database& db) {
            agenda::add_step(db, m, "Välkommen och syfte", 10, "core.workshop");
            agenda::add_step(db, m, "Problembild", 1, "test.board");
        });
        ui.frame(2);
    }

    std::vector<agenda::Step> steps_on_disk() {
        auto opened = Workshop::open(file, OpenMode::ReadOnly);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
        return agenda::steps(std::get<std::unique_ptr<Workshop>>(opened)->db(), meeting());
    }

    // Whether the mouse rests on the item with this visible label in the view's window:
    // ImGui identifies a button by its label, so this reads what the room sees.
    bool hovering_label(const char* view_key, const std::string& probe, const char* label) {
        ui.move_to(ui.item_center(probe));
        ui.frame(1);
        ImGuiWindow* window = ImGui::FindWindowByName((std::string("###") + view_key).c_str());
        return window && ImGui::GetCurrentContext()->HoveredIdPreviousFrame == ImHashStr(label, 0, window->ID);
    }

    void palette(const std::string& query) {
        ui.key(keys::K, true);
        ui.frame(2);
        REQUIRE(shell.palette().visible());
        ui.type(query);
        ui.key(keys::Enter);
        ui.frame(1);
    }
};

}  // namespace

TEST_CASE("the countdown counts down with the clock, pauses and is extended") {
    double now = 0;
    agenda::Countdown c([&] { return now; });
    c.reset(5 * 60);
    CHECK(c.remaining() == doctest::Approx(300));
    now = 100;
    CHECK(c.remaining() == doctest::Approx(300));  // not started
    c.start();
    now = 160;
    CHECK(c.remaining() == doctest::Approx(240));
    c.pause();
    now = 1000;
    CHECK(c.remaining() == doctest::Approx(240));
    c.add_minutes(2);
    CHECK(c.remaining() == doctest::Approx(360));
    c.start();
    now = 1400;
    CHECK(c.time_up());
    CHECK(agenda::format_clock(c.remaining()) == "−0:40");
    CHECK(agenda::format_clock(61.2) == "1:02");
}

TEST_CASE("the agenda is stored per meeting, in order, and steps move") {
    auto w = Workshop::in_memory();
    std::int64_t a = 0, b = 0, first = 0;
    w->edit("setup", [&](Database& db) {
        a = core_data::add_meeting(db, {0, "mapping", "Kartläggning", "2026-03-02", "", ""});
        b = core_data::add_meeting(db, {0, "follow_up", "Uppföljning", "2026-06-01", "", ""});
        first = agenda::add_step(db, a, "Välkommen", 10, "core.workshop");
        agenda::add_step(db, a, "Problembild", 30, "problem_map.board");
        agenda::add_step(db, b, "Läget", 15, "");
    });
    auto steps = agenda::steps(w->db(), a);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].title == "Välkommen");
    CHECK(agenda::steps(w->db(), b).size() == 1);
    w->edit("move", [&](Database& db) { agenda::move_step(db, first, +1); });
    CHECK(agenda::steps(w->db(), a)[1].title == "Välkommen");
    w->undo();
    CHECK(agenda::steps(w->db(), a)[0].title == "Välkommen");
}

TEST_CASE("starting the agenda runs the timer, pause and +1 min act on the countdown") {
    MeetingFixture f;
    f.add_steps();
    f.ui.click_item("agenda.start");
    auto& runner = f.shell.agenda().runner();
    REQUIRE(runner.current() == 0);
    CHECK(f.shell.stage().current() == "core.workshop");
    f.now += 120;
    CHECK(runner.countdown().remaining() == doctest::Approx(480));
    f.ui.click_item("agenda.start");  // now it reads Pause
    CHECK(!runner.countdown().running());
    CHECK(f.steps_on_disk()[0].spent_seconds == 120);  // pausing writes the time spent
    f.now += 300;
    CHECK(runner.countdown().remaining() == doctest::Approx(480));
    f.ui.click_item("agenda.add_minute");
    CHECK(runner.countdown().remaining() == doctest::Approx(540));
    CHECK(f.shell.wants_ticking() == false);
}

TEST_CASE("with no agenda steps the timer does not start") {
    MeetingFixture f;
    f.ui.click_item("agenda.start");
    f.shell.agenda().toggle_timer();  // the palette's command, which is not greyed out
    CHECK(!f.shell.agenda().runner().countdown().running());
    CHECK(!f.shell.wants_ticking());
    f.add_steps();
    f.ui.click_item("agenda.start");
    CHECK(f.shell.agenda().runner().countdown().running());
}

TEST_CASE("the next agenda step brings its view to the front and records the time spent") {
    MeetingFixture f;
    f.add_steps();
    f.ui.click_item("agenda.start");
    f.now += 95;
    f.ui.click_item("agenda.next");
    CHECK(f.shell.stage().current() == "test.board");
    CHECK(f.shell.agenda().runner().current() == 1);
    auto steps = f.steps_on_disk();
    CHECK(steps[0].spent_seconds == 95);
    // The second step has one minute; the clock keeps running across the step change.
    f.ui.frame(2);
    CHECK(f.ui.has_item("agenda.clock"));
    f.now += 61;
    f.ui.frame(2);
    CHECK(f.ui.has_item("agenda.clock.time_up"));
    f.ui.click_item("agenda.previous");
    CHECK(f.shell.stage().current() == "core.workshop");
    CHECK(f.steps_on_disk()[1].spent_seconds == 61);
}

TEST_CASE("the usual agenda is added with one button, in the chosen language") {
    MeetingFixture f;
    f.shell.set_language("sv");
    f.ui.frame(2);
    f.ui.click_item("agenda.use_default");
    auto steps = f.steps_on_disk();
    REQUIRE(steps.size() == agenda::default_mapping_agenda().size());
    CHECK(steps[0].title == "Välkomna och syfte");
    CHECK(steps[1].view_key == "problem_map.board");
    f.ui.key(keys::Z, true);  // one undo step
    CHECK(f.steps_on_disk().empty());
}

TEST_CASE("the language switch changes visible labels and keeps the workshop and the view on stage") {
    MeetingFixture f;
    f.shell.stage().show("test.board");
    f.ui.frame(2);
    CHECK(f.hovering_label("core.agenda", "agenda.start", "Start"));
    f.shell.set_language("sv");
    f.ui.frame(2);
    CHECK(f.hovering_label("core.agenda", "agenda.start", "Starta"));
    CHECK(std::string(f.runtime.translate("Agenda")) == "Dagordning");
    CHECK(f.runtime.workshop() != nullptr);
    CHECK(f.runtime.workshop()->path() == std::filesystem::absolute(f.file));
    CHECK(f.shell.stage().current() == "test.board");
}

TEST_CASE("the command palette finds and runs a command in Swedish and in English") {
    MeetingFixture f;
    f.runtime.workshop()->edit("title", [](Database& db) { core_data::set_meta(db, "title", "Ändrad"); });
    f.shell.set_language("sv");
    f.ui.frame(2);
    f.palette("ÅNGRA");  // case-insensitive, with å
    CHECK(!f.shell.palette().visible());
    CHECK(core_data::meta(f.runtime.workshop()->db(), "title") == "möte");

    f.shell.set_language("en");
    f.ui.frame(2);
    f.palette("show test");
    CHECK(f.shell.stage().current() == "test.board");

    auto commands = f.shell.palette_commands();
    CHECK(ui::filter_commands(commands, "larger").size() == 1);
    CHECK(ui::fold_case("ÅÄÖÉ Åsen") == "åäöé åsen");
}

TEST_CASE("F5 presents the main view without the menu and Esc brings the controls back") {
    MeetingFixture f;
    f.ui.key(keys::F5);
    CHECK(f.shell.presenting());
    f.ui.frame(2);
    CHECK(!f.ui.has_item("core.view_bar.core.workshop"));
    f.ui.key(keys::Escape);
    CHECK(!f.shell.presenting());
    f.ui.frame(2);
    CHECK(f.ui.has_item("core.view_bar.core.workshop"));
}

TEST_CASE("the meeting export lists attendance, agenda with time spent, decisions and the parking lot") {
    MeetingFixture f;
    f.add_steps();
    std::int64_t m = f.meeting();
    f.runtime.workshop()->edit("notes", [&](Database& db) {
        auto p = core_data::add_participant(db, "Kommunpolis", "Polisen");
        core_data::set_attended(db, m, p, true);
        agenda::add_note(db, m, agenda::NoteKind::Decision, "Öka belysningen vid Stationsområdet");
        auto parked = agenda::add_note(db, m, agenda::NoteKind::Parked, "Vem äger gångtunneln?");
        agenda::update_note(db, {parked, agenda::NoteKind::Parked, "Vem äger gångtunneln?", true});
        agenda::add_spent(db, agenda::steps(db, m)[0].id, 600);
    });
    const ExportSpec* exporter = f.runtime.offers().find_export("meeting-md");
    REQUIRE(exporter != nullptr);
    auto out = f.dir / "möte.md";
    exporter->write(*f.runtime.workshop(), ExportOptions{}, out);
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    std::string md = text.str();
    CHECK(md.find("Kommunpolis, Polisen") != std::string::npos);
    CHECK(md.find("| 1 | Välkommen och syfte | 10 | 10.0 |") != std::string::npos);
    CHECK(md.find("- Öka belysningen vid Stationsområdet") != std::string::npos);
    CHECK(md.find("- [x] Vem äger gångtunneln?") != std::string::npos);
}

TEST_CASE("decisions and parked questions are added from their panel and saved at once") {
    MeetingFixture f;
    f.shell.stage().show("core.meeting_notes");
    f.ui.frame(2);
    f.ui.click_item("notes.parked.add");
    f.ui.frame(2);
    f.ui.click_item("notes.parked.0.text");
    f.ui.type("Skolans öppettider?");
    f.ui.key(keys::Enter);
    auto parked = agenda::notes(f.runtime.workshop()->db(), f.meeting(), agenda::NoteKind::Parked);
    REQUIRE(parked.size() == 1);
    CHECK(parked[0].text == "Skolans öppettider?");
    f.ui.click_item("notes.parked.0.done");
    CHECK(agenda::notes(f.runtime.workshop()->db(), f.meeting(), agenda::NoteKind::Parked)[0].done);
}

TEST_CASE("a workshop from before the agenda is migrated when opened, and read-only it still opens") {
    test::TempDir dir;
    auto file = dir / "äldre.kartla";
    {
        auto created = Workshop::create(file);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    }
    {
        // Back to the first core schema, as an older kartla wrote it.
        Database db(file.string(), SQLITE_OPEN_READWRITE);
        db.exec("DROP TABLE core_agenda_step; DROP TABLE core_meeting_note; DROP TABLE core_history; "
                "PRAGMA user_version = 1;");
    }
    {
        auto opened = Workshop::open(file, OpenMode::ReadOnly);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
        CHECK(!agenda::available(std::get<std::unique_ptr<Workshop>>(opened)->db()));
    }
    auto opened = Workshop::open(file, OpenMode::ReadWrite);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    Database& db = std::get<std::unique_ptr<Workshop>>(opened)->db();
    CHECK(db.scalar_int("PRAGMA user_version") == kCoreSchemaVersion);
    CHECK(agenda::available(db));
}

TEST_CASE("the theme is chosen in the View menu's commands and remembered in the settings") {
    MeetingFixture f;
    CHECK(f.settings.theme == "light");  // the projector theme is the default
    auto commands = f.shell.palette_commands();
    auto dark = ui::filter_commands(commands, "dark theme");
    REQUIRE(dark.size() == 1);
    dark[0]->run();
    CHECK(f.settings.theme == "dark");
    CHECK(f.shell.fonts_dirty());  // the window rebuilds the style
    auto saved = f.dir / "settings.json";
    f.settings.save(saved);
    CHECK(ui::Settings::load(saved).theme == "dark");
}

TEST_CASE("opening another workshop starts its agenda afresh") {
    MeetingFixture f;
    f.add_steps();
    f.ui.click_item("agenda.start");
    REQUIRE(f.shell.agenda().runner().current() == 0);
    REQUIRE(f.shell.create_file(f.dir / "andra.kartla"));
    f.ui.frame(2);
    CHECK(f.shell.agenda().runner().current() == -1);
    CHECK(f.shell.agenda().runner().steps().empty());
    CHECK(!f.shell.wants_ticking());
}

TEST_CASE("the facilitator edits a step's title and minutes, each change is saved at once") {
    MeetingFixture f;
    f.add_steps();
    f.ui.click_item("agenda.edit");
    f.ui.frame(2);
    f.ui.click_item("agenda.step.1.title");
    f.ui.key(keys::A, true);
    f.ui.type("Prioritering av problem");
    f.ui.key(keys::Enter);
    CHECK(f.steps_on_disk()[1].title == "Prioritering av problem");
    f.ui.click_item("agenda.step.1.minutes");
    f.ui.key(keys::A, true);
    f.ui.type("25");
    f.ui.key(keys::Enter);
    f.ui.frame(2);
    CHECK(f.steps_on_disk()[1].minutes == 25);
    f.ui.click_item("agenda.step.0.remove");
    auto steps = f.steps_on_disk();
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].title == "Prioritering av problem");
}

TEST_CASE("an agenda note added in a workshop open read-only is refused in the UI's language") {
    MeetingFixture f;
    f.shell.set_language("sv");
    f.runtime.set_workshop(test::must(Workshop::open(f.file, OpenMode::ReadOnly)));
    f.shell.stage().show("core.meeting_notes");
    f.ui.frame(2);
    f.ui.click_item("notes.parked.add");
    f.ui.frame(2);
    CHECK(f.shell.agenda().error() == "Skrivskyddad: ändringar sparas inte.");
}
