// Drives the real actor_map plugin (loaded from its .kplug) in a headless ImGui
// context with injected mouse and keyboard input, and checks what lands in the file.
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
using kartla::test::Headless;

namespace {

class Meeting {
public:
    // `with_plan`: the action plan is loaded too, so measures are real rows.
    explicit Meeting(bool with_problems = true, bool with_plan = false) {
        runtime_.messages().echo_to_stderr = false;
        REQUIRE(runtime_.plugins().load(fs::path(KARTLA_TEST_PLUGIN_DIR) / "actor_map.kplug"));
        if (with_plan) REQUIRE(runtime_.plugins().load(fs::path(KARTLA_TEST_PLUGIN_DIR) / "action_plan.kplug"));
        auto created = kartla::Workshop::create(dir_ / "möte.kartla");
        REQUIRE(std::holds_alternative<std::unique_ptr<kartla::Workshop>>(created));
        runtime_.set_workshop(std::move(std::get<std::unique_ptr<kartla::Workshop>>(created)));
        REQUIRE(runtime_.plugins().usable("actor_map"));
        if (with_problems) publish_problems();
        REQUIRE(w().edit("participants", [](kartla::Database& db) {
            kartla::core_data::add_participant(db, "Kommunpolis", "Polisen");
            kartla::core_data::add_participant(db, "Fältsekreterare", "Socialförvaltningen");
        }));
        w().clear_history();
        ui_.set_ui([this] { draw(); });
        ui_.frame(3);
    }

    kartla::Workshop& w() { return *runtime_.workshop(); }
    kartla::Runtime& runtime() { return runtime_; }
    kartla::Database& db() { return w().db(); }
    Headless& ui() { return ui_; }
    const kartla::ViewSpec& view(const std::string& key) {
        for (const auto& v : runtime_.registry().views())
            if (v.spec.key == key) return v.spec;
        FAIL("no view " << key);
        throw std::logic_error("unreachable");
    }

    std::int64_t actor_id(const std::string& name) {
        return db().scalar_int("SELECT id FROM actor_map_actor WHERE name = ?", name);
    }
    std::int64_t count(const char* table) { return db().scalar_int(fmt::format("SELECT count(*) FROM {}", table)); }

    // Adds actors through the model path a view would use, one undo step each.
    std::int64_t add_actor(const std::string& name, double x, double y) {
        REQUIRE(w().edit("add", [&](kartla::Database& db) {
            db.run("INSERT INTO actor_map_actor(name, type_id, net_x, net_y) VALUES (?, 1, ?, ?)", name, x, y);
        }));
        ui_.frame(2);
        return actor_id(name);
    }

    // `kartla info` on the file, as a second program reads it. The fixture's stand-in
    // for the problem map is a table no plugin creates, which the command line rightly
    // refuses; the real file would not have it, so it goes first.
    std::string info() {
        db().exec("DROP TABLE IF EXISTS test_problem");
        db().exec("PRAGMA wal_checkpoint");
        std::string command = fmt::format("'{}' info '{}'", KARTLA_TEST_BINARY, w().path().string());
        FILE* pipe = popen(command.c_str(), "r");
        REQUIRE(pipe);
        std::string output;
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
        CHECK(pclose(pipe) == 0);
        return output;
    }

