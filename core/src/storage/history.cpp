#include "storage/history.hpp"

#include <fmt/format.h>

namespace kartla::history {

namespace {

constexpr const char* kNewId = "(random() & 9223372036854775807) | 1";

}  // namespace

void record(Database& db, std::string_view kind, const EditLabel& label, const std::vector<unsigned char>& changeset,
            bool replaying) {
    // Entries a merge brought in this transaction make it a merge entry; only a replay can be a merge.
    bool merging = replaying && db.scalar_int("SELECT count(*) FROM core_history WHERE seq = (SELECT max(seq) FROM "
                                              "core_history) AND via = ?",
                                              kPendingVia) > 0;
    if (changeset.empty() && !merging) return;
    if (merging) {
        auto parent = db.scalar_int("SELECT id FROM core_history WHERE via <> ? ORDER BY seq DESC LIMIT 1", kPendingVia);
        db.prepare(fmt::format("INSERT INTO core_history(id, parent, made_at, kind, component, label, changeset) "
                               "VALUES ({}, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'merge', ?, ?, ?)",
                               kNewId))
            .with(parent, label.component, label.msgid)
            .bind_blob(4, changeset)
            .run();
        db.run("UPDATE core_history SET via = (SELECT id FROM core_history WHERE seq = ?) WHERE via = ?",
               db.last_insert_id(), kPendingVia);
    } else {
        // The common case, every edit: one statement, its parent the newest entry.
        db.prepare(fmt::format("INSERT INTO core_history(id, parent, made_at, kind, component, label, changeset) "
                               "VALUES ({}, coalesce((SELECT id FROM core_history ORDER BY seq DESC LIMIT 1), 0), "
                               "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?)",
                               kNewId))
            .with(kind, label.component, label.msgid)
            .bind_blob(4, changeset)
            .run();
    }
    std::int64_t seq = db.last_insert_id();
    // A merge undone no longer holds the other copy's entries (they count as unknown, so
    // that copy can be merged again); redone, it holds them again.
    if (label.component == "core" && label.msgid == kMergeLabel && (kind == "undo" || kind == "redo"))
        db.run(fmt::format("UPDATE core_history SET via = -via WHERE kind IN ('other', 'choice') AND via = (SELECT via "
                           "FROM core_history WHERE kind = 'other' AND via {} ORDER BY seq DESC LIMIT 1)",
                           kind == "undo" ? "> 0" : "< -1"));
    if (seq % kCompactEvery == 0) compact(db);
}

void record_grown(Database& db, const std::vector<unsigned char>& changeset) {
    auto newest = db.scalar_int("SELECT max(seq) FROM core_history");
    if (changeset.empty()) {
        db.run("DELETE FROM core_history WHERE seq = ?", newest);
        return;
    }
    db.prepare(fmt::format("UPDATE core_history SET id = {}, made_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                           "changeset = ? WHERE seq = ?",
                           kNewId))
        .with()
        .bind_blob(1, changeset)
        .bind(2, newest)
        .run();
}

void record_schema_change(Database& db, std::string_view component, int version) {
    // A file read without upgrading the core (read-only) has no history to add to.
    if (db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'core_history'") == 0) return;
    auto parent = db.scalar_int("SELECT id FROM core_history ORDER BY seq DESC LIMIT 1");
    db.run(fmt::format("INSERT INTO core_history(id, parent, made_at, kind, component, label) "
                       "VALUES ({}, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'schema', ?, ?)",
                       kNewId),
           parent, component, fmt::format("schema {}", version));
}

void compact(Database& db) {
    db.run("DELETE FROM core_history WHERE seq <= (SELECT max(seq) FROM core_history) - ?", kMaxEntries);
    db.run("UPDATE core_history SET changeset = NULL WHERE seq IN (SELECT seq FROM (SELECT seq, sum(length(changeset)) "
           "OVER (ORDER BY seq DESC) AS newer FROM core_history WHERE changeset IS NOT NULL) WHERE newer > ?)",
           kMaxChangesetBytes);
}

void forget_changesets(Database& db) {
    db.run("UPDATE core_history SET changeset = NULL, note = '' WHERE changeset IS NOT NULL OR note <> ''");
}

std::vector<Entry> entries(Database& db, bool with_changesets) {
    std::vector<Entry> out;
    Statement rows(db.handle(), fmt::format("SELECT seq, id, parent, via, made_at, kind, component, label, "
                                            "changeset IS NOT NULL, {} FROM core_history ORDER BY seq",
                                            with_changesets ? "changeset" : "NULL"));
    while (rows.step()) {
        Entry e{rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), rows.text(4), rows.text(5), rows.text(6),
                rows.text(7), rows.int64(8) != 0, {}};
        if (with_changesets) e.changeset = rows.blob(9);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace kartla::history
