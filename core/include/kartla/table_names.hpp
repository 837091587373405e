#pragma once
// The SDK: what a plugin's tables and their fields are called, for where the
// host shows rows of them itself: a merge's conflicts (docs/merging.md) name
// the thing two copies changed differently, "Kort · Rubrik", not
// "problem_map_card · title". English msgids of the plugin's own catalogue,
// translated when shown, so a language switch renames them too.
#include <string>
#include <utility>
#include <vector>

namespace kartla {

struct TableNames {
    std::string table;  // "problem_map_card"
    std::string name;   // msgid: what one row is, "Card"
    // Column -> msgid, "title" -> "Title". A column not named here is shown by the table's name alone.
    std::vector<std::pair<std::string, std::string>> fields = {};
};

}  // namespace kartla
