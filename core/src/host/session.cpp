#include "host/session.hpp"

namespace kartla {

const char* Session::refusal_msgid(Refusal refusal) {
    switch (refusal) {
        case Refusal::NoWorkshop: return "No workshop is open.";
        case Refusal::ReadOnly: return "Read-only: changes are not saved.";
        case Refusal::None: break;
    }
    return "";
}

Session::Outcome Session::edit(const EditLabel& label, const std::function<void(Database&)>& change, EditGroup group) {
    auto refuse = [](Refusal why) { return Outcome{EditResult{false, false, refusal_msgid(why)}, why}; };
    if (!workshop_) return refuse(Refusal::NoWorkshop);
    if (workshop_->read_only()) return refuse(Refusal::ReadOnly);
    return {workshop_->edit(label, change, group), Refusal::None};
}

}  // namespace kartla
