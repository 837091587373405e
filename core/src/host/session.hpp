#pragma once
// The open workshop and its one edit path. Whoever works on a workshop holds a
// Session: the window (through its Runtime), the command line, the phone server.
// Every edit a user makes passes Session::edit: refused while nothing is open or
// the file is read-only, labelled for the catalogue of the component that made
// it, joined to the undo step of the gesture it belongs to (an explicit edit
// group, never an ambient one), and its failure returned to the caller, who
// says it (a plugin's Host posts it; a text field keeps its text to try again).
// Redaction is the workshop's: no edit runs while a redacted export reads it.
#include "kartla/workshop.hpp"

#include <functional>
#include <memory>

namespace kartla {

class Session final : public Editor {
public:
    Workshop* workshop() { return workshop_.get(); }
    void set_workshop(std::unique_ptr<Workshop> workshop) { workshop_ = std::move(workshop); }
    std::unique_ptr<Workshop> take_workshop() { return std::move(workshop_); }

    // Why an edit was refused before it reached the workshop: an English msgid.
    enum class Refusal { None, NoWorkshop, ReadOnly };
    struct Outcome {
        EditResult result;
        Refusal refused = Refusal::None;  // the result's message is then the msgid below
    };
    Outcome edit(const EditLabel& label, const std::function<void(Database&)>& change, EditGroup group);
    static const char* refusal_msgid(Refusal refusal);
    // The same as an Editor, labelled in the core's catalogue: for the core's own
    // fields (a refusal's message is its msgid).
    EditResult edit(std::string_view label_msgid, const std::function<void(Database&)>& change,
                    EditGroup group) override {
        return edit(EditLabel{"core", std::string(label_msgid)}, change, group).result;
    }
    using Editor::edit;

private:
    std::unique_ptr<Workshop> workshop_;
};

}  // namespace kartla
