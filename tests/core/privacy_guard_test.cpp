// The personal-data guard over a whole workshop: scan, mask, purge, the field
// warning, the export review and what `kartla info` reports.
#include "headless.hpp"
#include "cli/info.hpp"
#include "kartla/core_data.hpp"
#include "kartla/keys.hpp"
#include "text/privacy_scan.hpp"
#include "host/runtime.hpp"
#include "temp_dir.hpp"
#include "ui/shell/settings.hpp"
#include "ui/panels/privacy_panel.hpp"
#include "ui/shell/shell.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>

using namespace kartla;

namespace {
// The well-known test number 121212-1212 (valid checksum), never a real person's.
constexpr const char* kIdentity = "121212-1212";

std::unique_ptr<Workshop> open_file(const std::filesystem::path& path) {
    auto opened = Workshop::open(path);
    REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(opened));
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

std::string file_and_wal_bytes(const std::filesystem::path& path) {
    std::error_code ec;
    std::string bytes = test::read_bytes(path);
    if (std::filesystem::exists(path.string() + "-wal", ec)) bytes += test::read_bytes(path.string() + "-wal");
    return bytes;
}
}  // namespace

TEST_CASE("the scan finds personal data in core and plugin tables and never shows it") {
    auto w = Workshop::in_memory();
    REQUIRE(w->migrate_plugin("notes", {"CREATE TABLE notes_note(id INTEGER PRIMARY KEY, body TEXT, n INTEGER)"}).empty());
    REQUIRE(w->edit("setup", [](Database& db) {
        core_data::set_meta(db, "purpose", std::string("Ring 070-123 45 67 om Östra Höjden"));
        core_data::add_participant(db, "Fältsekreterare", "Socialförvaltningen");
        db.run("INSERT INTO notes_note(body, n) VALUES (?, 1212121212)", std::string("Anmälan gäller ") + kIdentity);
        db.run("INSERT INTO notes_note(body, n) VALUES ('Möte 2024-05-17 kl 14.30, budget 125000 kr', 2)");
    }));
    auto hits = privacy::scan_workshop(w->db());
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].table == "core_meta");
    CHECK(hits[0].kind == privacy::HitKind::PhoneNumber);
    CHECK(hits[1].table == "notes_note");
    CHECK(hits[1].column == "body");  // the integer column is not text
    CHECK(hits[1].kind == privacy::HitKind::PersonalIdentityNumber);
    CHECK(hits[1].masked_excerpt.find("1212") == std::string::npos);
    CHECK(hits[1].masked_excerpt.find("[personnummer]") != std::string::npos);
}

TEST_CASE("masking is one undoable edit") {
    auto w = Workshop::in_memory();
    REQUIRE(w->edit("setup", [](Database& db) {
        core_data::set_meta(db, "title", std::string("Kontakt: samordnare@alvstad.se, ") + kIdentity);
    }));
    REQUIRE(privacy::mask_all(*w));
    CHECK(core_data::meta(w->db(), "title") == "Kontakt: [e-post], [personnummer]");
    CHECK(privacy::scan_workshop(w->db()).empty());
    REQUIRE(w->undo());
    CHECK(privacy::scan_workshop(w->db()).size() == 2);
}

TEST_CASE("purge removes deleted text from the file's bytes, WAL included") {
    test::TempDir dir;
    auto path = dir / "w.kartla";
    {
        auto created = Workshop::create(path);
        REQUIRE(std::holds_alternative<std::unique_ptr<Workshop>>(created));
    }
    auto w = open_file(path);
    const std::string secret = std::string("Kvarglömd anteckning ") + kIdentity + " om Stationsområdet";
    REQUIRE(w->edit("write", [&](Database& db) { core_data::set_meta(db, "purpose", secret); }));
    REQUIRE(w->edit("delete", [&](Database& db) { core_data::set_meta(db, "purpose", ""); }));
    CHECK(file_and_wal_bytes(path).find(secret) != std::string::npos);  // still in the WAL: the test can see it
    REQUIRE(privacy::purge_deleted_text(*w));
    CHECK(!w->can_undo());
    CHECK(file_and_wal_bytes(path).find(secret) == std::string::npos);
    CHECK(file_and_wal_bytes(path).find("1212") == std::string::npos);
}

TEST_CASE("a field with personal data is marked as it is typed and masked with one tap") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    REQUIRE(shell.create_file(dir / "w.kartla"));
    ui.set_ui([&] { shell.frame(); });
    ui.frame(2);
    CHECK(!ui.has_item("privacy.warning"));
    ui.click_item("workshop.meta.place");
    ui.type(std::string("Ring ") + "070-123 45 67");
    CHECK(ui.has_item("privacy.warning"));  // while typing, before anything is saved
    ui.key(keys::Enter);
    CHECK(core_data::meta(runtime.workshop()->db(), "place") == "Ring 070-123 45 67");
    shell.stage().show("core.privacy");
    ui.frame(2);
    CHECK(ui.has_item("privacy.place.0"));
    ui::PrivacyPanel panel(runtime);
    auto hits = privacy::scan_workshop(runtime.workshop()->db());
    REQUIRE(hits.size() == 1);
    CHECK(panel.place_of(hits[0]) == "Workshop details");  // where to fix it, not "core_meta · value"
    shell.stage().show("core.workshop");
    ui.frame(2);
    ui.click_item("privacy.mask");
    CHECK(core_data::meta(runtime.workshop()->db(), "place") == "Ring [telefonnummer]");
    ui.frame(2);
    CHECK(!ui.has_item("privacy.warning"));
}

TEST_CASE("an export asks first when the workshop holds personal data, and info counts the hits") {
    test::TempDir dir;
    test::Headless ui;
    Runtime runtime;
    runtime.messages().echo_to_stderr = false;
    REQUIRE(runtime.plugins().load(std::filesystem::path(KARTLA_TEST_FIXTURE_DIR) / "fixture_good.kplug"));
    ui::Settings settings;
    ui::Shell shell(runtime, settings);
    REQUIRE(shell.create_file(dir / "w.kartla"));
    ui.set_ui([&] { shell.frame(); });
    shell.export_to("things");
    CHECK(!shell.export_review_open());  // nothing to review: straight to choosing the file
    REQUIRE(runtime.workshop()->edit("x", [](Database& db) {
        core_data::add_participant(db, std::string("Kontakt ") + kIdentity, "Polisen");
    }));
    shell.export_to("things");
    CHECK(shell.export_review_open());
    ui.frame(3);
    CHECK(ui.has_item("core.export_review.redact"));
    auto info = workshop_info(runtime);
    CHECK(info["personal_data"]["hits"] == 1);
    CHECK(info["personal_data"]["kinds"]["personal_identity_number"] == 1);
}
