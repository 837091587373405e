// A link (core_link) that a merge would leave pointing at nothing: one copy
// deleted a card, the other linked to it. SQLite sees no reference there (a
// link names its ends by kind and id), so the merge checks the ends of the
// kinds whose tables it is told (EntityKindSpec::table) and asks.
#include "copies.hpp"
#include "storage/merge.hpp"

#include "kartla/core_data.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

using namespace kartla;
using kartla::test::Copies;
using kartla::test::content_dump;

namespace {

const std::vector<std::string> kLinkSchema = {
    "CREATE TABLE mlink_card(id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '')",
};
// What the plugin that owns mlink_card says of its entity kind "problem".
const merge::LinkTargets kLinks = {{"problem", "mlink_card"}};

std::int64_t add_linked_card(Workshop& w, const std::string& title) {
    std::int64_t id = 0;
    auto done = w.edit("Add card", [&](Database& db) {
        db.run("INSERT INTO mlink_card(id, title) VALUES (kartla_key(), ?)", title);
        id = db.last_insert_id();
    });
    REQUIRE_MESSAGE(done.ok, done.message);
    return id;
}

// As a plugin deletes an entity: its links go with it.
void delete_card(Workshop& w, std::int64_t card) {
    auto done = w.edit("Delete card", [&](Database& db) {
        core_data::remove_links_of(db, {"problem", card});
        db.run("DELETE FROM mlink_card WHERE id = ?", card);
    });
    REQUIRE_MESSAGE(done.ok, done.message);
}

void link(Workshop& w, const core_data::LinkEnd& from, std::int64_t card) {
    auto done = w.edit("Link", [&](Database& db) { core_data::add_link(db, from, {"problem", card}, "concerns"); });
    REQUIRE_MESSAGE(done.ok, done.message);
}

std::int64_t links_to(Workshop& w, std::int64_t card) {
    return w.db().scalar_int("SELECT count(*) FROM core_link WHERE to_kind = 'problem' AND to_id = ?", card);
}

std::int64_t add_participant(Workshop& w) {
    std::int64_t id = 0;
    auto done = w.edit("Add participant", [&](Database& db) { id = core_data::add_participant(db, "Samordnare", "Kommunen"); });
    REQUIRE_MESSAGE(done.ok, done.message);
    return id;
}

}  // namespace

TEST_CASE("a link made in one copy to a card the other deleted is a conflict, from either side") {
    Copies copies("mlink", kLinkSchema);
    auto card = add_linked_card(copies.base(), "Klotter vid skolan");
    auto participant = add_participant(copies.base());
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    delete_card(*mine, card);
    link(*theirs, {"participant", participant}, card);

    auto here = merge::merge(*mine, *theirs, {}, kLinks);
    REQUIRE(here.conflicts.size() == 1);
    const auto& c = here.conflicts[0];
    CHECK(c.kind == merge::ConflictKind::MissingReference);
    CHECK(c.table == "core_link");
    CHECK(c.column == "to_id");
    CHECK(c.mine == "null");  // the card is deleted here
    CHECK(c.theirs.find("Klotter vid skolan") != std::string::npos);
    CHECK(links_to(*mine, card) == 0);  // nothing merged before the choice

    // The other way round: the same place, named by the same key.
    auto there = merge::merge(*theirs, *mine, {}, kLinks);
    REQUIRE(there.conflicts.size() == 1);
    CHECK(there.conflicts[0].key == c.key);
    CHECK(there.conflicts[0].kind == merge::ConflictKind::MissingReference);
    CHECK(there.conflicts[0].theirs == "null");

    SUBCASE("keeping the deletion drops the link, in both directions alike") {
        REQUIRE(merge::merge(*mine, *theirs, {{c.key, merge::Choice::Mine}}, kLinks).merged());
        REQUIRE(merge::merge(*theirs, *mine, {{c.key, merge::Choice::Theirs}}, kLinks).merged());
        CHECK(links_to(*mine, card) == 0);
        CHECK(mine->db().scalar_int("SELECT count(*) FROM mlink_card") == 0);
    }
    SUBCASE("keeping the link brings the card back, in both directions alike") {
        REQUIRE(merge::merge(*mine, *theirs, {{c.key, merge::Choice::Theirs}}, kLinks).merged());
        REQUIRE(merge::merge(*theirs, *mine, {{c.key, merge::Choice::Mine}}, kLinks).merged());
        CHECK(links_to(*mine, card) == 1);
        CHECK(mine->db().scalar_text("SELECT title FROM mlink_card WHERE id = ?", card) == "Klotter vid skolan");
    }
    CHECK(content_dump(mine->db()) == content_dump(theirs->db()));
}

TEST_CASE("a link from a participant the other copy removed is a conflict too (the core's own kind)") {
    Copies copies("mlink", kLinkSchema);
    auto card = add_linked_card(copies.base(), "Skadegörelse");
    auto participant = add_participant(copies.base());
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    auto removed = mine->edit("Remove participant", [&](Database& db) { core_data::remove_participant(db, participant); });
    REQUIRE(removed.ok);
    link(*theirs, {"participant", participant}, card);

    auto found = merge::merge(*mine, *theirs, {}, kLinks);
    REQUIRE(found.conflicts.size() == 1);
    CHECK(found.conflicts[0].kind == merge::ConflictKind::MissingReference);
    CHECK(found.conflicts[0].column == "from_id");
}

TEST_CASE("links between rows both copies keep merge without a conflict, and an old dangling link is not news") {
    Copies copies("mlink", kLinkSchema);
    auto card = add_linked_card(copies.base(), "Klotter");
    auto gone = add_linked_card(copies.base(), "Borttagen");
    auto participant = add_participant(copies.base());
    // A link to nothing the file had before the copies parted (an older kartla's) is not the merge's doing.
    auto stale = copies.base().edit("Stale link", [&](Database& db) {
        core_data::add_link(db, {"participant", participant}, {"problem", gone}, "concerns");
        db.run("DELETE FROM mlink_card WHERE id = ?", gone);
    });
    REQUIRE(stale.ok);
    auto mine = copies.copy("mine.kartla");
    auto theirs = copies.copy("theirs.kartla");
    add_linked_card(*mine, "Nytt kort");
    link(*theirs, {"participant", participant}, card);

    auto outcome = merge::merge(*mine, *theirs, {}, kLinks);
    CHECK(outcome.refusal == "");
    CHECK(outcome.conflicts.empty());
    CHECK(outcome.merged());
    CHECK(links_to(*mine, card) == 1);
}
