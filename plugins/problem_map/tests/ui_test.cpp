// Headless UI tests: the real plugin is loaded into a host runtime, its window is
// drawn without a display, input is injected, and every check reads the file.
#include "model/edits.hpp"
#include "model/queries.hpp"
#include "support.hpp"
#include "views/board_style.hpp"

#include "headless.hpp"
#include "host/runtime.hpp"

#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <cmath>
#include <set>

using namespace kartla;
using namespace kartla::problem_map;
using fixture::number;
using fixture::text;

namespace {

class Ui {
public:
    explicit Ui(ImVec2 display = ImVec2(1600, 1800)) : h(display) {
        runtime_.messages().echo_to_stderr = false;
        REQUIRE(runtime_.plugins().load(KARTLA_PROBLEM_MAP_PLUGIN));
        runtime_.set_workshop(Workshop::in_memory());
        for (const auto& view : runtime_.registry().views())
            if (view.spec.key == "problem_map.board") view_ = view.spec;
        REQUIRE(view_.draw);
        h.set_ui([this] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("Problem picture###problem_map.board", nullptr, ImGuiWindowFlags_NoMove);
            view_.draw();
            ImGui::End();
        });
        h.frame(3);
    }
    Workshop& w() { return *runtime_.workshop(); }
    Snapshot snapshot() { return load_snapshot(w().db()); }
    std::string messages() {
        std::string out;
        for (const auto& m : runtime_.messages().entries) out += m.text + "\n";
        return out;
    }
    // An empty spot on the board, away from the toolbar and legend.
    ImVec2 board_point(float fx, float fy) {
        ImVec2 min, max;
        REQUIRE(ui::item_rect("problem_map.board.canvas", min, max));
        return ImVec2(min.x + (max.x - min.x) * fx, min.y + (max.y - min.y) * fy);
    }
    void tab(const char* probe) {
        h.click_item(probe);
        h.frame(2);
    }
    // Puts the data in view (the toolbar's "Show all").
    void show_all() {
        h.frame(2);
        h.click_item("problem_map.board.fit");
        h.frame(2);
    }
    std::string card_probe(Id id) { return "problem_map.card." + std::to_string(id); }
    ImVec2 center(const std::string& probe) { return h.item_center(probe); }
    float card_scale(Id id) {
        ImVec2 min, max;
        REQUIRE(ui::item_rect(card_probe(id), min, max));
        return (max.x - min.x) / kCardWidth;
    }
    void add_participants(int count) {
        w().edit("participants", [&](Database& db) {
            for (int i = 0; i < count; ++i) core_data::add_participant(db, "Roll " + std::to_string(i), "Organisation " + std::to_string(i));
        });
    }

    const ViewSpec& view() const { return view_; }
    // A card from a phone through the plugin's own route, as the room server calls it between frames.
    Id phone_card(const std::string& title) {
        // The page sends an id it made with each card (32 hex digits): the file knows the card came from a phone.
        const nlohmann::json body = {{"title", title}, {"sent_id", fmt::format("{:032x}", ++phone_cards_)}};
        for (const auto& route : runtime_.registry().phone_routes())
            if (route.spec.method == "POST" && route.spec.path == "/cards") {
                nlohmann::json reply;
                REQUIRE(route.spec.handle(PhoneRequest{"0123456789abcdef0123456789abcdef", "sv", body}, reply) == 201);
                return reply["id"].get<Id>();
            }
        FAIL("no POST /cards route");
        return 0;
    }
    // Whether the card is drawn whole inside the board on screen.
    bool on_screen(Id card) {
        ImVec2 board_min, board_max, min, max;
        REQUIRE(ui::item_rect("problem_map.board.canvas", board_min, board_max));
        if (!ui::item_rect(card_probe(card), min, max)) return false;
        return min.x >= board_min.x && min.y >= board_min.y && max.x <= board_max.x && max.y <= board_max.y;
    }

    kartla::test::Headless h;  // first: the runtime shares its ImGui context

private:
    Runtime runtime_;
    ViewSpec view_;
    int phone_cards_ = 0;
};

}  // namespace

TEST_CASE("a card is created by double-clicking empty space, titled inline, and undone") {
    Ui ui;
    ui.h.double_click(ui.board_point(0.4f, 0.5f));
    ui.h.frame(2);
    REQUIRE(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 1);
    ui.h.type("Langning på torget");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "Langning på torget");
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "");
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 0);
}

TEST_CASE("a double-click on a card opens it and adds no card, and selecting or deselecting never moves the board") {
    Ui ui(ImVec2(1600, 900));
    Id card = edits::create_card(ui.w(), 0, 0, "Klotter vid torget");
    ui.h.frame(3);  // fitted to the board on opening
    const ImVec2 before = ui.center(ui.card_probe(card));
    ui.h.click(before);  // selected: the card panel opens beside the board
    ui.h.frame(3);
    CHECK(ui.center(ui.card_probe(card)).x == doctest::Approx(before.x).epsilon(0.001));
    CHECK(ui.center(ui.card_probe(card)).y == doctest::Approx(before.y).epsilon(0.001));
    ui.h.click(ui.board_point(0.05f, 0.9f));  // deselected on empty board: the panel closes
    ui.h.frame(3);
    CHECK(ui.center(ui.card_probe(card)).x == doctest::Approx(before.x).epsilon(0.001));

    ui.h.double_click(before);
    ui.h.frame(3);
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 1);
    ui.h.type(" och stationen");  // the double-click opened the card's title
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card").find("och stationen") != std::string::npos);
}

