// Storage faults: a full disk, a second kartla on the same file, a network drive.
#include "scoped_env.hpp"
#include "must_open.hpp"
#include "headless.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "kartla/workshop.hpp"
#include "temp_dir.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <imgui_internal.h>
#include <stdlib.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

using namespace kartla;
using kartla::test::TempDir;

namespace {

std::unique_ptr<Workshop> open_or_fail(const std::filesystem::path& file, OpenMode mode = OpenMode::ReadWrite,
                                       bool lock = false) {
    auto opened = Workshop::open(file, mode, lock);
    if (auto* e = std::get_if<OpenError>(&opened)) FAIL("could not open: " << e->message);
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

std::string long_text(std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += "Trygghetsvandring i Östra Höjden, Älvstad centrum och Stationsområdet. ";
    return text;
}

// The disk is "full" at the current size: no page may be added.
void fill_disk(Workshop& workshop) {
    auto pages = workshop.db().scalar_int("PRAGMA page_count");
    workshop.db().exec("PRAGMA max_page_count = " + std::to_string(pages));
}

void free_disk(Workshop& workshop) { workshop.db().exec("PRAGMA max_page_count = 1073741823"); }

// Sets an environment variable for one scope.
}  // namespace

TEST_CASE("full disk: the edit fails with disk_full, the file is intact, a retry after space returns succeeds") {
    TempDir dir;
    auto file = dir / "full.kartla";
    auto workshop = kartla::test::must(Workshop::create(file));
    REQUIRE(workshop->edit("setup", [](Database& db) {
        core_data::set_meta(db, "title", "Kartläggning Älvstad");
        core_data::add_participant(db, "Kommunpolis", "Polisen");
    }));
    auto undo_depth_before = workshop->undo_label();
    auto revision_before = workshop->revision();

    fill_disk(*workshop);
    auto big = long_text(64 * 1024);
    auto failed = workshop->edit("Add notes", [&](Database& db) { core_data::add_participant(db, "Fältsekreterare", big); });
    CHECK_FALSE(failed.ok);
    CHECK(failed.disk_full);
    CHECK(failed.message.find("disk is full") != std::string::npos);
    CHECK(failed.message.find("nothing was lost") != std::string::npos);
    // Nothing half-done: no open transaction, no undo step, no revision change, old data there.
    CHECK_FALSE(workshop->db().in_transaction());
    CHECK(workshop->undo_label() == undo_depth_before);
    CHECK(workshop->revision() == revision_before);
    CHECK(core_data::participants(workshop->db()).size() == 1);
    CHECK(workshop->db().scalar_text("PRAGMA integrity_check") == "ok");

    free_disk(*workshop);
    auto retried = workshop->edit("Add notes", [&](Database& db) { core_data::add_participant(db, "Fältsekreterare", big); });
    CHECK(retried.ok);
    CHECK(core_data::participants(workshop->db()).size() == 2);
    workshop.reset();

    // What the disk holds after closing: both rows, and a sound file.
    auto reopened = open_or_fail(file, OpenMode::ReadOnly);
    CHECK(reopened->db().scalar_text("PRAGMA integrity_check") == "ok");
    auto people = core_data::participants(reopened->db());
    REQUIRE(people.size() == 2);
    CHECK(people[1].organisation == big);
    CHECK(core_data::meta(reopened->db(), "title") == "Kartläggning Älvstad");
}

TEST_CASE("full disk: undo and redo that need space fail cleanly and work once there is space") {
    TempDir dir;
    auto workshop = kartla::test::must(Workshop::create(dir / "undo-full.kartla"));
    auto big = long_text(32 * 1024);
    std::int64_t principal = 0;
    REQUIRE(workshop->edit("add", [&](Database& db) { principal = core_data::add_participant(db, "Rektor", big); }));
    REQUIRE(workshop->edit("remove", [&](Database& db) { core_data::remove_participant(db, principal); }));
    workshop->db().exec("VACUUM");  // give the freed pages back, so bringing the row back needs new ones
    fill_disk(*workshop);
    auto undone = workshop->undo();  // brings the 32 KB row back: needs pages
    CHECK_FALSE(undone.ok);
    CHECK(undone.disk_full);
    CHECK(workshop->undo_label() == "remove");  // the step stays available
    CHECK(core_data::participants(workshop->db()).empty());
    free_disk(*workshop);
    CHECK(workshop->undo().ok);
    REQUIRE(core_data::participants(workshop->db()).size() == 1);
    CHECK(core_data::participants(workshop->db())[0].organisation == big);
}

TEST_CASE("full disk: the workshop panel keeps the typed text in the field after a failed save") {
    TempDir dir;
    kartla::test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    runtime.set_workshop(kartla::test::must(Workshop::create(dir / "panel.kartla")));
    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);

    fill_disk(*runtime.workshop());
    // Long enough to need new pages, as a pasted paragraph would.
    std::string typed = long_text(12 * 1024);
    ui.click_item("workshop.meta.title");
    ui.type(typed);
    ui.key(keys::Enter);
    ui.frame(3);
    CHECK(core_data::meta(runtime.workshop()->db(), "title").empty());  // the save really failed

    // Back in the field, the text is still there to save again.
    ui.click_item("workshop.meta.title");
    ImGuiContext& g = *ui.context();
    REQUIRE(g.ActiveId != 0);
    REQUIRE(g.InputTextState.ID == g.ActiveId);
    CHECK(std::string(g.InputTextState.TextA.Data) == typed);

