// Text not in its form (a date typed "5 mars") is never written until corrected, so
// quitting or opening another file would lose it: both ask first, as for text the
// file could not take. Only its field can mend it, so no "Save a copy…" is offered.
#include "swedish_window.hpp"

#include "kartla/dates.hpp"

using namespace kartla;

namespace {

// The real shell, and beside it one date field with the SDK's check, as a plugin draws it.
struct DateFieldWindow {
    DateFieldWindow() {
        win.ui.set_ui([this] {
            win.shell->frame();
            ImGui::Begin("date");
            ui::text_field("##due", stored, win.runtime.session(),
                           [this](Editor&, const std::string& text) { return stored = text, true; },
                           {.probe = "due", .key = "test.due", .check = [](const std::string& text) {
                                return dates::is_valid(text) ? std::string() : std::string("Skriv ÅÅÅÅ-MM-DD");
                            }});
            ImGui::End();
        });
        win.ui.frame(3);
    }

    test::SwedishWindow win{std::initializer_list<const char*>{}};  // no plugin: the field stands in for one
    test::Headless& ui = win.ui;
    std::unique_ptr<ui::Shell>& shell = win.shell;
    std::string stored = "2027-03-05";
};

}  // namespace

TEST_CASE("quitting with a date not in its form asks first, offers no copy, and Cancel keeps the text to correct") {
    DateFieldWindow win;
    win.ui.click_item("due");
    win.ui.key(keys::A, true);  // select all, so typing replaces
    win.ui.type("5 mars");
    win.ui.advance(0.25);
    CHECK(win.stored == "2027-03-05");  // not written: not a date yet
    CHECK(ui::invalid_text_count() == 1);
    CHECK(win.shell->status_text().find("form") != std::string::npos);  // never "Every change is saved."

    win.shell->request_quit();
    win.ui.frame(5);
    CHECK_FALSE(win.shell->quit_requested());
    REQUIRE(win.shell->quit_question_open());
    CHECK_FALSE(win.ui.has_item("core.quit_question.save_copy"));  // a copy cannot take it either

    SUBCASE("Cancel, then corrected: written, and quitting asks nothing") {
        win.ui.click_item("core.quit_question.cancel");
        win.ui.frame(2);
        CHECK_FALSE(win.shell->quit_question_open());
        REQUIRE(ui::kept_text("", "test.due"));
        CHECK(*ui::kept_text("", "test.due") == "5 mars");  // still there to correct
        win.ui.click_item("due");
        win.ui.key(keys::A, true);
        win.ui.type("2027-03-06");
        win.ui.advance(0.25);
        CHECK(win.stored == "2027-03-06");
        CHECK(ui::invalid_text_count() == 0);
        CHECK(win.shell->status_text() == "Varje ändring sparas.");
        win.shell->request_quit();
        win.ui.frame(5);
        CHECK(win.shell->quit_requested());
    }
    SUBCASE("Quit without saving") {
        win.ui.click_item("core.quit_question.quit");
        win.ui.frame(2);
        CHECK(win.shell->quit_requested());
    }
}