TEST_CASE("a new cluster placed beside frames off screen is brought into view") {
    Ui ui(ImVec2(1600, 900));
    // A frame far from where the facilitator looks: the next one goes beside it.
    edits::create_cluster_in_view(ui.w(), "Torget", {6000, 6000, 800, 600}, views::board::kClusterHeader, {}, 400, 300);
    ui.h.frame(2);
    ui.h.click_item("problem_map.board.new_cluster");
    ui.h.frame(3);
    const Id newest = number(ui.w(), "SELECT MAX(id) FROM problem_map_cluster");
    ImVec2 board_min, board_max, header_min, header_max;
    REQUIRE(ui::item_rect("problem_map.board.canvas", board_min, board_max));
    REQUIRE(ui::item_rect("problem_map.cluster." + std::to_string(newest), header_min, header_max));
    CHECK(header_min.x >= board_min.x);
    CHECK(header_min.y >= board_min.y);
    CHECK(header_max.x <= board_max.x);
    CHECK(header_max.y <= board_max.y);
}

TEST_CASE("a card is created with the N key at the next free place, and the Delete key removes it with undo") {
    Ui ui;
    ui.h.move_to(ui.board_point(0.6f, 0.6f));
    ui.h.key(keys::N);
    ui.h.frame(2);
    REQUIRE(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 1);
    ui.h.type("Skadegörelse i Ängsparken");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "Skadegörelse i Ängsparken");
    ui.h.frame(2);
    ui.h.key(keys::Delete);
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 0);
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "Skadegörelse i Ängsparken");
}

TEST_CASE("dragging a card stores its new position, several selected cards move together, undo restores") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "A");
    Id b = edits::create_card(ui.w(), 400, 0, "B");
    Id c = edits::create_card(ui.w(), 0, 300, "C");
    ui.show_all();
    float scale = ui.card_scale(a);
    ui.h.drag(ui.center(ui.card_probe(a)), ImVec2(ui.center(ui.card_probe(a)).x + 100, ui.center(ui.card_probe(a)).y + 50));
    CHECK(number(ui.w(), "SELECT ROUND(x) FROM problem_map_card WHERE id = ?", a) == std::lround(100 / scale));
    CHECK(number(ui.w(), "SELECT ROUND(y) FROM problem_map_card WHERE id = ?", a) == std::lround(50 / scale));
    CHECK(number(ui.w(), "SELECT x FROM problem_map_card WHERE id = ?", b) == 400);

    ui.h.click_item("problem_map.board.multi_select");
    ui.h.click_item(ui.card_probe(b));
    ui.h.click_item(ui.card_probe(c));
    ImVec2 from = ui.center(ui.card_probe(b));
    ui.h.drag(from, ImVec2(from.x + 60, from.y + 60));
    CHECK(number(ui.w(), "SELECT ROUND(x) FROM problem_map_card WHERE id = ?", b) == 400 + std::lround(60 / scale));
    CHECK(number(ui.w(), "SELECT ROUND(x) FROM problem_map_card WHERE id = ?", c) == std::lround(60 / scale));
    CHECK(number(ui.w(), "SELECT ROUND(y) FROM problem_map_card WHERE id = ?", c) == 300 + std::lround(60 / scale));
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT x FROM problem_map_card WHERE id = ?", b) == 400);
    CHECK(number(ui.w(), "SELECT y FROM problem_map_card WHERE id = ?", c) == 300);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT x FROM problem_map_card WHERE id = ?", a) == 0);
}

TEST_CASE("the wheel, the keys and dragging empty space pan and zoom the view without touching the file") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "A");
    ui.w().clear_history();
    ui.show_all();
    float before = ui.card_scale(a);
    ui.h.wheel(ui.center(ui.card_probe(a)), 2.0f);
    ui.h.frame();
    CHECK(ui.card_scale(a) > before * 1.2f);
    float zoomed = ui.card_scale(a);
    ui.h.key(keys::Minus);
    CHECK(ui.card_scale(a) < zoomed);
    ImVec2 was = ui.center(ui.card_probe(a));
    ImVec2 empty = ui.board_point(0.9f, 0.2f);
    ui.h.drag(empty, ImVec2(empty.x - 80, empty.y + 40));
    ImVec2 now = ui.center(ui.card_probe(a));
    CHECK(now.x == doctest::Approx(was.x - 80).epsilon(0.01));
    CHECK(now.y == doctest::Approx(was.y + 40).epsilon(0.01));
    ui.h.key(keys::Right);
    CHECK(ui.center(ui.card_probe(a)).x < now.x);
    CHECK_FALSE(ui.w().can_undo());  // only view changes
}