    void show_tab(const char* tab) {
        ui_.click_item(fmt::format("actor_map.tab.{}", tab));
        ui_.frame(3);
    }
    // Probes remember where items were last drawn; forget them to see what is drawn now.
    void redraw_fresh() {
        kartla::ui::set_probes_enabled(true);
        ui_.frame(2);
    }
    std::string role(std::int64_t actor, std::int64_t problem) {
        return db().scalar_text(
            "SELECT role FROM core_link WHERE from_kind = 'actor' AND from_id = ? AND to_kind = 'problem' AND to_id = ?", actor,
            problem);
    }

private:
    void publish_problems() {
        REQUIRE(w().edit("problems", [](kartla::Database& db) {
            db.exec("CREATE TABLE test_problem(id INTEGER PRIMARY KEY, title TEXT, prioritised TEXT)");
            db.run("INSERT INTO test_problem VALUES (1, 'Narkotikaförsäljning vid torget', '1')");
            db.run("INSERT INTO test_problem VALUES (2, 'Otrygghet på stationen kvällstid', '1')");
            db.run("INSERT INTO test_problem VALUES (3, 'Nedskräpning i centrum', '0')");
        }));
        runtime_.core_host().add_entity_kind({"problem", [](kartla::Workshop& w) {
                                                  std::vector<kartla::Entity> out;
                                                  auto& s = w.db().prepare("SELECT id, title, prioritised FROM test_problem").with();
                                                  while (s.step())
                                                      out.push_back({"problem", s.int64(0), s.text(1), {{"prioritised", s.text(2)}}});
                                                  return out;
                                              }});
    }

    void draw() {
        float x = 0;
        for (const auto& view : runtime_.registry().views()) {
            if (view.plugin_id != "actor_map") continue;  // the plan, when loaded, only stores measures here
            ImGui::SetNextWindowPos(ImVec2(x, 0));
            ImGui::SetNextWindowSize(ImVec2(800, 900));
            std::string title = view.spec.title + "###" + view.spec.key;
            if (ImGui::Begin(title.c_str())) view.spec.draw();
            ImGui::End();
            x += 800;
        }
    }

    Headless ui_;  // first: the runtime finds its ImGui context
    kartla::Runtime runtime_;
    kartla::test::TempDir dir_;
};

}  // namespace

TEST_CASE("create an actor by typing its name, with Swedish letters") {
    Meeting m;
    m.ui().click_item("actor_map.actors.new_name");
    m.ui().type("Fältgruppen Östra Höjden");
    m.ui().key(kartla::keys::Enter);
    m.ui().frame(2);
    CHECK(m.count("actor_map_actor") == 1);
    CHECK(m.actor_id("Fältgruppen Östra Höjden") > 0);
    REQUIRE(m.w().undo());
    CHECK(m.count("actor_map_actor") == 0);
}

TEST_CASE("Enter adds an actor and leaves the cursor in the field: three actors typed one after another") {
    Meeting m;
    m.ui().click_item("actor_map.actors.new_name");
    for (const char* name : {"Kommunstyrelsen", "Socialtjänsten", "Fältgruppen Östra Höjden"}) {
        m.ui().type(name);
        m.ui().advance(0.3);  // a pause: the actor is saved as typed before Enter
        m.ui().key(kartla::keys::Enter);
        m.ui().frame(2);
    }
    CHECK(m.count("actor_map_actor") == 3);
    CHECK(m.actor_id("Kommunstyrelsen") > 0);
    CHECK(m.actor_id("Socialtjänsten") > 0);
    CHECK(m.actor_id("Fältgruppen Östra Höjden") > 0);
    // Each is one undo step of its own.
    REQUIRE(m.w().undo());
    CHECK(m.count("actor_map_actor") == 2);
    CHECK(m.actor_id("Socialtjänsten") > 0);
}

TEST_CASE("edit an actor's name and mandate in the form") {
    Meeting m;
    auto id = m.add_actor("Raddningstjansten", 0, 0);
    m.ui().click_item(fmt::format("actor_map.actors.row.{}", id));
    m.ui().frame(2);
    m.ui().click_item("actor_map.actors.name");
    m.ui().key(kartla::keys::A, true);
    m.ui().type("Räddningstjänsten Älvdalen – Åsens station");
    m.ui().key(kartla::keys::Enter);
    m.ui().frame(2);
    CHECK(m.db().scalar_text("SELECT name FROM actor_map_actor WHERE id = ?", id) == "Räddningstjänsten Älvdalen – Åsens station");

    m.ui().click_item("actor_map.actors.mandate");  // shown wrapped; a tap opens the editor
    m.ui().frame(3);
    m.ui().type("Tillsyn enligt LSO; brandskydd i trapphus");
    m.ui().click_item("actor_map.actors.row." + std::to_string(id));  // leaving the field saves it
    m.ui().frame(2);
    CHECK(m.db().scalar_text("SELECT mandate FROM actor_map_actor WHERE id = ?", id) == "Tillsyn enligt LSO; brandskydd i trapphus");
    // Two typed values, two undo steps.
    REQUIRE(m.w().undo());
    CHECK(m.db().scalar_text("SELECT mandate FROM actor_map_actor WHERE id = ?", id).empty());
    CHECK(m.db().scalar_text("SELECT name FROM actor_map_actor WHERE id = ?", id) == "Räddningstjänsten Älvdalen – Åsens station");
}

