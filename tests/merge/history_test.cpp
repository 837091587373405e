// The history a workshop file carries (storage/history.hpp) and the keys rows
// get (storage/row_keys.hpp).
#include "copies.hpp"
#include "storage/core_schema.hpp"
#include "storage/history.hpp"
#include "storage/merge.hpp"
#include "storage/other_copy.hpp"
#include "storage/row_keys.hpp"
#include "text/privacy_scan.hpp"

#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

using namespace kartla;

namespace {

const std::vector<std::string> kHistorySchema = {
    "CREATE TABLE mtest_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '')",
};

std::int64_t add_history_card(Workshop& w, const std::string& title) {
    std::int64_t id = 0;
    w.edit("Add card", [&](Database& db) {
        db.run("INSERT INTO mtest_card(id, title) VALUES (kartla_key(), ?)", title);
        id = db.last_insert_id();
    });
    return id;
}

}  // namespace

TEST_CASE("row keys grow, stay below 2^53 and begin with the time they were made") {
    const std::int64_t june_2026 = 1'780'000'000'000;
    auto first = row_keys::next(june_2026, 0, 5);
    CHECK(first > (std::int64_t(1) << 40));
    CHECK(first < (std::int64_t(1) << 53));
    CHECK(row_keys::next(june_2026, first, 5) == first + 1);        // the same millisecond: still unique
    CHECK(row_keys::next(june_2026 - 1000, first, 7) == first + 1);  // the clock went back: still growing
    CHECK(row_keys::next(june_2026 + 1, 0, 0) > row_keys::next(june_2026, 0, 2047));  // ordered by time first
}

TEST_CASE("kartla_key() gives every row of an edit its own key, and a later edit a greater one") {
    auto w = Workshop::in_memory();
    REQUIRE(w->migrate_plugin("mtest", kHistorySchema).empty());
    std::vector<std::int64_t> keys;
    w->edit("Add cards", [&](Database& db) {
        for (int i = 0; i < 100; ++i) {
            db.run("INSERT INTO mtest_card(id, title) VALUES (kartla_key(), 'x')");
            keys.push_back(db.last_insert_id());
        }
    });
    for (std::size_t i = 1; i < keys.size(); ++i) CHECK(keys[i] > keys[i - 1]);
    CHECK(add_history_card(*w, "later") > keys.back());
    // The core's own rows too: a participant made now has a key of this scheme.
    std::int64_t participant = 0;
    w->edit("Add participant", [&](Database& db) { participant = core_data::add_participant(db, "Polis", "Kommunpolis"); });
    CHECK(participant > (std::int64_t(1) << 40));
}

TEST_CASE("every edit, undo and redo is in the file's history, each the child of the one before") {
    kartla::test::Copies copies("mtest", kHistorySchema);
    auto& w = copies.base();
    add_history_card(w, "Klotter vid skolan");
    add_history_card(w, "Trasig belysning");
    REQUIRE(w.undo());
    REQUIRE(w.redo());
    auto entries = history::entries(w.db(), true);
    REQUIRE(entries.size() >= 5);
    CHECK(entries.front().kind == "start");
    std::vector<std::string> kinds;
    for (std::size_t i = entries.size() - 4; i < entries.size(); ++i) kinds.push_back(entries[i].kind);
    CHECK(kinds == std::vector<std::string>{"edit", "edit", "undo", "redo"});
    for (std::size_t i = 1; i < entries.size(); ++i) CHECK(entries[i].parent == entries[i - 1].id);
    CHECK(entries.back().component == "core");
    CHECK(entries.back().label == "Add card");
    CHECK(entries.back().has_changeset);
    CHECK(entries.back().made_at.size() == 20);  // 2026-12-07T03:05:00Z
    // A copy carries the same history: the two share every entry so far.
    auto copy = copies.copy("copy.kartla");
    auto copied = history::entries(copy->db(), false);
    REQUIRE(copied.size() == entries.size());
    for (std::size_t i = 0; i < copied.size(); ++i) CHECK(copied[i].id == entries[i].id);
}

TEST_CASE("two workshops start different histories") {
    kartla::test::Copies one("mtest", kHistorySchema), two("mtest", kHistorySchema);
    CHECK(history::entries(one.base().db(), false).front().id != history::entries(two.base().db(), false).front().id);
}