TEST_CASE("editing fields in the side panel with Swedish characters, each one undo step") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "");
    ui.show_all();
    ui.h.click_item(ui.card_probe(a));
    ui.h.frame(2);
    ui.h.click_item("problem_map.panel.title");
    ui.h.type("Öppen försäljning på Åbytorget");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "Öppen försäljning på Åbytorget");
    ui.h.click_item("problem_map.panel.description");
    ui.h.type("Säljare i gångtunneln, ÄVEN dagtid – köpare från Västra");
    ui.h.click_item("problem_map.panel.place");  // leaving the field saves it
    ui.h.type("Gångtunneln vid Östra Höjden");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card") == "Säljare i gångtunneln, ÄVEN dagtid – köpare från Västra");
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card") == "Gångtunneln vid Östra Höjden");
    ui.h.click_item("problem_map.panel.severity.4");
    ui.h.click_item("problem_map.panel.trend.0");
    ui.h.click_item("problem_map.panel.signal");
    ui.h.click_item("problem_map.panel.source.3");
    ui.h.click_item("problem_map.panel.season.2");
    CHECK(number(ui.w(), "SELECT severity FROM problem_map_card") == 4);
    CHECK(text(ui.w(), "SELECT trend FROM problem_map_card") == "rising");
    CHECK(number(ui.w(), "SELECT signal_crime FROM problem_map_card") == 1);
    CHECK(number(ui.w(), "SELECT sources FROM problem_map_card") == 8);   // NTU
    CHECK(number(ui.w(), "SELECT seasons FROM problem_map_card") == 4);   // summer
    ui.h.click_item("problem_map.panel.target_group");
    ui.h.type("Unga 13–17 år");
    ui.h.click_item("problem_map.panel.extent");  // leaving the field saves it
    CHECK(text(ui.w(), "SELECT target_group FROM problem_map_card") == "Unga 13–17 år");
    for (const char* expected : {"summer", "ntu", "signal", "trend", "severity"}) {
        (void)expected;
        REQUIRE(ui.w().undo());
    }
    CHECK(text(ui.w(), "SELECT target_group FROM problem_map_card") == "");
    CHECK(number(ui.w(), "SELECT severity FROM problem_map_card") == 4);  // the five choices were undone, not yet the texts
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT severity FROM problem_map_card") == 0);
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card") == "");
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card") == "");
    REQUIRE(ui.w().undo());
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card") == "");
}

TEST_CASE("a text field left by selecting another card saves to the card it belonged to") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "A");
    Id b = edits::create_card(ui.w(), 400, 0, "B");
    ui.show_all();
    ui.h.click_item(ui.card_probe(a));
    ui.h.frame(2);
    ui.h.click_item("problem_map.panel.description");
    ui.h.type("Gäller kort A");
    ui.h.click_item(ui.card_probe(b));
    ui.h.frame(2);
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card WHERE id = ?", a) == "Gäller kort A");
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card WHERE id = ?", b) == "");
}

TEST_CASE("moving a cluster by its title bar moves its cards and a card dropped inside joins it") {
    Ui ui;
    Id cluster = edits::create_cluster(ui.w(), "Östra Höjden", 0, 0, 700, 500);
    Id inside = edits::create_card(ui.w(), 40, 80, "Inne");
    Id loose = edits::create_card(ui.w(), 900, 80, "Ute");
    ui.show_all();
    float scale = ui.card_scale(inside);
    std::string header = "problem_map.cluster." + std::to_string(cluster);
    ImVec2 from = ui.center(header);
    ui.h.drag(from, ImVec2(from.x + 50, from.y + 30));
    long dx = std::lround(50 / scale), dy = std::lround(30 / scale);
    CHECK(number(ui.w(), "SELECT ROUND(x) FROM problem_map_cluster") == dx);
    CHECK(number(ui.w(), "SELECT ROUND(x) FROM problem_map_card WHERE id = ?", inside) == 40 + dx);
    CHECK(number(ui.w(), "SELECT ROUND(y) FROM problem_map_card WHERE id = ?", inside) == 80 + dy);
    CHECK(number(ui.w(), "SELECT x FROM problem_map_card WHERE id = ?", loose) == 900);
    ui.h.click_item("problem_map.board.fit");  // the cluster's panel narrowed the board
    ui.h.frame(2);
    scale = ui.card_scale(inside);
    ImVec2 card = ui.center(ui.card_probe(loose));
    ImVec2 target = ui.center(ui.card_probe(inside));
    ui.h.drag(card, ImVec2(target.x + 10, target.y + 140 * scale));
    CHECK(number(ui.w(), "SELECT cluster_id FROM problem_map_card WHERE id = ?", loose) == cluster);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", loose) == 0);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT x FROM problem_map_card WHERE id = ?", inside) == 40);
    CHECK(number(ui.w(), "SELECT x FROM problem_map_cluster") == 0);
}

TEST_CASE("a silent round keeps new cards face down until the facilitator reveals them all") {
    Ui ui;
    edits::create_card(ui.w(), 0, 0, "Före rundan");
    ui.show_all();
    ui.h.click_item("problem_map.board.silent_start");
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'silent_round'") == "1");
    ui.h.move_to(ui.board_point(0.7f, 0.7f));
    ui.h.key(keys::N);
    ui.h.frame(2);
    ui.h.type("Tyst idé om bränder");
    ui.h.key(keys::Enter);
    CHECK(number(ui.w(), "SELECT hidden FROM problem_map_card WHERE title = 'Tyst idé om bränder'") == 1);
    CHECK(number(ui.w(), "SELECT hidden FROM problem_map_card WHERE title = 'Före rundan'") == 0);
    ui.h.frame(2);
    ui.h.click_item("problem_map.board.reveal");
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card WHERE hidden = 1") == 0);
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'silent_round'") == "0");
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT hidden FROM problem_map_card WHERE title = 'Tyst idé om bränder'") == 1);
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'silent_round'") == "1");
}