TEST_CASE("link a participant of the workshop to the actor they represent") {
    Meeting m;
    auto id = m.add_actor("Polisen", 0, 0);
    m.ui().click_item(fmt::format("actor_map.actors.row.{}", id));
    m.ui().frame(2);
    auto participant = m.db().scalar_int("SELECT id FROM core_participant WHERE role = 'Kommunpolis'");
    m.ui().click_item(fmt::format("actor_map.actors.participant.{}", participant));
    m.ui().frame(2);
    CHECK(m.db().scalar_int("SELECT to_id FROM core_link WHERE from_kind = 'participant' AND from_id = ? AND role = 'represents'",
                            participant) == id);
}

TEST_CASE("drag an actor onto the influence x interest grid") {
    Meeting m;
    auto id = m.add_actor("Kommunstyrelsen", 0, 0);
    m.show_tab("grid");
    ImVec2 min, max;
    REQUIRE(kartla::ui::item_rect("actor_map.grid.area", min, max));
    ImVec2 target(min.x + (max.x - min.x) * 0.8f, min.y + (max.y - min.y) * 0.15f);  // high influence, high interest
    m.ui().drag(m.ui().item_center(fmt::format("actor_map.grid.actor.{}", id)), target, 8);
    m.ui().frame(2);
    CHECK(m.db().scalar_int("SELECT grid_placed FROM actor_map_actor WHERE id = ?", id) == 1);
    double interest = 0, influence = 0;
    auto& s = m.db().prepare("SELECT interest, influence FROM actor_map_actor WHERE id = ?").with(id);
    REQUIRE(s.step());
    interest = s.real(0);
    influence = s.real(1);
    s.reset();
    CHECK(interest == doctest::Approx(0.8).epsilon(0.02));
    CHECK(influence == doctest::Approx(0.85).epsilon(0.02));

    // Dragged back to the tray, it leaves the grid.
    ImVec2 tray_min, tray_max;
    REQUIRE(kartla::ui::item_rect("actor_map.grid.tray", tray_min, tray_max));
    m.ui().drag(m.ui().item_center(fmt::format("actor_map.grid.actor.{}", id)),
                ImVec2((tray_min.x + tray_max.x) / 2, tray_max.y - 40), 8);
    m.ui().frame(2);
    CHECK(m.db().scalar_int("SELECT grid_placed FROM actor_map_actor WHERE id = ?", id) == 0);
    REQUIRE(m.w().undo());
    CHECK(m.db().scalar_int("SELECT grid_placed FROM actor_map_actor WHERE id = ?", id) == 1);
}

