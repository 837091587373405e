// The undo step of a text field's save travels in the call (ui::FieldEditor,
// Editor::edit(label, change, group)): what the edit is handed, not state on the
// side. An Editor that records what it is handed stands in for the Host.
#include "headless.hpp"
#include "kartla/keys.hpp"
#include "kartla/text_encode.hpp"
#include "kartla/widgets.hpp"
#include "ui/widgets/host_widgets.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kartla;

namespace {

class RecordingEditor final : public Editor {
public:
    struct Call {
        std::string label;
        EditGroup group;
    };
    std::vector<Call> calls;
    bool failing = false;

    EditResult edit(std::string_view label, const std::function<void(Database&)>&, EditGroup group) override {
        calls.push_back({std::string(label), group});
        return failing ? EditResult{false, true, "The disk is full."} : EditResult{};
    }
    using Editor::edit;
};

// One text field bound to `stored`, written through `editor`, and a button to leave it by.
struct FieldWindow {
    test::Headless ui;
    RecordingEditor editor;
    std::string stored;
    std::vector<std::string> written;

    FieldWindow() {
        ui::set_probes_enabled(true);
        ui.set_ui([this] {
            ImGui::Begin("fields");
            ui::text_field("##title", stored, editor,
                           [this](Editor& e, const std::string& text) {
                               if (!e.edit("Edit title", [](Database&) {})) return false;
                               written.push_back(text);
                               stored = text;
                               return true;
                           },
                           {.probe = "title"});
            ImGui::Button("elsewhere");
            ui::mark_item("elsewhere");
            ImGui::End();
        });
        ui.frame(2);
    }
    ~FieldWindow() { ui::set_probes_enabled(false); }
};

}  // namespace

TEST_CASE("the saves of one visit to a text field reach the editor with one group, in the call, and the next visit has another") {
    FieldWindow win;
    win.ui.click_item("title");
    win.ui.type("Klotter");
    win.ui.advance(0.25);  // a pause: saved
    win.ui.type(" vid torget");
    win.ui.advance(0.25);
    REQUIRE(win.editor.calls.size() == 2);
    CHECK(win.written.back() == "Klotter vid torget");
    const EditGroup visit = win.editor.calls[0].group;
    CHECK(visit != 0);
    CHECK(win.editor.calls[1].group == visit);  // one undo step for the visit

    win.ui.click_item("elsewhere");  // left, and back again: a new visit
    win.ui.frame(2);
    win.ui.click_item("title");
    win.ui.type(" på kvällen");
    win.ui.advance(0.25);
    REQUIRE(win.editor.calls.size() == 3);
    CHECK(win.editor.calls[2].group != 0);
    CHECK(win.editor.calls[2].group != visit);
}

TEST_CASE("an edit the editor refuses makes the field keep its text and try again in the same undo step") {
    FieldWindow win;
    win.ui.click_item("title");
    win.editor.failing = true;  // the disk is full
    win.ui.type("Åäö");
    win.ui.advance(0.25);
    REQUIRE(win.editor.calls.size() == 1);
    CHECK(win.written.empty());
    CHECK(ui::text_unsaved());

    win.editor.failing = false;  // space again: tried again with no key
    win.ui.advance(1.1);
    win.ui.frame();
    REQUIRE(win.editor.calls.size() >= 2);
    CHECK(win.editor.calls.front().group != 0);
    CHECK(win.editor.calls.back().group == win.editor.calls.front().group);
    REQUIRE_FALSE(win.written.empty());
    CHECK(win.written.back() == "Åäö");
    CHECK_FALSE(ui::text_unsaved());
}

TEST_CASE("after input_text reported a save, a FieldEditor joins that field's visit and makes it try again, and in a frame with none it joins nothing") {
    test::Headless ui;
    ui::set_probes_enabled(true);
    RecordingEditor editor;
    std::string name;
    ui.set_ui([&] {
        ImGui::Begin("raw");
        if (ui::input_text("##name", name)) ui::FieldEditor(editor).edit("Rename", [](Database&) {});
        ui::mark_item("name");
        if (ImGui::Button("add")) ui::FieldEditor(editor).edit("Add", [](Database&) {});
        ui::mark_item("add");
        ImGui::End();
    });
    ui.frame(2);
    ui.click_item("name");
    ui.type("Fritid");
    ui.advance(0.25);
    ui.type("sgården");
    ui.advance(0.25);
    REQUIRE(editor.calls.size() == 2);
    CHECK(editor.calls[0].group != 0);
    CHECK(editor.calls[1].group == editor.calls[0].group);

    // A save the editor refuses (the disk full) is reported again after a while, with no key.
    editor.failing = true;
    ui.type("s");
    ui.advance(0.25);
    REQUIRE(editor.calls.size() == 3);
    editor.failing = false;
    ui.advance(1.1);
    ui.frame();
    REQUIRE(editor.calls.size() == 4);
    CHECK(editor.calls[3].group == editor.calls[0].group);

    ui.click_item("add");  // the field was saved: the button's edit joins no visit
    ui.frame(2);
    REQUIRE(editor.calls.back().label == "Add");
    CHECK(editor.calls.back().group == 0);
    ui::set_probes_enabled(false);
}

TEST_CASE("text pasted over the field's limit is cut before it is written, also when the host writes it before the field's next frame") {
    FieldWindow win;
    win.ui.click_item("title");
    std::string pasted;
    while (pasted.size() <= 200'000) pasted += "Skadegörelse på skolgården. ";
    ImGui::SetClipboardText(pasted.c_str());
    win.ui.key(keys::V, true);  // Ctrl+V
    win.ui.advance(0.1);
    ui::write_due_text(0.2);  // as the window does before a frame: what falls due now is written now
    REQUIRE(win.written.size() == 1);
    CHECK(win.written[0].size() <= 200'000);
    CHECK(win.written[0].size() > 199'000);
    CHECK(text::is_valid_utf8(win.written[0]));  // cut between letters, never inside "ö"
}
