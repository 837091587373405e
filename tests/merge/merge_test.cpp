// Merging two copies of one workshop (storage/merge.hpp), case by case.
#include "copies.hpp"
#include "storage/history.hpp"
#include "storage/merge.hpp"
#include "storage/other_copy.hpp"

#include <doctest/doctest.h>

using namespace kartla;
using kartla::test::Copies;
using kartla::test::content_dump;

namespace {

const std::vector<std::string> kSchema = {
    "CREATE TABLE mtest_cluster(id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE mtest_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', "
    "  cluster_id INTEGER REFERENCES mtest_cluster(id) ON DELETE SET NULL);"
    "CREATE TABLE mtest_vote(id INTEGER PRIMARY KEY, card_id INTEGER NOT NULL REFERENCES mtest_card(id) ON DELETE CASCADE, "
    "  who TEXT NOT NULL DEFAULT '')",
};

std::int64_t insert(Workshop& w, const std::string& sql, const std::string& text, std::int64_t ref = 0) {
    std::int64_t id = 0;
    auto done = w.edit("Add", [&](Database& db) {
        if (ref) db.run(sql, text, ref);
        else db.run(sql, text);
        id = db.last_insert_id();
    });
    REQUIRE_MESSAGE(done.ok, done.message);
    return id;
}

std::int64_t add_card(Workshop& w, const std::string& title) {
    return insert(w, "INSERT INTO mtest_card(id, title) VALUES (kartla_key(), ?)", title);
}

void set(Workshop& w, std::int64_t card, const std::string& column, const std::string& value) {
    auto done = w.edit("Change", [&](Database& db) {
        db.run("UPDATE mtest_card SET \"" + column + "\" = ? WHERE id = ?", value, card);
    });
    REQUIRE_MESSAGE(done.ok, done.message);
}

void remove(Workshop& w, const std::string& table, std::int64_t id) {
    auto done = w.edit("Delete", [&](Database& db) { db.run("DELETE FROM " + table + " WHERE id = ?", id); });
    REQUIRE_MESSAGE(done.ok, done.message);
}

std::string title(Workshop& w, std::int64_t card) {
    return w.db().scalar_text("SELECT title FROM mtest_card WHERE id = ?", card);
}

}  // namespace

TEST_CASE("edits to different rows and fields of two copies merge without a conflict, as one undo step") {
    Copies copies("mtest", kSchema);
    auto shared = add_card(copies.base(), "Klotter");
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    auto here = add_card(*mine, "Trasig belysning vid Åbyvägen");
    auto there = add_card(*theirs, "Nedskräpning på torget");
    set(*mine, shared, "title", "Klotter på skolan");
    set(*theirs, shared, "note", "Anmält till kommunen");
    auto before = content_dump(mine->db());

    auto outcome = merge::merge(*mine, *theirs, {});
    CHECK(outcome.refusal == "");
    CHECK(outcome.conflicts.empty());
    CHECK(outcome.merged());
    CHECK(title(*mine, here) == "Trasig belysning vid Åbyvägen");
    CHECK(title(*mine, there) == "Nedskräpning på torget");
    CHECK(title(*mine, shared) == "Klotter på skolan");
    CHECK(mine->db().scalar_text("SELECT note FROM mtest_card WHERE id = ?", shared) == "Anmält till kommunen");
    CHECK(mine->undo_step().msgid == "Merge another copy");
    REQUIRE(mine->undo());
    CHECK(content_dump(mine->db()) == before);
    REQUIRE(mine->redo());

    // Merged once, the other copy has nothing more to give; merged back, both hold the same.
    auto again = merge::merge(*mine, *theirs, {});
    CHECK(again.merged());
    CHECK(again.changes == 0);
    auto back = merge::merge(*theirs, *mine, {});
    CHECK(back.merged());
    CHECK(back.conflicts.empty());
    CHECK(content_dump(theirs->db()) == content_dump(mine->db()));
}