TEST_CASE("link two actors by dragging from one to the other, then delete the link and undo") {
    Meeting m;
    auto police = m.add_actor("Polisen", -300, 0);
    auto school = m.add_actor("Höjdenskolan", 300, 0);
    m.show_tab("network");
    m.ui().click_item("actor_map.network.mode_link");
    m.ui().drag(m.ui().item_center(fmt::format("actor_map.network.actor.{}", police)),
                m.ui().item_center(fmt::format("actor_map.network.actor.{}", school)), 8);
    m.ui().frame(2);
    REQUIRE(m.count("actor_map_relation") == 1);
    CHECK(m.db().scalar_int("SELECT from_actor FROM actor_map_relation") == police);
    CHECK(m.db().scalar_int("SELECT to_actor FROM actor_map_relation") == school);
    CHECK(m.db().scalar_text("SELECT type FROM actor_map_relation") == "cooperates");

    // The new link is selected: make it strong, then delete it.
    m.ui().click_item("actor_map.network.strength.3");
    m.ui().frame(2);
    CHECK(m.db().scalar_int("SELECT strength FROM actor_map_relation") == 3);
    m.ui().click_item("actor_map.network.delete_relation");
    m.ui().frame(2);
    CHECK(m.count("actor_map_relation") == 0);
    REQUIRE(m.w().undo());
    m.ui().frame(2);
    CHECK(m.count("actor_map_relation") == 1);
    CHECK(m.db().scalar_int("SELECT strength FROM actor_map_relation") == 3);
}

TEST_CASE("move an actor on the network canvas by dragging it") {
    Meeting m;
    auto id = m.add_actor("Älvstadshem AB", 0, 0);
    m.show_tab("network");
    ImVec2 from = m.ui().item_center(fmt::format("actor_map.network.actor.{}", id));
    m.ui().drag(from, ImVec2(from.x + 120, from.y + 60), 6);
    m.ui().frame(2);
    CHECK(m.db().scalar_int("SELECT net_x > 0 AND net_y > 0 FROM actor_map_actor WHERE id = ?", id) == 1);
    REQUIRE(m.w().undo());
    CHECK(m.db().scalar_int("SELECT net_x = 0 AND net_y = 0 FROM actor_map_actor WHERE id = ?", id) == 1);
}

TEST_CASE("delete an actor from its form, and undo brings back the actor and its links") {
    Meeting m;
    auto police = m.add_actor("Polisen", -300, 0);
    auto school = m.add_actor("Skolan", 300, 0);
    REQUIRE(m.w().edit("link", [&](kartla::Database& db) {
        db.run("INSERT INTO actor_map_relation(from_actor, to_actor) VALUES (?, ?)", police, school);
    }));
    m.ui().click_item(fmt::format("actor_map.actors.row.{}", police));
    m.ui().frame(2);
    m.ui().click_item("actor_map.actors.delete");
    m.ui().frame(2);
    CHECK(m.count("actor_map_actor") == 1);
    CHECK(m.count("actor_map_relation") == 0);
    REQUIRE(m.w().undo());
    CHECK(m.count("actor_map_actor") == 2);
    CHECK(m.count("actor_map_relation") == 1);
}

TEST_CASE("the matrix cell cycles owns, contributes, affected, none") {
    Meeting m;
    auto id = m.add_actor("Polisen", 0, 0);
    m.show_tab("matrix");
    std::string cell = fmt::format("actor_map.matrix.{}.{}", id, 2);
    const char* expected[] = {"owns", "contributes", "affected", ""};
    for (const char* role : expected) {
        m.ui().click_item(cell);
        m.ui().frame(2);
        CHECK(m.role(id, 2) == role);
    }
    CHECK(m.db().scalar_int("SELECT count(*) FROM core_link WHERE from_kind = 'actor'") == 0);
}