TEST_CASE("dot voting per participant, the ranking, and marking prioritised problems") {
    Ui ui;
    ui.add_participants(3);
    Id a = edits::create_card(ui.w(), 0, 0, "Langning");
    Id b = edits::create_card(ui.w(), 300, 0, "Rån");
    ui.tab("problem_map.tab.priority");
    std::string more_a = "problem_map.vote.more." + std::to_string(a), more_b = "problem_map.vote.more." + std::to_string(b);
    ui.h.click_item(more_a);  // the first participant is chosen at start
    ui.h.click_item("problem_map.vote.voter.1");
    ui.h.click_item(more_b);
    ui.h.click_item(more_b);
    ui.h.click_item(more_b);
    ui.h.click_item(more_b);  // the fourth dot is refused: three per voter
    ui.h.click_item("problem_map.vote.voter.2");
    ui.h.click_item(more_b);
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote WHERE card_id = ?", a) == 1);
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote WHERE card_id = ?", b) == 4);
    CHECK(number(ui.w(), "SELECT COUNT(DISTINCT participant_id) FROM problem_map_vote") == 3);
    auto s = ui.snapshot();
    auto rows = ranking(s);
    CHECK(rows[0].card_id == b);
    CHECK(rows[0].rank == 1);
    CHECK(rows[1].rank == 2);
    ui.h.click_item("problem_map.vote.prioritised." + std::to_string(b));
    CHECK(number(ui.w(), "SELECT prioritised FROM problem_map_card WHERE id = ?", b) == 1);
    ui.h.click_item("problem_map.vote.dots_more");
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'dots_per_voter'") == "4");
    ui.h.click_item("problem_map.vote.less." + std::to_string(b));  // voter 2 takes a dot back
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote WHERE card_id = ?", b) == 3);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote WHERE card_id = ?", b) == 4);
    REQUIRE(ui.w().undo());
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT prioritised FROM problem_map_card WHERE id = ?", b) == 0);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote WHERE card_id = ?", b) == 3);
}

TEST_CASE("a budget lowered after voting says the voter is over it, and refuses more dots, never a negative number left") {
    Ui ui;
    ui.add_participants(1);
    Id a = edits::create_card(ui.w(), 0, 0, "Langning");
    ui.tab("problem_map.tab.priority");
    const std::string more = "problem_map.vote.more." + std::to_string(a);
    for (int i = 0; i < 3; ++i) ui.h.click_item(more);  // the whole budget of three
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote") == 3);
    CHECK(ui.h.has_item("problem_map.vote.dots_left"));
    ui.h.click_item("problem_map.vote.dots_less");  // the room agrees on one dot each, after voting
    ui.h.click_item("problem_map.vote.dots_less");
    ui.h.frame(2);
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'dots_per_voter'") == "1");
    CHECK(ui.h.has_item("problem_map.vote.over_budget"));
    CHECK_FALSE(ui.h.has_item("problem_map.vote.dots_left"));
    ui.h.click_item(more);  // refused: over the budget already
    CHECK(number(ui.w(), "SELECT SUM(dots) FROM problem_map_vote") == 3);
}

TEST_CASE("dragging a card in the matrix changes the fields the matrix shows, in both modes") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "Bränder");
    edits::set_number(ui.w(), a, edits::NumberField::Severity, 2);
    edits::set_choice(ui.w(), a, edits::ChoiceField::Trend, "stable");
    ui.tab("problem_map.tab.matrix");
    std::string chip = "problem_map.matrix.card." + std::to_string(a);
    ui.h.drag(ui.center(chip), ui.center("problem_map.matrix.cell.2.0"));  // rising, severity 5
    CHECK(number(ui.w(), "SELECT severity FROM problem_map_card") == 5);
    CHECK(text(ui.w(), "SELECT trend FROM problem_map_card") == "rising");
    ui.h.frame(2);
    ui.h.click_item("problem_map.matrix.mode.1");
    CHECK(text(ui.w(), "SELECT value FROM problem_map_setting WHERE key = 'matrix'") == "impact_influence");
    ui.h.frame(2);
    ui.h.drag(ui.center(chip), ui.center("problem_map.matrix.cell.4.3"));  // influence 5, impact 2
    CHECK(number(ui.w(), "SELECT influence FROM problem_map_card") == 5);
    CHECK(number(ui.w(), "SELECT impact FROM problem_map_card") == 2);
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT influence FROM problem_map_card") == 0);
    REQUIRE(ui.w().undo());
    REQUIRE(ui.w().undo());
    CHECK(number(ui.w(), "SELECT severity FROM problem_map_card") == 2);
    CHECK(text(ui.w(), "SELECT trend FROM problem_map_card") == "stable");
}