TEST_CASE("the same field changed in both copies is a conflict, decided only by a choice") {
    Copies copies("mtest", kSchema);
    auto card = add_card(copies.base(), "Klotter");
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    set(*mine, card, "title", "Klotter – min version");
    set(*theirs, card, "title", "Klotter – den andra");
    set(*theirs, card, "note", "Bara där");

    auto found = merge::merge(*mine, *theirs, {});
    REQUIRE(found.conflicts.size() == 1);
    const auto& c = found.conflicts.front();
    CHECK(c.kind == merge::ConflictKind::BothChanged);
    CHECK(c.table == "mtest_card");
    CHECK(c.column == "title");
    CHECK(c.mine == "\"Klotter – min version\"");
    CHECK(c.theirs == "\"Klotter – den andra\"");
    CHECK(found.unchosen == std::vector<std::string>{c.key});
    CHECK_FALSE(found.merged());
    CHECK(title(*mine, card) == "Klotter – min version");  // nothing applied
    CHECK(mine->db().scalar_text("SELECT note FROM mtest_card WHERE id = ?", card) == "");

    auto chosen = merge::merge(*mine, *theirs, {{c.key, merge::Choice::Theirs}});
    CHECK(chosen.merged());
    CHECK(title(*mine, card) == "Klotter – den andra");
    CHECK(mine->db().scalar_text("SELECT note FROM mtest_card WHERE id = ?", card) == "Bara där");
    // The value not chosen is kept in the history.
    auto note = mine->db().scalar_text("SELECT note FROM core_history WHERE kind = 'choice'");
    CHECK(note.find("Klotter – min version") != std::string::npos);
    CHECK(note.find("\"chosen\":\"theirs\"") != std::string::npos);
}

TEST_CASE("a row changed in one copy and deleted in the other is a conflict either way round") {
    Copies copies("mtest", kSchema);
    auto card = add_card(copies.base(), "Klotter");
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    remove(*mine, "mtest_card", card);
    set(*theirs, card, "title", "Klotter vid stationen");

    auto here = merge::merge(*mine, *theirs, {});
    REQUIRE(here.conflicts.size() == 1);
    CHECK(here.conflicts[0].kind == merge::ConflictKind::DeletedHere);
    auto there = merge::merge(*theirs, *mine, {});
    REQUIRE(there.conflicts.size() == 1);
    CHECK(there.conflicts[0].kind == merge::ConflictKind::DeletedThere);
    CHECK(there.conflicts[0].key == here.conflicts[0].key);

    // Keeping the changed row, whichever copy it is merged into, gives the same workshop.
    CHECK(merge::merge(*mine, *theirs, {{here.conflicts[0].key, merge::Choice::Theirs}}).merged());
    CHECK(merge::merge(*theirs, *mine, {{here.conflicts[0].key, merge::Choice::Mine}}).merged());
    CHECK(title(*mine, card) == "Klotter vid stationen");
    CHECK(content_dump(mine->db()) == content_dump(theirs->db()));
}

