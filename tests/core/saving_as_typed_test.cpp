// Nothing typed is lost: text in a shared text field reaches the file a moment
// after the last key, without Enter or leaving the field; the saves of one visit
// to a field are one undo step; a view switch or quitting saves first; characters
// typed in the very frames of the click that opens a field land in it; and a
// file moved or deleted while open is said plainly and never written into.
// Time passes through ImGui's clock (Headless::advance), never by sleeping.
#include "headless.hpp"
#include "must_open.hpp"
#include "temp_dir.hpp"

#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"
#include "host/runtime.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <memory>

using namespace kartla;
namespace fs = std::filesystem;

namespace {

using test::must;

// The real shell around a workshop file, as the window has it.
struct TypingWindow {
    explicit TypingWindow(bool with_board = false) {
        runtime.messages().echo_to_stderr = false;
        if (with_board) REQUIRE(runtime.plugins().load(fs::path(KARTLA_TEST_PLUGIN_DIR) / "problem_map.kplug"));
        shell = std::make_unique<ui::Shell>(runtime, settings);
        runtime.set_workshop(must(Workshop::create(file, true)));
        ui.set_ui([this] { shell->frame(); });
        ui.frame(3);
    }
    Workshop& w() { return *runtime.workshop(); }
    // What another reader of the file sees: what is on disk (WAL included), not this process's memory.
    std::string on_disk(const std::string& sql, const fs::path& path) {
        auto reader = must(Workshop::open(path, OpenMode::ReadOnly));
        return reader->db().scalar_text(sql);
    }
    // A plugin's table as SQLite itself reads it (a Workshop opened without the plugins'
    // schema reads unverified tables as NULL).
    std::string plugin_on_disk(const std::string& sql, const fs::path& path) {
        Database reader(path.string(), SQLITE_OPEN_READONLY);
        return reader.scalar_text(sql);
    }
    std::string title_on_disk() { return on_disk("SELECT value FROM core_meta WHERE key = 'title'", file); }
    void leave_fields() {  // a click on the status bar, where there is no field
        ui.click(ImVec2(20, ImGui::GetIO().DisplaySize.y - 8));
        ui.frame(2);
    }

    test::TempDir dir;
    fs::path file = dir / "trygghet.kartla";
    test::Headless ui;  // before the runtime, which shares its ImGui context
    Runtime runtime;
    ui::Settings settings;
    std::unique_ptr<ui::Shell> shell;
};

}  // namespace

TEST_CASE("text typed and not confirmed is in the file a moment after the last key, and one undo takes back the visit") {
    TypingWindow win;
    win.ui.click_item("workshop.meta.title");
    win.ui.type("Trygghet ");
    CHECK(win.title_on_disk().empty());  // not a write per key
    CHECK(ui::text_unsaved());
    CHECK(ui::text_save_due_in() > 0);
    win.ui.advance(0.25);
    CHECK(win.title_on_disk() == "Trygghet ");
    CHECK_FALSE(ui::text_unsaved());
    CHECK(ui::text_save_due_in() < 0);

    win.ui.type("på Östra ");
    win.ui.advance(0.25);
    win.ui.type("Höjden");
    win.ui.advance(0.25);
    CHECK(win.title_on_disk() == "Trygghet på Östra Höjden");
    CHECK(ImGui::GetIO().WantTextInput);  // still in the field: nothing was confirmed

    win.leave_fields();
    CHECK(win.title_on_disk() == "Trygghet på Östra Höjden");
    CHECK(win.w().undo_label() == "Edit workshop details");
    win.ui.key(keys::Z, true);  // Ctrl+Z, as the room presses it
    CHECK(win.title_on_disk().empty());
    CHECK_FALSE(win.w().can_undo());  // three saves, one step

    // A second visit to the same field is a step of its own.
    win.ui.key(keys::Y, true);
    CHECK(win.title_on_disk() == "Trygghet på Östra Höjden");
    win.ui.click_item("workshop.meta.title");
    win.ui.key(keys::End);
    win.ui.type(" 2026");
    win.ui.advance(0.25);
    CHECK(win.title_on_disk() == "Trygghet på Östra Höjden 2026");
    win.leave_fields();
    win.ui.key(keys::Z, true);
    CHECK(win.title_on_disk() == "Trygghet på Östra Höjden");
}

TEST_CASE("typed text is saved before a view switch and before quitting, with no pause") {
    TypingWindow win;
    win.ui.click_item("workshop.meta.title");
    win.ui.type("Klotter");
    win.shell->stage().show("core.privacy");  // e.g. an agenda step bringing its view
    win.ui.frame(3);
    CHECK(win.title_on_disk() == "Klotter");
    CHECK(win.shell->stage().current() == "core.privacy");

    win.shell->stage().show("core.workshop");
    win.ui.frame(2);
    win.ui.click_item("workshop.meta.place");
    win.ui.type("Torget");
    win.shell->request_quit();
    win.ui.frame(2);
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'place'", win.file) == "Torget");
}

