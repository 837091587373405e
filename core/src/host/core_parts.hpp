#pragma once
// Parts of the core that register with the host the way a plugin does (the
// meeting export, ...): each declares itself in its own file, and Runtime
// starts them all with the core's Host without naming any of them.
#include "kartla/plugin_api.hpp"

namespace kartla {

using CorePartStart = void (*)(Host& core_host);

// At namespace scope in the part's own file: `const CorePart part{&start};`.
struct CorePart {
    explicit CorePart(CorePartStart start);
};

// Runs every declared part's start with the core's Host (Runtime's constructor).
void start_core_parts(Host& core_host);

}  // namespace kartla