TEST_CASE("a row added in one copy that refers to a row deleted in the other is a conflict") {
    Copies copies("mtest", kSchema);
    auto card = add_card(copies.base(), "Klotter");
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    remove(*mine, "mtest_card", card);
    auto vote = insert(*theirs, "INSERT INTO mtest_vote(id, who, card_id) VALUES (kartla_key(), ?, ?)", "Polisen", card);

    auto found = merge::merge(*mine, *theirs, {});
    REQUIRE(found.conflicts.size() == 1);
    CHECK(found.conflicts[0].kind == merge::ConflictKind::MissingReference);
    CHECK(found.conflicts[0].table == "mtest_vote");
    CHECK(found.conflicts[0].mine == "null");  // deleted here
    CHECK(found.conflicts[0].theirs.find("Klotter") != std::string::npos);
    SUBCASE("keeping the deletion drops the vote") {
        CHECK(merge::merge(*mine, *theirs, {{found.conflicts[0].key, merge::Choice::Mine}}).merged());
        CHECK(mine->db().scalar_int("SELECT count(*) FROM mtest_vote") == 0);
        CHECK(mine->db().scalar_int("SELECT count(*) FROM mtest_card") == 0);
    }
    SUBCASE("keeping the vote brings the card back") {
        CHECK(merge::merge(*mine, *theirs, {{found.conflicts[0].key, merge::Choice::Theirs}}).merged());
        CHECK(mine->db().scalar_int("SELECT count(*) FROM mtest_vote WHERE id = ?", vote) == 1);
        CHECK(title(*mine, card) == "Klotter");
    }
    CHECK(mine->db().scalar_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("two different workshops are refused with a plain message") {
    Copies one("mtest", kSchema), two("mtest", kSchema);
    add_card(two.base(), "Klotter");
    auto outcome = merge::merge(one.base(), two.base(), {});
    CHECK(outcome.refusal.find("no edit in common") != std::string::npos);
    CHECK(one.base().db().scalar_int("SELECT count(*) FROM mtest_card") == 0);
}

TEST_CASE("the other copy's history purged after the copies parted is refused, not guessed") {
    Copies copies("mtest", kSchema);
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    add_card(*theirs, "Klotter");
    theirs->db().run("UPDATE core_history SET changeset = NULL");
    auto outcome = merge::merge(*mine, *theirs, {});
    CHECK(outcome.refusal.find("purged") != std::string::npos);
}

namespace {

// A copy of the base with `sql` run in it behind kartla's back, opened as the other copy of a merge:
// the sentence it was refused with, or empty when it opened.
std::string other_copy_refusal(Copies& copies, Workshop& mine, const std::string& name, const std::string& sql) {
    copies.copy(name);  // written and closed again
    {
        Database raw((copies.dir() / name).string(), 0x2 /* SQLITE_OPEN_READWRITE */);
        raw.exec(sql);
    }
    auto opened = other_copy::open(copies.dir() / name, mine, copies.known());
    return std::holds_alternative<std::string>(opened) ? std::get<std::string>(opened) : std::string();
}

}  // namespace

TEST_CASE("the other copy is opened with the same trust checks as any file") {
    Copies copies("mtest", kSchema);
    auto mine = copies.copy("mine.kartla");
    CHECK(other_copy_refusal(copies, *mine, "theirs.kartla",
                             "CREATE TRIGGER evil AFTER INSERT ON mtest_card BEGIN DELETE FROM mtest_card; END")
              .find("evil") != std::string::npos);
    CHECK(other_copy_refusal(copies, *mine, "newer.kartla", "PRAGMA user_version = 99").find("newer kartla") !=
          std::string::npos);
    CHECK(other_copy_refusal(copies, *mine, "fine.kartla", "SELECT 1").empty());
    auto itself = other_copy::open(mine->path(), *mine, copies.known());
    CHECK(std::holds_alternative<std::string>(itself));
}

TEST_CASE("a hostile other copy whose history does not fit this file's tables is refused") {
    Copies copies("mtest", kSchema);
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    add_card(*theirs, "Klotter");
    // The changeset names a table this file does not have.
    auto& changeset = theirs->db().prepare("SELECT changeset FROM core_history ORDER BY seq DESC LIMIT 1").with();
    REQUIRE(changeset.step());
    auto bytes = changeset.blob(0);
    changeset.reset();
    std::string text(bytes.begin(), bytes.end());
    auto at = text.find("mtest_card");
    REQUIRE(at != std::string::npos);
    bytes[at + 6] = 'x';  // mtest_xard
    theirs->db().prepare("UPDATE core_history SET changeset = ? WHERE seq = (SELECT max(seq) FROM core_history)")
        .with()
        .bind_blob(1, bytes)
        .run();
    auto outcome = merge::merge(*mine, *theirs, {});
    CHECK(outcome.refusal == "Nothing was merged: the other copy's changes do not fit this file's tables.");
    CHECK(mine->db().scalar_int("SELECT count(*) FROM mtest_card") == 0);
}

TEST_CASE("a merge undone can be merged again, and does not undo the other copy's work when merged back") {
    Copies copies("mtest", kSchema);
    auto card = add_card(copies.base(), "Klotter");
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    set(*theirs, card, "title", "Klotter vid stationen");
    auto before = content_dump(mine->db());
    REQUIRE(merge::merge(*mine, *theirs, {}).merged());
    REQUIRE(mine->undo());
    CHECK(content_dump(mine->db()) == before);
    // Merged back, this copy's taking and giving back is nothing to the other copy.
    auto back = merge::merge(*theirs, *mine, {});
    CHECK(back.merged());
    CHECK(title(*theirs, card) == "Klotter vid stationen");
    // And the other copy's change comes in again when asked.
    auto again = merge::merge(*mine, *theirs, {});
    CHECK(again.merged());
    CHECK(title(*mine, card) == "Klotter vid stationen");
    CHECK(merge::merge(*mine, *theirs, {}).changes == 0);  // and now it is here for good
}
