#pragma once
// Across the top of the window while the open workshop holds a part made with
// a plugin that is not installed here: which one, and that it is kept as it is.
#include "host/runtime.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kartla::ui {

class MissingPartsNotice {
public:
    // Draws it at `origin`, `width` wide; returns its height, 0 when there is nothing to say.
    float draw(Runtime& runtime, ImVec2 origin, float width);

private:
    // Asked of the file once per workshop and revision, not every frame.
    const Workshop* workshop_ = nullptr;
    std::uint64_t revision_ = 0;
    std::vector<std::string> missing_;
};

}  // namespace kartla::ui
