#pragma once
// "Since the last meeting" in words: which attributes of a changed entity
// moved, with readable names and values, for the view and the report alike.
#include "follow_up.hpp"

#include "kartla/translate.hpp"

#include <functional>
#include <map>
#include <string>

namespace kartla::follow_up {

// Labels of the entities an attribute may point at, by (kind, id).
using LabelIndex = std::map<std::pair<std::string, std::int64_t>, std::string>;
// Those the changes' id attributes point at, and only those: a few, read through
// `select` (Host::entities_where), however large the board.
LabelIndex label_index(const std::vector<Change>& changes, const EntitySelect& select);

// "New", "Changed", "Removed", translated.
std::string change_type_text(const Change& change, const Translate& tr);
// The changed attributes, e.g. `Status: Beslutad → Pågår; Light: Green → Red`,
// and the old name when it changed. Coded values are shown through the
// `<key>_label` msgid their publisher puts beside them; ids by the label of
// what they point at. Derived attributes (labels, the status log) are left out.
std::string change_details(const Change& change, const LabelIndex& labels, const Translate& tr);

}  // namespace kartla::follow_up
