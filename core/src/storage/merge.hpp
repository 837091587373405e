#pragma once
// Two copies of one workshop become one: what the other copy changed since
// the two parted is applied onto this one, as one undo step.
//
// The common ancestor is found in the histories the files carry
// (storage/history.hpp): the other copy's entries this file does not have are
// its changes, and their changesets, combined, are applied here with SQLite's
// session extension. Where this copy changed the same thing, nothing is
// decided silently: each such place is a Conflict, with both values, and the
// merge is applied only once every conflict has a Choice. docs/merging.md.
#include "kartla/workshop.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kartla::merge {

enum class ConflictKind {
    BothChanged,        // the same field changed in both copies, to different values
    DeletedHere,        // the other copy changed a row this copy deleted
    DeletedThere,       // the other copy deleted a row this copy changed
    BothAdded,          // both made a row with the same key, or one a table allows only once
    MissingReference,   // a row refers to a row that the other copy deleted
};

struct Conflict {
    std::string key;     // the same for this place whichever copy is merged into which
    ConflictKind kind;
    std::string table;
    std::string row;     // the row's key values, comma separated
    std::string column;  // the field (BothChanged), the referring column (MissingReference); else empty
    std::string mine;    // this copy's value (a field) or row, as JSON; "null" when it has none
    std::string theirs;  // the other copy's
};

enum class Choice { Mine, Theirs };
using Choices = std::map<std::string, Choice>;  // by Conflict::key

struct Outcome {
    std::string refusal;               // non-empty: nothing was merged, and this says why (one sentence)
    std::vector<Conflict> conflicts;   // every conflict found, chosen or not
    std::vector<std::string> unchosen; // keys of conflicts without a choice: nothing was merged
    std::size_t changes = 0;           // rows of the other copy's changes
    std::string theirs_last_edit;      // when the other copy was last edited (UTC, ISO 8601)
    bool merged() const { return refusal.empty() && unchosen.empty(); }
};

// By entity kind, the table whose key is that kind's id (EntityKindSpec::table):
// a link (core_link) to such an entity that the other copy deleted is a
// MissingReference, as a foreign key's would be. The core's own kinds
// (participant, meeting) need not be named.
using LinkTargets = std::map<std::string, std::string>;

// Applies onto `mine`, as one undo step, what `theirs` changed since the two
// parted. `theirs` is only read. When a conflict has no choice in `choices`
// nothing is applied and the outcome lists the conflicts.
KARTLA_API Outcome merge(Workshop& mine, Workshop& theirs, const Choices& choices, const LinkTargets& links = {});

KARTLA_API const char* kind_name(ConflictKind kind);  // "both_changed", ...

}  // namespace kartla::merge