TEST_CASE("the cause tree: add, edit, re-parent by dragging, delete, the triangle, and undo of each") {
    Ui ui;
    Id p = edits::create_card(ui.w(), 0, 0, "Narkotikaförsäljning");
    edits::set_number(ui.w(), p, edits::NumberField::Prioritised, 1);
    ui.tab("problem_map.tab.causes");
    ui.h.click_item("problem_map.causes.picker");
    ui.h.frame(2);  // a popup is measured, hidden, in its first frame
    ui.h.click_item("problem_map.causes.pick." + std::to_string(p));
    ui.h.frame(2);
    ui.h.click_item("problem_map.causes.add_direct");
    ui.h.frame(2);
    ui.h.type("Mörk gångtunnel");
    ui.h.key(keys::Enter);
    Id a = number(ui.w(), "SELECT id FROM problem_map_cause WHERE text = 'Mörk gångtunnel'");
    REQUIRE(a != 0);
    ui.h.click_item("problem_map.causes.add_direct");
    ui.h.frame(2);
    ui.h.type("Få vuxna ute på kvällar");
    ui.h.key(keys::Enter);
    Id b = number(ui.w(), "SELECT id FROM problem_map_cause WHERE text = 'Få vuxna ute på kvällar'");
    REQUIRE(b != 0);
    ui.h.frame(2);
    ui.h.click_item("problem_map.cause." + std::to_string(a));
    ui.h.click_item("problem_map.causes.add_under");
    ui.h.frame(2);
    ui.h.type("Trasig belysning, ingen äger frågan");
    ui.h.key(keys::Enter);
    Id c = number(ui.w(), "SELECT id FROM problem_map_cause WHERE parent_id = ?", a);
    REQUIRE(c != 0);
    CHECK(text(ui.w(), "SELECT text FROM problem_map_cause WHERE id = ?", c) == "Trasig belysning, ingen äger frågan");

    ui.h.frame(2);
    ui.h.click_item("problem_map.cause." + std::to_string(b));
    ui.h.click_item("problem_map.causes.nature.1");
    ui.h.click_item("problem_map.causes.factor.2");
    CHECK(text(ui.w(), "SELECT nature FROM problem_map_cause WHERE id = ?", b) == "social");
    CHECK(text(ui.w(), "SELECT factor FROM problem_map_cause WHERE id = ?", b) == "missing_protective");
    ui.h.click_item("problem_map.causes.text");
    ui.h.type(" (särskilt på helger)");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT text FROM problem_map_cause WHERE id = ?", b) == "Få vuxna ute på kvällar (särskilt på helger)");

    ui.h.frame(2);
    ui.h.drag(ui.center("problem_map.cause." + std::to_string(c)), ui.center("problem_map.cause." + std::to_string(b)));
    CHECK(number(ui.w(), "SELECT parent_id FROM problem_map_cause WHERE id = ?", c) == b);

    ui.h.click_item("problem_map.triangle.guardian");
    ui.h.type("Trygghetsvärdar från Älvstadshem");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT guardian FROM problem_map_triangle WHERE card_id = ?", p) == "Trygghetsvärdar från Älvstadshem");

    ui.h.frame(2);
    ui.h.click_item("problem_map.cause." + std::to_string(a));
    ui.h.click_item("problem_map.causes.delete");
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_cause WHERE id = ?", a) == 0);
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_cause") == 2);

    REQUIRE(ui.w().undo());  // delete
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_cause WHERE id = ?", a) == 1);
    REQUIRE(ui.w().undo());  // triangle
    CHECK(text(ui.w(), "SELECT guardian FROM problem_map_triangle WHERE card_id = ?", p) == "");
    REQUIRE(ui.w().undo());  // re-parent
    CHECK(number(ui.w(), "SELECT parent_id FROM problem_map_cause WHERE id = ?", c) == a);
    REQUIRE(ui.w().undo());  // text edit
    CHECK(text(ui.w(), "SELECT text FROM problem_map_cause WHERE id = ?", b) == "Få vuxna ute på kvällar");
    REQUIRE(ui.w().undo());  // factor
    REQUIRE(ui.w().undo());  // nature
    CHECK(text(ui.w(), "SELECT nature FROM problem_map_cause WHERE id = ?", b) == "situational");
    CHECK(text(ui.w(), "SELECT factor FROM problem_map_cause WHERE id = ?", b) == "");
}

TEST_CASE("the list filters by free text and sorts by a clicked column") {
    Ui ui;
    Id fire = edits::create_card(ui.w(), 0, 0, "Bränder i soprum");
    Id phone = edits::create_card(ui.w(), 0, 0, "Åldringsbrott via telefon");
    Id shed = edits::create_card(ui.w(), 0, 0, "Inbrott i förråd");
    edits::set_number(ui.w(), fire, edits::NumberField::Severity, 4);
    edits::set_number(ui.w(), phone, edits::NumberField::Severity, 5);
    edits::set_number(ui.w(), shed, edits::NumberField::Severity, 2);
    ui.tab("problem_map.tab.list");
    ui.h.frame(2);
    REQUIRE(ui.h.has_item("problem_map.list.row.2"));  // all three before the filter
    ui.h.click_item("problem_map.list.search");
    ui.h.type("brott");
    ui.h.frame(2);
    CHECK(ui.h.has_item("problem_map.list.row.1"));
    CHECK_FALSE(ui.h.has_item("problem_map.list.row.2"));  // the fire matches nothing typed
    ui.h.click_item("problem_map.list.header.3");  // severity, ascending
    ui.h.click_item("problem_map.list.header.3");  // descending
    ui.h.frame(2);
    ui.h.click_item("problem_map.list.details");
    ui.h.click_item("problem_map.list.row.1");
    ui.h.frame(2);
    // Of the two left, the second by severity is the shed (2, after the phone's 5; the fire's 4 is filtered out).
    ui.h.click_item("problem_map.panel.place");
    ui.h.type("Hela kommunen");
    ui.h.key(keys::Enter);
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card WHERE id = ?", shed) == "Hela kommunen");
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card WHERE id = ?", phone).empty());
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card WHERE id = ?", fire).empty());
}