TEST_CASE("characters typed in the frames of the click on New card all land in the new card's title") {
    TypingWindow win(true);
    win.shell->stage().show("problem_map.board");
    win.ui.frame(3);
    REQUIRE(win.ui.has_item("problem_map.board.new_card"));
    // The press and the release frames already carry keys, as on a busy machine.
    win.ui.click_then_type(win.ui.item_center("problem_map.board.new_card"), "Klo", "tter ");
    win.ui.type("vid torget, ");
    win.ui.type("Åsen");
    win.ui.advance(0.25);  // not even confirmed: saved as typed
    CHECK(win.w().db().scalar_text("SELECT title FROM problem_map_card") == "Klotter vid torget, Åsen");
    win.ui.key(keys::Enter);
    CHECK(win.w().db().scalar_int("SELECT count(*) FROM problem_map_card") == 1);
}

TEST_CASE("a letter typed on the board long after a click is a shortcut, not the first letter of the new card") {
    TypingWindow win(true);
    win.shell->stage().show("problem_map.board");
    win.ui.frame(3);
    ImVec2 min, max;
    REQUIRE(ui::item_rect("problem_map.board.canvas", min, max));
    win.ui.click(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2));
    win.ui.advance(1.0);
    win.ui.frame(2);
    win.ui.key_typing(keys::N, "n");  // N: a new card where the mouse is
    win.ui.frame(2);
    win.ui.type("Bilbränder");
    win.ui.key(keys::Enter);
    CHECK(win.w().db().scalar_text("SELECT title FROM problem_map_card") == "Bilbränder");
}

TEST_CASE("a workshop file moved while open: nothing is written into it, the window says so, a copy keeps it all") {
    TypingWindow win;
    win.ui.click_item("workshop.meta.title");
    win.ui.type("Före flytten");
    win.ui.advance(0.25);
    REQUIRE(win.title_on_disk() == "Före flytten");

    fs::path moved = win.dir / "flyttad.kartla";
    fs::rename(win.file, moved);
    CHECK(win.w().file_change() == Workshop::FileChange::MovedOrDeleted);
    auto refused = win.w().edit("title", [](Database& db) { core_data::set_meta(db, "title", "tyst"); });
    CHECK_FALSE(refused.ok);
    CHECK(refused.message.find("was moved or deleted") != std::string::npos);

    win.ui.type(" och efter");  // still in the field: its save is refused and kept for later
    win.ui.advance(0.25);
    win.ui.advance(2.5);  // the window looks at the file every few seconds
    win.ui.frame(2);
    CHECK(win.ui.has_item("core.file_banner"));
    CHECK(win.shell->file_banner().find("was moved or deleted") != std::string::npos);
    CHECK(win.shell->window_title().find("(not saved)") != std::string::npos);
    CHECK(ui::text_unsaved());  // the status bar does not claim it is saved

    // Save a copy… from the banner; kartla goes on in the copy, history and typed text included.
    fs::path copy = win.dir / "kopia.kartla";
    win.ui.click_item("core.file_banner.save_copy");
    win.ui.frame(2);
    win.ui.type(copy.string());
    win.ui.key(keys::Enter);
    win.ui.frame(3);
    REQUIRE(fs::exists(copy));
    CHECK(win.w().path() == copy);
    win.ui.advance(1.1);  // the refused save is tried again, now into the copy
    win.ui.frame(2);
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'title'", copy) == "Före flytten och efter");
    CHECK_FALSE(ui::text_unsaved());
    win.ui.advance(2.5);
    win.ui.frame(2);
    CHECK(win.shell->file_banner().empty());
    CHECK(win.w().can_undo());
}

