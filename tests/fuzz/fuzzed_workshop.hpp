#pragma once
// A whole workshop built from fuzz bytes, through the same edit paths a user's
// edits take: the core's sample loader, every loaded plugin's sample loader (its
// JSON part is generated here from the bytes) and the meeting agenda and notes.
// Free text comes from the bytes, and so does the structure: how many problems,
// causes, actors, relations, measures and follow-up records, which of them are
// linked (labels that refer to nothing where a loader skips them), the values of
// enumerations and the dates. It stays within what the views let a user enter: a
// loader stops at the first value its edit path refuses.
#include "byte_source.hpp"
#include "host/runtime.hpp"

#include <string>
#include <vector>

namespace kartla::fuzz {

struct BuiltWorkshop {
    bool texts_valid_utf8 = true;  // every text that went in was valid UTF-8
    std::vector<std::string> texts;  // every text that went in, in order
    std::vector<std::string> refused;  // what each loader that refused its part said (allowed)
};

// Fills runtime.workshop(), which must be empty and hold every plugin's tables.
BuiltWorkshop build_workshop(Runtime& runtime, ByteSource& bytes);

}  // namespace kartla::fuzz
