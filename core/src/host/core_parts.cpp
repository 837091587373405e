#include "host/core_parts.hpp"

#include <vector>

namespace kartla {

namespace {

// A function-local list: parts declare themselves during static initialisation,
// in whatever order the linker put their files.
std::vector<CorePartStart>& declared_parts() {
    static std::vector<CorePartStart> parts;
    return parts;
}

}  // namespace

CorePart::CorePart(CorePartStart start) { declared_parts().push_back(start); }

void start_core_parts(Host& core_host) {
    for (auto start : declared_parts()) start(core_host);
}

}  // namespace kartla