TEST_CASE("a workshop file deleted or replaced while open is never written into, and a copy has every edit") {
    test::TempDir dir;
    auto file = dir / "raderad.kartla";
    auto w = must(Workshop::create(file));
    REQUIRE(w->edit("title", [](Database& db) { core_data::set_meta(db, "title", "Sparat före"); }));

    SUBCASE("deleted") {
        fs::remove(file);
        CHECK(w->file_change() == Workshop::FileChange::MovedOrDeleted);
    }
    SUBCASE("replaced by another file of the same name") {
        fs::create_directory(dir / "annan");  // written elsewhere and renamed over it, as sync tools do
        must(Workshop::create(dir / "annan" / "raderad.kartla"))->edit("x", [](Database& db) {
            core_data::set_meta(db, "title", "Annan");
        });
        fs::rename(dir / "annan" / "raderad.kartla", file);
        CHECK(w->file_change() == Workshop::FileChange::Replaced);
        CHECK(w->file_problem().find("replaced") != std::string::npos);
    }
    auto refused = w->edit("title", [](Database& db) { core_data::set_meta(db, "title", "Aldrig"); });
    CHECK_FALSE(refused.ok);
    CHECK(core_data::meta(w->db(), "title") == "Sparat före");  // the refused edit left no trace
    CHECK_FALSE(w->undo().ok);                                  // undo writes too: refused the same way

    auto copy = dir / "kopia.kartla";
    REQUIRE(w->continue_in_copy(copy));
    auto reader = must(Workshop::open(copy, OpenMode::ReadOnly));
    CHECK(core_data::meta(reader->db(), "title") == "Sparat före");
    CHECK(w->file_change() == Workshop::FileChange::None);
    CHECK(w->edit("title", [](Database& db) { core_data::set_meta(db, "title", "I kopian"); }));
    REQUIRE(w->undo());  // the history goes on in the copy
    CHECK(core_data::meta(w->db(), "title") == "Sparat före");
}

TEST_CASE("edits of one group merge into one undo step, and typing then erasing leaves no step") {
    auto w = Workshop::in_memory();
    REQUIRE(w->edit("before", [](Database& db) { core_data::set_meta(db, "place", "Torget"); }));
    const EditLabel title{"core", "Edit title"};
    REQUIRE(w->edit(title, [](Database& db) { core_data::set_meta(db, "title", "K"); }, 7001));
    REQUIRE(w->edit(title, [](Database& db) { core_data::set_meta(db, "title", "Klotter"); }, 7001));
    CHECK(w->undo_label() == "Edit title");
    REQUIRE(w->undo());
    CHECK(core_data::meta(w->db(), "title").empty());
    CHECK(w->undo_label() == "before");

    // A participant added and removed again within one group: nothing to undo.
    std::int64_t id = 0;
    REQUIRE(w->edit(EditLabel{"core", "add"}, [&](Database& db) { id = core_data::add_participant(db, "Rektor", "Skolan"); }, 7002));
    REQUIRE(w->edit(EditLabel{"core", "remove"}, [&](Database& db) { core_data::remove_participant(db, id); }, 7002));
    CHECK(w->undo_label() == "before");
    // Without a group, two edits stay two steps.
    REQUIRE(w->edit("one", [](Database& db) { core_data::set_meta(db, "title", "Ett"); }));
    REQUIRE(w->edit("two", [](Database& db) { core_data::set_meta(db, "title", "Två"); }));
    CHECK(w->undo_label() == "two");
    REQUIRE(w->undo());
    CHECK(w->undo_label() == "one");
    REQUIRE(w->undo());
    CHECK(w->undo_label() == "before");
}

TEST_CASE("a save that fails (a full disk) keeps the text unsaved and tried again, and does not hold a view switch up") {
    TypingWindow win;
    auto& db = win.w().db();
    db.exec("PRAGMA max_page_count = " + std::to_string(db.scalar_int("PRAGMA page_count")));  // the disk is full
    std::string paragraph;
    while (paragraph.size() < 12 * 1024) paragraph += "Otrygghet i gångtunneln vid Östra torget. ";
    win.ui.click_item("workshop.meta.purpose");
    win.ui.type(paragraph);
    win.ui.advance(0.25);
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'purpose'", win.file).empty());
    CHECK(ui::text_unsaved());  // the status bar does not say it is saved

    db.exec("PRAGMA max_page_count = 1073741823");  // space again: the next try saves it, no key needed
    win.ui.advance(1.1);
    win.ui.frame();
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'purpose'", win.file) == paragraph);

    db.exec("PRAGMA max_page_count = " + std::to_string(db.scalar_int("PRAGMA page_count")));
    win.ui.type(paragraph);
    win.ui.advance(0.25);
    REQUIRE(ui::text_unsaved());
    win.shell->stage().show("core.privacy");
    win.ui.frame(3);
    CHECK(win.shell->stage().current() == "core.privacy");
}

// Issue 22: text that could not be written stays pending until it can be.