namespace {

// The board as the room view on a second screen draws it; true when it drew.
bool room_frame(kartla::test::RoomScreen& room, const ViewSpec& view, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX),
                bool down = false) {
    bool drawn = false;
    room.frame(
        [&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("###room.problem_map.board", nullptr, ImGuiWindowFlags_NoDecoration);
            drawn = view.draw_room();
            ImGui::End();
        },
        mouse, down);
    return drawn;
}

float probe_width(const std::string& probe) {
    ImVec2 min, max;
    REQUIRE(ui::item_rect(probe, min, max));
    return max.x - min.x;
}

}  // namespace

TEST_CASE("for the room the board is drawn without controls, follows the facilitator's selection, and takes no input") {
    Ui ui;
    ui.h.double_click(ui.board_point(0.4f, 0.5f));
    ui.h.frame(2);
    ui.h.type("Klotter vid skolan");
    ui.h.key(keys::Enter);
    ui.h.frame(2);
    REQUIRE(ui.snapshot().cards.size() == 1);
    Id card = ui.snapshot().cards.front().id;
    ui.h.click(ui.center(ui.card_probe(card)));  // the facilitator selects it
    ui.h.frame(2);
    float console_width = probe_width(ui.card_probe(card));

    REQUIRE(ui.view().draw_room);
    kartla::test::RoomScreen room;
    REQUIRE(room_frame(room, ui.view()));
    ImVec2 min, max;
    CHECK(ui::item_rect("problem_map.room.board", min, max));
    CHECK(!ui::item_rect("problem_map.board.new_card", min, max));  // no toolbar
    CHECK(!ui::item_rect("problem_map.board.canvas", min, max));    // no gestures
    REQUIRE(ui::item_rect(ui.card_probe(card), min, max));          // the card is there
    CHECK(max.x - min.x >= console_width * 0.99f);                  // and no smaller than on the laptop
    ImVec2 empty(min.x - 200, min.y + 150);

    // A double-click on the room's screen (the pointer wandered across) changes nothing.
    for (bool down : {true, false, true, false}) room_frame(room, ui.view(), empty, down);
    CHECK(number(ui.w(), "SELECT COUNT(*) FROM problem_map_card") == 1);

    // Another tab on the laptop: the room sees it mirrored, so the board declines.
    ui.h.frame(1);
    ui.tab("problem_map.tab.list");
    CHECK(!room_frame(room, ui.view()));
}

TEST_CASE("phones' cards come in face down where the room looks, are counted, and are revealed on screen") {
    Ui ui(ImVec2(1600, 900));
    edits::create_card(ui.w(), 9000, 7000, "Långt bort");
    ui.show_all();  // the board looks far from the origin
    REQUIRE(edits::start_silent_round(ui.w()));
    std::vector<Id> phones;
    for (int i = 0; i < 3; ++i) phones.push_back(ui.phone_card("Från telefon " + std::to_string(i)));
    ui.h.frame(3);
    for (Id id : phones) {
        INFO(id);
        CHECK(ui.on_screen(id));
        CHECK(number(ui.w(), "SELECT hidden FROM problem_map_card WHERE id = ?", id) == 1);
    }
    CHECK(ui.snapshot().face_down_from_phones == 3);
    // The facilitator pans away: the cards are off screen while face down...
    ui.h.drag(ui.board_point(0.9f, 0.8f), ui.board_point(0.05f, 0.1f));
    ui.h.drag(ui.board_point(0.9f, 0.8f), ui.board_point(0.05f, 0.1f));
    ui.h.frame(2);
    for (Id id : phones) CHECK_FALSE(ui.on_screen(id));
    // ...and on screen, face up, once revealed, none over another.
    ui.h.click_item("problem_map.board.reveal");
    ui.h.frame(3);
    for (Id id : phones) {
        INFO(id);
        CHECK(ui.on_screen(id));
        CHECK(number(ui.w(), "SELECT hidden FROM problem_map_card WHERE id = ?", id) == 0);
    }
    CHECK(number(ui.w(), "SELECT count(DISTINCT x || ',' || y) FROM problem_map_card") == 4);
    CHECK(ui.snapshot().face_down_from_phones == 0);
}

TEST_CASE("twenty taps on New card give twenty cards on twenty free places, in view while there is room") {
    Ui ui(ImVec2(1600, 900));
    ImVec2 canvas_min, canvas_max;
    for (int i = 0; i < 20; ++i) {
        ui.h.click_item("problem_map.board.new_card");
        ui.h.frame(2);
        REQUIRE(ui::item_rect("problem_map.board.canvas", canvas_min, canvas_max));
    }
    auto s = ui.snapshot();
    REQUIRE(s.cards.size() == 20);
    std::set<std::pair<float, float>> places;
    for (const auto& card : s.cards) places.insert({card.x, card.y});
    CHECK(places.size() == 20);
    for (std::size_t i = 0; i < s.cards.size(); ++i)
        for (std::size_t j = i + 1; j < s.cards.size(); ++j)
            CHECK_FALSE(placement::card_rect(s.cards[i]).overlaps(placement::card_rect(s.cards[j])));
    // The first card is on screen, wholly inside the board.
    ui.h.frame(2);
    ImVec2 min, max;
    REQUIRE(ui::item_rect(ui.card_probe(s.cards.front().id), min, max));
    CHECK(min.x >= canvas_min.x);
    CHECK(min.y >= canvas_min.y);
    CHECK(max.x <= canvas_max.x);
    CHECK(max.y <= canvas_max.y);
}