    // Space is back: leaving the field with Enter saves what was typed.
    free_disk(*runtime.workshop());
    ui.key(keys::Enter);
    ui.frame(2);
    CHECK(core_data::meta(runtime.workshop()->db(), "title") == typed);
}

TEST_CASE("a second kartla on the same file is told it is in use, and the file is not touched") {
    TempDir dir;
    auto file = dir / "shared.kartla";
    kartla::test::must(Workshop::create(file))->edit("title", [](Database& db) { core_data::set_meta(db, "title", "Östra Höjden"); });

    auto first = open_or_fail(file, OpenMode::ReadWrite, /*lock=*/true);
    auto bytes_before = kartla::test::read_bytes(file);
    auto wal_before = kartla::test::read_bytes(file.string() + "-wal");

    auto second = Workshop::open(file, OpenMode::ReadWrite, /*take_advisory_lock=*/true);
    auto* error = std::get_if<OpenError>(&second);
    REQUIRE(error != nullptr);
    CHECK(error->problem == OpenProblem::InUse);
    CHECK(error->message.find("already open") != std::string::npos);
    CHECK(kartla::test::read_bytes(file) == bytes_before);
    CHECK(kartla::test::read_bytes(file.string() + "-wal") == wal_before);

    // What `kartla info` does still works while the window holds the file, and sees its edits.
    REQUIRE(first->edit("place", [](Database& db) { core_data::set_meta(db, "place", "Stadshuset"); }));
    auto reader = open_or_fail(file, OpenMode::ReadOnly);
    CHECK(reader->read_only());
    CHECK(core_data::meta(reader->db(), "title") == "Östra Höjden");
    CHECK(core_data::meta(reader->db(), "place") == "Stadshuset");
    reader.reset();
    // And the real command line: `kartla info FILE` while the window holds the file.
    std::string command = std::string(KARTLA_TEST_BINARY) + " info '" + file.string() + "' 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    int status = ::pclose(pipe);
    CAPTURE(output);
    CHECK(status == 0);
    CHECK(output.find("Östra Höjden") != std::string::npos);

    // The window keeps working, and once it closes the file opens again.
    CHECK(first->edit("more", [](Database& db) { core_data::add_participant(db, "Rektor", "Skolan"); }).ok);
    first.reset();
    CHECK(std::holds_alternative<std::unique_ptr<Workshop>>(Workshop::open(file, OpenMode::ReadWrite, true)));
}

TEST_CASE("a second kartla window: the shell shows the in-use message and keeps its own workshop") {
    TempDir dir;
    auto file = dir / "held.kartla";
    kartla::test::must(Workshop::create(file)).reset();
    auto holder = open_or_fail(file, OpenMode::ReadWrite, true);

    kartla::test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    CHECK_FALSE(shell.open_file(file));
    CHECK(shell.error_dialog().find("already open") != std::string::npos);
    CHECK(runtime.workshop() == nullptr);
}

TEST_CASE("network drive (test hook KARTLA_ASSUME_NETWORK_FS=1): no WAL, exclusive locking, and the user is told") {
    TempDir dir;
    auto file = dir / "network.kartla";
    kartla::test::must(Workshop::create(file)).reset();
    kartla::test::ScopedEnv network("KARTLA_ASSUME_NETWORK_FS", "1");

    auto workshop = open_or_fail(file, OpenMode::ReadWrite, true);
    CHECK(workshop->storage() == StorageKind::NetworkExclusive);
    CHECK(workshop->db().scalar_text("PRAGMA journal_mode") == "delete");
    CHECK(workshop->db().scalar_text("PRAGMA locking_mode") == "exclusive");
    CHECK(workshop->storage_note().find("network drive") != std::string::npos);
    CHECK(workshop->edit("edit", [](Database& db) { core_data::set_meta(db, "title", "Nätverk"); }).ok);
    CHECK_FALSE(std::filesystem::exists(file.string() + "-wal"));

    // Exclusive from the moment it opens: a second kartla is refused even before the first edit.
    auto second = Workshop::open(file, OpenMode::ReadWrite, true);
    REQUIRE(std::holds_alternative<OpenError>(second));
    CHECK(std::get<OpenError>(second).problem == OpenProblem::InUse);
    workshop.reset();

    // Back on a local disk the same file is WAL again.
    ::unsetenv("KARTLA_ASSUME_NETWORK_FS");
    auto local = open_or_fail(file);
    CHECK(local->storage() == StorageKind::LocalWal);
    CHECK(local->db().scalar_text("PRAGMA journal_mode") == "wal");
    CHECK(local->storage_note().empty());
    CHECK(core_data::meta(local->db(), "title") == "Nätverk");
}

TEST_CASE("network drive: a window that opened the file holds it before any edit") {
    TempDir dir;
    auto file = dir / "network-fresh.kartla";
    kartla::test::must(Workshop::create(file)).reset();
    kartla::test::ScopedEnv network("KARTLA_ASSUME_NETWORK_FS", "1");
    open_or_fail(file).reset();  // the file is now in rollback-journal mode, as on the drive after a first use
    auto first = open_or_fail(file, OpenMode::ReadWrite, true);
    auto second = Workshop::open(file, OpenMode::ReadWrite, true);
    REQUIRE(std::holds_alternative<OpenError>(second));
    CHECK(std::get<OpenError>(second).problem == OpenProblem::InUse);
    // The first one is not disturbed by the attempt.
    CHECK(first->edit("edit", [](Database& db) { core_data::add_participant(db, "Kommunpolis", "Polisen"); }).ok);
}
