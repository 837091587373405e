#include "host/typing.hpp"

#include "host/context_data.hpp"

#include <utility>

namespace kartla::typing {

namespace {
struct Typing {
    EditGroup saving = 0;  // the group of the save reported in this frame
    EditGroup failed = 0;  // a group whose edit failed in this frame
};
}  // namespace

EditGroup group() {
    Typing* t = context_data<Typing>();
    return t ? t->saving : 0;
}

EditGroup swap_group(EditGroup group) {
    Typing* t = context_data<Typing>();
    return t ? std::exchange(t->saving, group) : 0;
}

void failed(EditGroup group) {
    if (Typing* t = context_data<Typing>(); t && group) t->failed = group;
}

EditGroup take_failed() {
    Typing* t = context_data<Typing>();
    return t ? std::exchange(t->failed, 0) : 0;
}

}  // namespace kartla::typing