TEST_CASE("the gap panel updates when an owner is added, and by kind when a measure with an owner is planned") {
    Meeting m;
    auto police = m.add_actor("Polisen", -300, 0);
    auto lonely = m.add_actor("Bygdegårdsföreningen", 300, 0);
    m.show_tab("gaps");
    m.redraw_fresh();
    CHECK(m.ui().has_item("actor_map.gaps.problem.1"));
    CHECK(m.ui().has_item("actor_map.gaps.problem.2"));
    CHECK_FALSE(m.ui().has_item("actor_map.gaps.problem.3"));  // not prioritised
    CHECK(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", police)));
    CHECK(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", lonely)));

    m.show_tab("matrix");
    m.ui().click_item(fmt::format("actor_map.matrix.{}.{}", police, 1));  // the police own problem 1
    m.ui().frame(2);
    REQUIRE(m.role(police, 1) == "owns");
    m.show_tab("gaps");
    m.redraw_fresh();
    // Owned now, but nothing is planned: listed under its own kind, no longer "nobody".
    CHECK_FALSE(m.ui().has_item("actor_map.gaps.no_owner_no_measure.1"));
    CHECK(m.ui().has_item("actor_map.gaps.owner_without_measure.1"));
    CHECK(m.ui().has_item("actor_map.gaps.no_owner_no_measure.2"));
    CHECK_FALSE(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", police)));
    CHECK(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", lonely)));

    // A measure (the action plan's, through the core link table) aimed at problem 2:
    // without an owner it is a gap of the second kind; with one, no gap.
    REQUIRE(m.w().edit("measure", [&](kartla::Database& db) {
        kartla::core_data::add_link(db, {"measure", 70}, {"problem", 2}, "addresses");
    }));
    m.redraw_fresh();
    CHECK(m.ui().has_item("actor_map.gaps.measures_without_owner.2"));
    REQUIRE(m.w().edit("owner", [&](kartla::Database& db) {
        kartla::core_data::add_link(db, {"measure", 70}, {"actor", lonely}, "owner");
    }));
    m.redraw_fresh();
    CHECK_FALSE(m.ui().has_item("actor_map.gaps.problem.2"));
}

// Issue 23: actors that own measures or are partners were listed as connected to nothing.
TEST_CASE("owning or taking part in a measure connects an actor: the gaps view, the report and kartla info agree") {
    Meeting m(true, true);
    auto owner = m.add_actor("Kommunpolisen", -300, 0);
    auto partner = m.add_actor("Fritid och ungdom", 0, 0);
    auto alone = m.add_actor("Brå", 300, 0);
    REQUIRE(m.w().edit("plan", [&](kartla::Database& db) {
        db.run("INSERT INTO action_plan_measure(id, title, status) VALUES (80, 'Kameror vid torget', 'decided')");
        kartla::core_data::add_link(db, {"measure", 80}, {"actor", owner}, "owner");
        kartla::core_data::add_link(db, {"measure", 80}, {"actor", partner}, "partner");
    }));
    m.show_tab("gaps");
    m.redraw_fresh();
    CHECK_FALSE(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", owner)));
    CHECK_FALSE(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", partner)));
    CHECK(m.ui().has_item(fmt::format("actor_map.gaps.actor.{}", alone)));

    // The workshop report's part: the same one actor, by name.
    std::vector<std::string> listed;
    for (const auto& section : m.runtime().offers().report_sections()) {
        if (section.key != "actor_map.actors") continue;
        auto built = section.build(m.w(), {});
        bool under_heading = false;
        for (const auto& block : built.blocks) {
            if (auto* heading = std::get_if<kartla::doc::Heading>(&block))
                under_heading = heading->text == "Actors connected to nothing: no measure, problem or relation";
            else if (auto* bullets = std::get_if<kartla::doc::Bullets>(&block); bullets && under_heading)
                listed = bullets->items;
        }
    }
    CHECK(listed == std::vector<std::string>{"Brå"});

    // kartla info, a second program reading the file: the same ids.
    auto info = nlohmann::json::parse(m.info());
    CHECK(info["unconnected_actors"] == nlohmann::json::array({alone}));
}

TEST_CASE("without the problem plugin the matrix says so and the rest works") {
    Meeting m(false);
    auto a = m.add_actor("Polisen", -300, 0);
    auto b = m.add_actor("Skolan", 300, 0);
    m.show_tab("matrix");
    m.redraw_fresh();
    CHECK(m.ui().has_item("actor_map.matrix.unavailable"));
    m.show_tab("network");
    m.ui().click_item("actor_map.network.mode_link");
    m.ui().drag(m.ui().item_center(fmt::format("actor_map.network.actor.{}", a)),
                m.ui().item_center(fmt::format("actor_map.network.actor.{}", b)), 8);
    m.ui().frame(2);
    CHECK(m.count("actor_map_relation") == 1);
}

TEST_CASE("kartla info counts actors and relations") {
    Meeting m;
    auto a = m.add_actor("Polisen", 0, 0);
    auto b = m.add_actor("Skolan", 0, 0);
    REQUIRE(m.w().edit("link", [&](kartla::Database& db) {
        db.run("INSERT INTO actor_map_relation(from_actor, to_actor) VALUES (?, ?)", a, b);
    }));
    const std::string output = m.info();
    CHECK(output.find("\"actor\": 2") != std::string::npos);
    CHECK(output.find("\"relation\": 1") != std::string::npos);
}

TEST_CASE("image exports mask personal data in actor names when asked to") {
    Meeting m;
    m.add_actor("Kontakt 070-123 45 67", 100, 100);
    for (const char* format : {"actor-network-svg", "actor-grid-svg"}) {
        CAPTURE(format);
        kartla::test::TempDir out;
        const kartla::ExportSpec* exporter = nullptr;
        for (auto& e : m.runtime().registry().exports())
            if (e.spec.format == format) exporter = &e.spec;
        REQUIRE(exporter != nullptr);
        kartla::ExportOptions options;
        exporter->write(m.w(), options, out / "plain.svg");
        options.redact_personal_data = true;
        exporter->write(m.w(), options, out / "masked.svg");
        if (std::string(format) == "actor-network-svg")
            CHECK(kartla::test::read_bytes(out / "plain.svg").find("070-123") != std::string::npos);
        CHECK(kartla::test::read_bytes(out / "masked.svg").find("070-123") == std::string::npos);
    }
}

TEST_CASE("for the room the network is drawn whole, with the facilitator's selection and no controls") {
    Meeting m;
    auto police = m.add_actor("Polisen", -300, 0);
    m.add_actor("Höjdenskolan", 300, 0);
    m.add_actor("Räddningstjänsten", 0, 250);
    const kartla::ViewSpec& map = m.view("actor_map.map");
    REQUIRE(map.draw_room);
    kartla::test::RoomScreen room;
    auto room_frame = [&](ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
        bool drawn = false;
        room.frame(
            [&] {
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
                ImGui::Begin("###room.actor_map.map", nullptr, ImGuiWindowFlags_NoDecoration);
                drawn = map.draw_room();
                ImGui::End();
            },
            mouse, down);
        return drawn;
    };

    CHECK(room_frame());   // the grid has a room drawing of its own
    m.ui().frame(1);       // the room's frame replaced the probes
    m.show_tab("matrix");
    CHECK(!room_frame());  // the matrix has none: the room sees it mirrored
    m.ui().frame(1);
    m.show_tab("network");
    m.ui().click_item(fmt::format("actor_map.network.actor.{}", police));  // the facilitator selects an actor
    m.ui().frame(2);
    REQUIRE(room_frame());
    ImVec2 min, max;
    CHECK(kartla::ui::item_rect("actor_map.room.network", min, max));
    CHECK(!kartla::ui::item_rect("actor_map.network.mode_link", min, max));      // no toolbar
    CHECK(!kartla::ui::item_rect("actor_map.network.delete_actor", min, max));   // no selection bar
    for (auto id : {police, m.actor_id("Höjdenskolan"), m.actor_id("Räddningstjänsten")}) {
        REQUIRE(kartla::ui::item_rect(fmt::format("actor_map.network.actor.{}", id), min, max));
        CHECK(min.x >= 0);  // the whole network is on the room's screen
        CHECK(max.x <= 1280);
        CHECK(min.y >= 0);
        CHECK(max.y <= 720);
    }
    // Dragging on the room's screen moves nothing.
    REQUIRE(kartla::ui::item_rect(fmt::format("actor_map.network.actor.{}", police), min, max));
    ImVec2 at((min.x + max.x) / 2, (min.y + max.y) / 2);
    room_frame(at, true);
    room_frame(ImVec2(at.x + 200, at.y + 100), true);
    room_frame(ImVec2(at.x + 200, at.y + 100), false);
    CHECK(m.db().scalar_int("SELECT net_x FROM actor_map_actor WHERE id = ?", police) == -300);
}

TEST_CASE("two taps connect two actors in Link mode, and a second tap on the first lets go") {
    Meeting m;
    auto police = m.add_actor("Polisen", -300, 0);
    auto school = m.add_actor("Höjdenskolan", 300, 0);
    auto housing = m.add_actor("Älvstadshem", 0, 250);
    m.show_tab("network");
    m.ui().click_item("actor_map.network.mode_link");
    auto tap = [&](std::int64_t actor) {
        m.ui().click_item(fmt::format("actor_map.network.actor.{}", actor));
        m.ui().frame(2);
    };
    tap(police);
    CHECK(m.count("actor_map_relation") == 0);  // picked, not yet linked
    tap(school);
    REQUIRE(m.count("actor_map_relation") == 1);
    CHECK(m.db().scalar_int("SELECT from_actor FROM actor_map_relation") == police);
    CHECK(m.db().scalar_int("SELECT to_actor FROM actor_map_relation") == school);
    // Tapping the same actor twice lets go of it: the next tap starts a new link.
    tap(housing);
    tap(housing);
    tap(police);
    CHECK(m.count("actor_map_relation") == 1);
    tap(housing);
    REQUIRE(m.count("actor_map_relation") == 2);
    CHECK(m.db().scalar_int("SELECT from_actor FROM actor_map_relation ORDER BY id DESC LIMIT 1") == police);
    CHECK(m.db().scalar_int("SELECT to_actor FROM actor_map_relation ORDER BY id DESC LIMIT 1") == housing);
    // A tap on empty canvas lets go too.
    tap(school);
    ImVec2 min, max;
    REQUIRE(kartla::ui::item_rect("actor_map.network.canvas", min, max));
    m.ui().click(ImVec2(min.x + 6, max.y - 6));
    m.ui().frame(2);
    tap(housing);
    CHECK(m.count("actor_map_relation") == 2);
}

TEST_CASE("a mandate a full disk refused stays pending, marked not saved, through another actor, until there is space") {
    Meeting m;
    auto police = m.add_actor("Polisen", 0, 0);
    auto school = m.add_actor("Skolan", 200, 0);
    auto fill_disk = [&] { m.db().exec("PRAGMA max_page_count = " + std::to_string(m.db().scalar_int("PRAGMA page_count"))); };
    m.ui().click_item(fmt::format("actor_map.actors.row.{}", police));
    m.ui().frame(2);
    fill_disk();
    m.ui().click_item("actor_map.actors.mandate");
    m.ui().frame(3);
    std::string mandate;
    while (mandate.size() < 6000) mandate += "Ordningslagen; ";
    m.ui().type(mandate);
    m.ui().click_item(fmt::format("actor_map.actors.row.{}", school));  // leaving the field: refused, kept
    m.ui().frame(2);
    CHECK(m.db().scalar_text("SELECT mandate FROM actor_map_actor WHERE id = ?", police).empty());
    CHECK(kartla::ui::pending_text_count() == 1);

    std::string role;  // long enough to need a page of its own: refused
    while (role.size() < 6000) role += "Rektor för Östra skolan. ";
    m.ui().click_item("actor_map.actors.contact_role");  // the other actor's fields work meanwhile
    m.ui().type(role);
    m.ui().key(kartla::keys::Enter);
    m.ui().frame(2);
    CHECK(kartla::ui::pending_text_count() == 2);

    m.ui().click_item(fmt::format("actor_map.actors.row.{}", police));  // back: the editor shows what is pending
    m.ui().frame(3);
    CHECK(m.ui().has_item("text.not_saved"));
    m.ui().click_item("actor_map.actors.mandate");
    m.ui().key(kartla::keys::End, true);
    m.ui().type("kameraövervakning");
    m.ui().advance(0.25);

    m.db().exec("PRAGMA max_page_count = 1073741823");
    CHECK(kartla::ui::write_pending_text() == 0);
    CHECK(m.db().scalar_text("SELECT mandate FROM actor_map_actor WHERE id = ?", police) == mandate + "kameraövervakning");
    CHECK(m.db().scalar_text("SELECT contact_role FROM actor_map_actor WHERE id = ?", school) == role);
}

TEST_CASE("at 300 % the network keeps a good part of the screen, not a strip between its toolbar and legend") {
    Meeting m;
    m.ui().rebuild_fonts(3.0f);
    for (int i = 0; i < 6; ++i) m.add_actor(fmt::format("Aktör {}", i), i * 150.0, (i % 2) * 120.0);
    m.show_tab("network");
    ImVec2 min, max;
    REQUIRE(kartla::ui::item_rect("actor_map.network.canvas", min, max));
    CHECK(max.y - min.y >= ImGui::GetIO().DisplaySize.y * 0.45f - 1.0f);
}

TEST_CASE("at 300 % actors in one quadrant of the grid cover no other, and '+N' opens the whole list") {
    Meeting m;
    m.ui().rebuild_fonts(3.0f);
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 9; ++i) {
        auto id = m.add_actor(fmt::format("Förvaltning nummer {}", i + 1), 0, 0);
        REQUIRE(m.w().edit("place", [&](kartla::Database& db) {
            db.run("UPDATE actor_map_actor SET grid_placed = 1, interest = 0.8, influence = 0.8 WHERE id = ?", id);
        }));
        ids.push_back(id);
    }
    m.show_tab("grid");
    m.redraw_fresh();
    std::vector<std::pair<ImVec2, ImVec2>> drawn;
    for (auto id : ids) {
        ImVec2 min, max;
        if (kartla::ui::item_rect(fmt::format("actor_map.grid.actor.{}", id), min, max)) drawn.emplace_back(min, max);
    }
    // (In this 800 px window a quadrant is narrower than one chip at 300 %: then the badge alone.)
    for (std::size_t i = 0; i < drawn.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const auto& a = drawn[i];
            const auto& b = drawn[j];
            INFO("actors " << i << " and " << j);
            CHECK((a.second.x <= b.first.x || b.second.x <= a.first.x || a.second.y <= b.first.y || b.second.y <= a.first.y));
        }
    // The rest are counted on the quadrant's badge (high influence, high interest: cell 1), and a tap lists all nine.
    REQUIRE(drawn.size() < ids.size());
    {
        ImVec2 min, max;
        REQUIRE(kartla::ui::item_rect("actor_map.grid.more.1", min, max));
        m.ui().click_item("actor_map.grid.more.1");
        m.ui().frame(2);
        for (auto id : ids) CHECK(kartla::ui::item_rect(fmt::format("actor_map.grid.listed.{}", id), min, max));
    }
}

TEST_CASE("at 300 % the network's names stay readable: half the text size at least, the rest by panning") {
    Meeting m;
    m.ui().rebuild_fonts(3.0f);
    std::int64_t first = 0;
    for (int i = 0; i < 12; ++i) {
        auto id = m.add_actor(fmt::format("Aktör {}", i), i * 400.0, (i % 3) * 300.0);
        if (!first) first = id;
    }
    m.show_tab("network");
    m.ui().click_item("actor_map.network.fit");
    m.redraw_fresh();
    ImVec2 min, max;
    REQUIRE(kartla::ui::item_rect(fmt::format("actor_map.network.actor.{}", first), min, max));
    // A box of one short name is 120 world units wide; a name is drawn at (box scale × 20 px).
    const float scale = (max.x - min.x) / 120.0f;
    CHECK(20 * scale >= ImGui::GetFontSize() * 0.5f - 0.5f);
}