TEST_CASE("a press picks the topmost frame, and a dragged card shows the frame it will join") {
    Ui ui;
    Id big = edits::create_cluster(ui.w(), "Stor", 0, 0, 1200, 800);
    // A smaller frame lies over the big one's title bar: its body covers part of that bar.
    Id small = edits::create_cluster(ui.w(), "Liten", 200, -30, 400, 300);
    Id card = edits::create_card(ui.w(), 1400, 400, "Kort");  // outside both frames
    ui.show_all();
    ImVec2 big_min, big_max, small_min, small_max;
    REQUIRE(ui::item_rect("problem_map.cluster." + std::to_string(big), big_min, big_max));
    REQUIRE(ui::item_rect("problem_map.cluster." + std::to_string(small), small_min, small_max));
    // On the big frame's title bar, below the small frame's: the small frame is on top there.
    ImVec2 press(small_min.x + 40, (small_max.y + big_max.y) / 2);
    REQUIRE(press.y > small_max.y);
    REQUIRE(press.y < big_max.y);
    ui.h.drag(press, ImVec2(press.x + 80, press.y + 60));
    CHECK(number(ui.w(), "SELECT x FROM problem_map_cluster WHERE id = ?", big) == 0);
    CHECK(number(ui.w(), "SELECT x FROM problem_map_cluster WHERE id = ?", small) == 200);
    // The small frame's own title bar moves the small frame.
    ui.h.frame(2);
    REQUIRE(ui::item_rect("problem_map.cluster." + std::to_string(small), small_min, small_max));
    ImVec2 title((small_min.x + small_max.x) / 2, (small_min.y + small_max.y) / 2);
    ui.h.drag(title, ImVec2(title.x + 50, title.y));
    CHECK(number(ui.w(), "SELECT x FROM problem_map_cluster WHERE id = ?", small) > 200);
    CHECK(number(ui.w(), "SELECT x FROM problem_map_cluster WHERE id = ?", big) == 0);

    // While a card is dragged over a frame, the frame is marked as the one it will join.
    ui.h.click_item("problem_map.board.fit");
    ui.h.frame(2);
    ImVec2 corner_min, corner_max;
    REQUIRE(ui::item_rect("problem_map.cluster." + std::to_string(big) + ".resize", corner_min, corner_max));
    ImVec2 inside(corner_min.x - 150, corner_min.y - 150);
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 from = ui.center(ui.card_probe(card));
    ui.h.move_to(from);
    io.MouseDown[0] = true;
    ui.h.frame();
    CHECK_FALSE(ui.h.has_item("problem_map.cluster." + std::to_string(big) + ".joining"));
    for (int i = 1; i <= 8; ++i) {
        float t = float(i) / 8;
        io.MousePos = ImVec2(from.x + (inside.x - from.x) * t, from.y + (inside.y - from.y) * t);
        ui.h.frame();
    }
    CHECK(ui.h.has_item("problem_map.cluster." + std::to_string(big) + ".joining"));
    CHECK_FALSE(ui.h.has_item("problem_map.cluster." + std::to_string(small) + ".joining"));
    CHECK(number(ui.w(), "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", card) == 0);  // not yet
    io.MouseDown[0] = false;
    ui.h.frame(2);
    CHECK(number(ui.w(), "SELECT COALESCE(cluster_id, 0) FROM problem_map_card WHERE id = ?", card) == big);
    CHECK_FALSE(ui.h.has_item("problem_map.cluster." + std::to_string(big) + ".joining"));
}

namespace {
// The file cannot grow: what SQLite answers on a full disk.
void fill_disk(Workshop& w) {
    w.db().exec("PRAGMA max_page_count = " + std::to_string(w.db().scalar_int("PRAGMA page_count")));
}
void free_disk(Workshop& w) { w.db().exec("PRAGMA max_page_count = 1073741823"); }
}  // namespace