TEST_CASE("a full disk, the focus moved to another field while full, then space freed: every character is written") {
    TypingWindow win;
    auto& db = win.w().db();
    // A new file has a few free pages (core schema 5 rebuilt the history table), which a
    // full disk would still let a short text use: the file is made compact first.
    db.exec("VACUUM");
    REQUIRE(db.scalar_int("PRAGMA freelist_count") == 0);
    db.exec("PRAGMA max_page_count = " + std::to_string(db.scalar_int("PRAGMA page_count")));  // the disk is full
    std::string paste;
    while (paste.size() < 100 * 1024) paste += "Otrygghet i gångtunneln vid Östra torget. ";
    win.ui.click_item("workshop.meta.purpose");
    win.ui.type(paste);
    std::string place;  // long enough to need a page of its own: refused too
    while (place.size() < 6000) place += "Östra torget. ";
    win.ui.click_item("workshop.meta.place");  // the focus moves on while the disk is still full
    win.ui.type(place);
    win.ui.advance(0.25);
    win.ui.frame(2);
    CHECK(ui::pending_text_count() == 2);
    CHECK(win.ui.has_item("text.not_saved"));
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'purpose'", win.file).empty());
    CHECK(win.shell->window_title().find("kartla") != std::string::npos);

    db.exec("PRAGMA max_page_count = 1073741823");  // space again: written with no key pressed
    win.ui.advance(1.1);
    win.ui.frame(2);
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'purpose'", win.file) == paste);
    CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'place'", win.file) == place);
    CHECK(ui::pending_text_count() == 0);
    CHECK_FALSE(win.ui.has_item("text.not_saved"));
}

TEST_CASE("after the file was deleted the board's title editor stays open under the banner, and the copy gets every key") {
    TypingWindow win(true);
    win.shell->stage().show("problem_map.board");
    win.ui.frame(3);
    win.ui.click_item("problem_map.board.new_card");
    win.ui.frame(3);
    win.ui.type("Klotter ");
    win.ui.advance(0.25);
    REQUIRE(win.w().db().scalar_text("SELECT title FROM problem_map_card") == "Klotter ");

    fs::remove(win.file);
    win.ui.type("vid ");
    win.ui.advance(2.5);  // the window looks at the file: the banner comes
    win.ui.frame(2);
    REQUIRE(win.ui.has_item("core.file_banner"));
    CHECK(win.ui.has_item("problem_map.board.title_editor"));  // still open: the keys below go into it
    win.ui.type("skolan");
    win.ui.advance(0.25);
    CHECK(ui::pending_text_count() == 1);

    fs::path copy = win.dir / "kopia.kartla";
    win.ui.click_item("core.file_banner.save_copy");
    win.ui.frame(2);
    win.ui.type(copy.string());
    win.ui.key(keys::Enter);
    win.ui.frame(3);
    REQUIRE(win.w().path() == copy);
    CHECK(win.plugin_on_disk("SELECT title FROM problem_map_card", copy) == "Klotter vid skolan");
    CHECK(ui::pending_text_count() == 0);
    // The copy takes plugin edits like the original did.
    win.shell->stage().show("problem_map.board");
    win.ui.frame(2);
    win.ui.click_item("problem_map.board.new_card");
    win.ui.frame(3);
    win.ui.type("I kopian");
    win.ui.key(keys::Enter);
    win.ui.frame(2);
    CHECK(win.plugin_on_disk("SELECT count(*) FROM problem_map_card WHERE title = 'I kopian'", copy) == "1");
}

TEST_CASE("quitting with text the file could not take asks first: Cancel, Save a copy…, Quit without saving") {
    TypingWindow win;
    fs::path moved = win.dir / "flyttad.kartla";
    fs::rename(win.file, moved);
    win.ui.click_item("workshop.meta.title");
    win.ui.type("Trygghetsvandring");
    win.ui.advance(0.25);
    win.shell->request_quit();
    win.ui.frame(5);  // the text's frame, then the question (a popup settles over two frames)
    CHECK_FALSE(win.shell->quit_requested());
    REQUIRE(win.shell->quit_question_open());
    REQUIRE(win.ui.has_item("core.quit_question.cancel"));

    SUBCASE("Cancel: nothing happens, the text stays") {
        win.ui.click_item("core.quit_question.cancel");
        win.ui.frame(2);
        CHECK_FALSE(win.shell->quit_requested());
        CHECK_FALSE(win.shell->quit_question_open());
        CHECK(ui::pending_text_count() == 1);
    }
    SUBCASE("Save a copy…: the copy holds the text, then kartla quits") {
        fs::path copy = win.dir / "kopia.kartla";
        win.ui.click_item("core.quit_question.save_copy");
        win.ui.frame(2);
        win.ui.type(copy.string());
        win.ui.key(keys::Enter);
        win.ui.frame(4);
        CHECK(win.on_disk("SELECT value FROM core_meta WHERE key = 'title'", copy) == "Trygghetsvandring");
        CHECK(win.shell->quit_requested());
    }
    SUBCASE("Quit without saving") {
        win.ui.click_item("core.quit_question.quit");
        win.ui.frame(2);
        CHECK(win.shell->quit_requested());
        for (const auto& entry : fs::directory_iterator(win.file.parent_path())) {  // written nowhere, WAL included
            std::ifstream in(entry.path(), std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            CHECK_MESSAGE(bytes.find("Trygghetsvandring") == std::string::npos, entry.path());
        }
    }
}
