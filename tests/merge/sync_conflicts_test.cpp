// Conflict copies of sync clients beside the open file (storage/sync_conflicts.hpp).
#include "storage/sync_conflicts.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using kartla::sync_conflicts::is_conflict_copy;

TEST_CASE("the conflict copies of OneDrive, SharePoint, Nextcloud, Syncthing and Dropbox are recognised") {
    CHECK(is_conflict_copy("plan-LAPTOP-7.kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan-DESKTOP-4F2K9QL.kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan (conflicted copy 2026-12-06 101500).kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan (conflicted copy 2026-12-06).kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan.sync-conflict-20261206-101500-ABC.kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan.sync-conflict-20261206-101500-7QXJ4ZA.kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan (Machine's conflicted copy 2026-12-06).kartla", "plan.kartla"));
    CHECK(is_conflict_copy("plan (Brottsförebyggarnas dator\xE2\x80\x99s conflicted copy 2026-12-06 (1)).kartla", "plan.kartla"));
    CHECK(is_conflict_copy("Trygghetsvandring Åby-LAPTOP-7.kartla", "Trygghetsvandring Åby.kartla"));
}

TEST_CASE("other files beside it are not taken for conflict copies") {
    CHECK_FALSE(is_conflict_copy("plan.kartla", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("plan-old.kartla", "plan.kartla"));      // lower case: a name someone gave
    CHECK_FALSE(is_conflict_copy("plan-2.kartla", "plan.kartla"));        // a number alone is no computer
    CHECK_FALSE(is_conflict_copy("plan-LAPTOP-7.pdf", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("planer-LAPTOP-7.kartla", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("plan (copy).kartla", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("plan.sync-conflict-2026-ABC.kartla", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("other (conflicted copy 2026-12-06).kartla", "plan.kartla"));
    CHECK_FALSE(is_conflict_copy("plan.kartla-wal", "plan.kartla"));
}

TEST_CASE("the copies beside a file are found in its folder") {
    kartla::test::TempDir dir;
    for (const char* name : {"plan.kartla", "plan-LAPTOP-7.kartla", "plan.sync-conflict-20261206-101500-ABC.kartla",
                             "annan.kartla", "plan-LAPTOP-7.kartla-wal"})
        kartla::test::write_bytes(dir / name, "x");
    auto found = kartla::sync_conflicts::beside(dir / "plan.kartla");
    REQUIRE(found.size() == 2);
    CHECK(found[0].filename() == "plan-LAPTOP-7.kartla");
    CHECK(found[1].filename() == "plan.sync-conflict-20261206-101500-ABC.kartla");
}