TEST_CASE("text a full disk refused stays pending in the card, marked not saved, through another card, until there is space") {
    Ui ui;
    Id a = edits::create_card(ui.w(), 0, 0, "A");
    Id b = edits::create_card(ui.w(), 400, 0, "B");
    ui.show_all();
    ui.h.click_item(ui.card_probe(a));
    ui.h.frame(2);
    std::string paste;  // a long paste, as in issue 22 (100 KB)
    while (paste.size() < 100 * 1024) paste += "Otrygghet i gångtunneln vid Östra torget, kvällstid. ";
    fill_disk(ui.w());
    ui.h.click_item("problem_map.panel.description");
    ui.h.type(paste);
    ui.h.advance(0.25);  // due: written, refused
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card WHERE id = ?", a).empty());
    CHECK(ui::pending_text_count() == 1);
    CHECK(ui.h.has_item("text.not_saved"));

    // Another card while the disk is still full: the text is not dropped, and the other card's fields work.
    ui.h.click_item(ui.card_probe(b));
    ui.h.frame(2);
    CHECK(ui::pending_text_count() == 1);
    std::string place;  // long enough to need a page of its own: refused
    while (place.size() < 6000) place += "Torget vid Åsen. ";
    ui.h.click_item("problem_map.panel.place");
    ui.h.type(place);
    ui.h.key(keys::Enter);
    CHECK(ui::pending_text_count() == 2);  // refused too, and kept

    // Back on the first card: its field shows the pending text, and typing goes on after it.
    ui.h.click_item(ui.card_probe(a));
    ui.h.frame(2);
    CHECK(ui.h.has_item("text.not_saved"));
    ui.h.click_item("problem_map.panel.description");
    ui.h.key(keys::End, true);  // Ctrl+End: the end of the text
    ui.h.type("13 tecken här");
    ui.h.advance(0.25);
    CHECK(ui::pending_text_count() == 2);

    free_disk(ui.w());
    CHECK(ui::write_pending_text() == 0);  // what the host does once a second
    CHECK(text(ui.w(), "SELECT description FROM problem_map_card WHERE id = ?", a) == paste + "13 tecken här");
    CHECK(text(ui.w(), "SELECT place FROM problem_map_card WHERE id = ?", b) == place);
    ui.h.frame(2);
    CHECK_FALSE(ui.h.has_item("text.not_saved"));
}

TEST_CASE("the board's title editor stays open and keeps every key while a save is refused") {
    Ui ui;
    ui.h.double_click(ui.board_point(0.5f, 0.5f));
    ui.h.frame(3);
    REQUIRE(ui.h.has_item("problem_map.board.title_editor"));
    Id card = ui.w().db().scalar_int("SELECT id FROM problem_map_card");
    fill_disk(ui.w());
    std::string title;  // long enough to need a page of its own: refused
    while (title.size() < 6000) title += "Klotter vid skolan på Östra Höjden. ";
    ui.h.type(title);
    ui.h.advance(0.25);
    ui.h.frame(3);
    CHECK(ui::pending_text_count() == 1);
    CHECK(ui.h.has_item("problem_map.board.title_editor"));  // still open: the rest of the title has somewhere to go
    ui.h.type("Slut");
    ui.h.advance(0.25);
    ui.h.key(keys::Enter);  // leaves the editor; the text stays pending
    ui.h.frame(3);
    CHECK(ui::pending_text_count() == 1);
    free_disk(ui.w());
    ui::write_pending_text();
    CHECK(text(ui.w(), "SELECT title FROM problem_map_card WHERE id = ?", card) == title + "Slut");
}

TEST_CASE("'Show all' at 200 % keeps card titles readable and shows the first cluster, not 7 px text") {
    Ui ui(ImVec2(3200, 1800));  // wide, so the toolbar's "Show all" is not under "More"
    ui.h.rebuild_fonts(2.0f);
    for (int i = 0; i < 80; ++i) edits::create_card(ui.w(), float(i % 10) * 900, float(i / 10) * 900, "Klotter");
    Id cluster = edits::create_cluster(ui.w(), "Trygghet i centrum", 4000, 9000, 1000, 600);
    REQUIRE(cluster != 0);
    Id inside = edits::create_card(ui.w(), 4100, 9100, "Otrygghet vid resecentrum");
    ui.show_all();
    // The title's pixels: the text size × the zoom × 1.1 (board_style.hpp); at least 0.6 of the zoom.
    const float title_pixels = ui.card_scale(inside) * views::board::kTitleScale * 20.0f;
    CHECK(title_pixels >= 0.6f * views::board::kTitleScale * 40.0f - 0.5f);
    ImVec2 canvas_min, canvas_max, card_min, card_max;
    REQUIRE(ui::item_rect("problem_map.board.canvas", canvas_min, canvas_max));
    REQUIRE(ui::item_rect(ui.card_probe(inside), card_min, card_max));
    CHECK(card_min.x >= canvas_min.x);
    CHECK(card_min.y >= canvas_min.y);
    CHECK(card_max.x <= canvas_max.x);
    CHECK(card_max.y <= canvas_max.y);
}

TEST_CASE("at 200 % on 1920 x 1080 the vote's + and 'Prioritised' are on screen, the voter chosen in a row above") {
    Ui ui(ImVec2(1920, 1080));
    ui.h.rebuild_fonts(2.0f);
    ui.add_participants(2);
    Id a = edits::create_card(ui.w(), 0, 0, "Otrygghet i gångtunneln under Ängsvägen");
    ui.h.frame(3);  // the tabs where the larger text puts them
    ui.tab("problem_map.tab.priority");
    ui.h.frame(2);
    const float right = ImGui::GetIO().DisplaySize.x;
    for (const char* key : {"problem_map.vote.more.", "problem_map.vote.prioritised."}) {
        ImVec2 min, max;
        REQUIRE(ui::item_rect(key + std::to_string(a), min, max));
        INFO(std::string(key) << " ends at " << max.x);
        CHECK(max.x <= right);
    }
    ui.h.click_item("problem_map.vote.voter_choice");
    ui.h.frame(2);
    ui.h.click_item("problem_map.vote.voter.1");
    ui.h.click_item("problem_map.vote.more." + std::to_string(a));
    CHECK(number(ui.w(), "SELECT participant_id FROM problem_map_vote WHERE card_id = ?", a) ==
          number(ui.w(), "SELECT max(id) FROM core_participant"));
}
