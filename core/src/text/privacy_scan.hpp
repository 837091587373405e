#pragma once
// The personal-data guard over a whole workshop: every text cell of every
// table (the core's and every plugin's) is checked, so no plugin needs code of
// its own for it. Hits can be masked in place (one undoable edit), and
// "purge" removes deleted and undone text from the file's bytes for good.
#include "kartla/api.hpp"
#include "kartla/privacy.hpp"
#include "kartla/workshop.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kartla::privacy {

struct CellHit {
    std::string table;
    std::string column;
    std::int64_t rowid = 0;
    HitKind kind;
    std::string masked_excerpt;  // the surrounding text with the hit masked: safe to show on a projector
};

KARTLA_API std::vector<CellHit> scan_workshop(Database& db);
// One undoable edit that masks every hit in the cell (or in every cell).
KARTLA_API EditResult mask_cell(Workshop& workshop, const CellHit& hit);
KARTLA_API EditResult mask_all(Workshop& workshop);
// Forgets undo history and the changesets of the file's history (both hold
// the old text; the history's ids stay, storage/history.hpp), checkpoints the WAL and
// vacuums with secure_delete, so deleted text is gone from the file's bytes.
KARTLA_API EditResult purge_deleted_text(Workshop& workshop);

}  // namespace kartla::privacy