TEST_CASE("the history stays within its bounds") {
    auto w = Workshop::in_memory();
    auto& db = w->db();
    db.run("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < ?) "
           "INSERT INTO core_history(id, kind, changeset) SELECT v + 100, 'edit', zeroblob(4000) FROM n",
           history::kMaxEntries + 300);
    history::compact(db);
    CHECK(db.scalar_int("SELECT count(*) FROM core_history") == history::kMaxEntries);
    CHECK(db.scalar_int("SELECT sum(length(changeset)) FROM core_history") <= history::kMaxChangesetBytes);
    // The newest changesets are the ones kept.
    CHECK(db.scalar_int("SELECT changeset IS NOT NULL FROM core_history ORDER BY seq DESC LIMIT 1") == 1);
    CHECK(db.scalar_int("SELECT changeset IS NULL FROM core_history ORDER BY seq LIMIT 1") == 1);
}

TEST_CASE("purging deleted text removes it from the history's bytes too") {
    kartla::test::Copies copies("mtest", kHistorySchema);
    auto& w = copies.base();
    const std::string secret = "Personnummer 19121212-1212 hos Ödmark";
    auto card = add_history_card(w, secret);
    w.edit("Rename card", [&](Database& db) { db.run("UPDATE mtest_card SET title = 'Klotter' WHERE id = ?", card); });
    auto path = w.path();
    REQUIRE(privacy::purge_deleted_text(w));
    auto bytes = kartla::test::read_bytes(path);
    std::string wal;
    if (std::filesystem::exists(path.string() + "-wal")) wal = kartla::test::read_bytes(path.string() + "-wal");
    CHECK(bytes.find("19121212-1212") == std::string::npos);
    CHECK(wal.find("19121212-1212") == std::string::npos);
    CHECK(bytes.find("Klotter") != std::string::npos);
    // The history's ids stay: a copy made before the purge still finds its common ancestor.
    CHECK(history::entries(w.db(), false).size() >= 3);
}

TEST_CASE("the saves of one gesture are one entry of the history, as they are one undo step") {
    kartla::test::Copies copies("mtest", kHistorySchema);
    auto& w = copies.base();
    auto card = add_history_card(w, "");
    auto before = history::entries(w.db(), false).size();
    auto first_id = std::int64_t(0);
    for (const char* typed : {"K", "Kl", "Klo", "Klotter"}) {
        w.edit(EditLabel{"core", "Rename card"},
               [&](Database& db) { db.run("UPDATE mtest_card SET title = ? WHERE id = ?", std::string(typed), card); }, 7);
        if (!first_id) first_id = history::entries(w.db(), false).back().id;
    }
    auto entries = history::entries(w.db(), true);
    CHECK(entries.size() == before + 1);
    CHECK(entries.back().id != first_id);  // a copy made after "K" does not hold this entry as it is now
    // Typed and erased again: nothing to undo, nothing in the history.
    for (const char* typed : {"Klotter!", "Klotter"})
        w.edit(EditLabel{"core", "Rename card"},
               [&](Database& db) { db.run("UPDATE mtest_card SET title = ? WHERE id = ?", std::string(typed), card); }, 8);
    CHECK(history::entries(w.db(), false).size() == before + 1);
}

TEST_CASE("core schema 5 keeps the history's entries without an index on their ids, and a copy at 4 still merges") {
    test::TempDir dir;
    auto file = dir / "fyra.kartla";
    {
        // A file as the kartla with core schema 4 wrote it, with one edit in its history.
        Database db(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        for (std::size_t v = 0; v < 4; ++v) db.exec(core_schema::migrations()[v]);
        db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = 4", kApplicationId));
        db.exec("INSERT INTO core_history(id, parent, kind, component, label, changeset) "
                "SELECT 12345, id, 'edit', 'core', 'Add participant', x'00' FROM core_history");
        CHECK(db.scalar_int("SELECT count(*) FROM pragma_index_list('core_history')") == 1);  // UNIQUE (id)
    }
    std::filesystem::copy_file(file, dir / "fyra-LAPTOP-7.kartla");
    auto before = [&] {
        Database db(file.string(), SQLITE_OPEN_READONLY);
        return history::entries(db, true);
    }();
    auto opened = Workshop::open(file, OpenMode::ReadWrite);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    auto& w = *std::get<std::unique_ptr<Workshop>>(opened);
    CHECK(w.db().scalar_int("PRAGMA user_version") == 5);
    CHECK(w.db().scalar_int("SELECT count(*) FROM pragma_index_list('core_history')") == 0);
    auto after = history::entries(w.db(), true);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        CHECK(after[i].parent == before[i].parent);
        CHECK(after[i].kind == before[i].kind);
        CHECK(after[i].changeset == before[i].changeset);
    }
    // The sync client's copy, still at 4, is the same workshop to merge.
    auto theirs = other_copy::open(dir / "fyra-LAPTOP-7.kartla", w, {});
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(theirs));
    CHECK(merge::merge(w, *std::get<std::unique_ptr<Workshop>>(theirs), {}).merged());
}
