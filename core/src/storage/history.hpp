#pragma once
// The history a workshop file carries (table core_history): every committed
// edit, undo and redo with the changeset SQLite's session recorded for it, a
// random id, the id of the entry before it (its parent), the time, the
// component (plugin id or "core") and the untranslated label. Copies of one
// file share its entries up to the moment they parted, so two copies find
// their common ancestor by themselves (storage/merge.hpp).
//
// An entry of kind "other" is one that was made in another copy and came in
// with a merge: its id is kept so that copies recognise it, its effect is in the
// merge entry it belongs to (`via`), so it keeps no changeset. An entry of kind
// "choice" belongs to a merge too: its note holds a conflict's two values and
// the one the facilitator chose, so the value not chosen is kept.
//
// The history is bounded: the newest kMaxEntries entries are kept, and of
// their changesets the newest up to kMaxChangesetBytes; older changesets are
// dropped first, then older entries. The personal-data purge drops every
// changeset and note (their bytes hold deleted and overwritten text) and keeps the ids.
#include "kartla/database.hpp"
#include "kartla/workshop.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kartla::history {

inline constexpr std::int64_t kMaxEntries = 20'000;
inline constexpr std::int64_t kMaxChangesetBytes = 32 << 20;
inline constexpr std::int64_t kCompactEvery = 256;  // entries between two compactions

// The label of a merge's undo step (storage/merge.hpp): undoing it lets go of
// the other copy's entries it brought (their `via` turns negative: they count as
// unknown), so that copy can be merged again; redoing it takes them back.
inline constexpr const char* kMergeLabel = "Merge another copy";

// The marker of entries that a merge brings in and the edit in progress owns.
inline constexpr std::int64_t kPendingVia = -1;

struct Entry {
    std::int64_t seq = 0;
    std::int64_t id = 0;
    std::int64_t parent = 0;
    std::int64_t via = 0;
    std::string made_at, kind, component, label;
    bool has_changeset = false;
    std::vector<unsigned char> changeset;  // only when read with changesets
};

// In the edit's transaction, after the change: appends an entry of `kind`
// ("edit", "undo", "redo") unless the changeset is empty. In a replay
// (Workshop::replay_edit), entries brought in during this transaction (via =
// kPendingVia) make it a "merge" entry and become its own. Compacts every
// kCompactEvery entries. One statement for an edit: every edit pays for it.
void record(Database& db, std::string_view kind, const EditLabel& label, const std::vector<unsigned char>& changeset,
            bool replaying = false);

// In the edit's transaction: the newest entry (the edit of the same gesture,
// see EditGroup) now holds `changeset`, the gesture so far. It gets a new id,
// since a copy made mid-gesture holds the entry as it was then; typed and erased
// again (empty), it goes.
void record_grown(Database& db, const std::vector<unsigned char>& changeset);

// A plugin or the core upgraded its tables: changesets made before no longer fit.
void record_schema_change(Database& db, std::string_view component, int version);

// Drops what is over the bounds above.
void compact(Database& db);

// Forgets every changeset and note (the purge); the entries and their ids stay.
void forget_changesets(Database& db);

// Every entry, oldest first; the changesets only when asked.
std::vector<Entry> entries(Database& db, bool with_changesets);

}  // namespace kartla::history
