// A WAL belongs to one file (storage/wal_owner.hpp): kartla never applies a
// -wal to a file it was not written for, and never leaves its own beside a file
// it no longer holds. SQLite itself applies any valid -wal found by name.
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "storage/sqlite_settings.hpp"
#include "storage/wal_owner.hpp"
#include "must_open.hpp"
#include "temp_dir.hpp"
#include "storage/core_data_edits.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

using namespace kartla;
using kartla::test::TempDir;
namespace fs = std::filesystem;

namespace {

using test::must;

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    REQUIRE(out.flush());
}

void make_workshop(const fs::path& file, const std::string& title) {
    auto w = must(Workshop::create(file));
    REQUIRE(w->edit("title", [&](Database& db) { core_data::set_meta(db, "title", title); }));
}

std::string title_of(Workshop& w) { return core_data::meta(w.db(), "title"); }

// The files kartla may leave beside `file` whose names start with "<file>-".
std::vector<std::string> beside(const fs::path& file) {
    std::vector<std::string> names;
    std::string prefix = file.filename().string() + "-";
    for (auto& entry : fs::directory_iterator(file.parent_path()))
        if (entry.path().filename().string().starts_with(prefix)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// A -wal with committed frames that another workshop (another file) wrote: its
// connection is still open when the WAL is copied, so nothing was checkpointed.
std::string foreign_wal(const fs::path& other, const std::string& title) {
    make_workshop(other, "Annan fil");
    Database db(other.string(), SQLITE_OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA wal_autocheckpoint = 0");
    for (int i = 0; i < 20; ++i) core_data::set_meta(db, "title", title + std::to_string(i));
    db.exec("CREATE TABLE leftover(x)");  // changes page 1 too: applied to another file, the schema would change
    auto wal = bytes_of(wal_owner::wal_of(other));
    REQUIRE(wal.size() > 4096);
    return wal;
}

// A kartla that edits `file` and is then killed: no destructor runs, so its WAL
// (with the edit, never checkpointed) and its record stay beside the file.
void killed_after_edit(const fs::path& file, const std::string& title) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto opened = Workshop::open(file, OpenMode::ReadWrite);
        auto* w = std::get_if<std::unique_ptr<Workshop>>(&opened);
        bool ok = w && (*w)->edit("title", [&](Database& db) { core_data::set_meta(db, "title", title); }).ok;
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(fs::file_size(wal_owner::wal_of(file)) > 32);
}

// A workshop open for editing whose last edit is still in its WAL, not yet in the file.
std::unique_ptr<Workshop> open_with_unfinished_edit(const fs::path& file, const std::string& title) {
    make_workshop(file, "Före");
    auto w = must(Workshop::open(file));
    REQUIRE(w->edit("title", [&](Database& db) { core_data::set_meta(db, "title", title); }));
    REQUIRE(fs::file_size(wal_owner::wal_of(file)) > 32);
    return w;
}

}  // namespace

TEST_CASE("a -wal another file wrote is set aside on open, renamed and unchanged, and the file opens as it is") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    make_workshop(file, "Den här filen");
    auto wal = foreign_wal(dir / "annan.kartla", "Fel fil ");
    write_bytes(wal_owner::wal_of(file), wal);  // as a sync client or a careless copy leaves it
    auto before = bytes_of(file);

    SUBCASE("opened for editing: set aside") {
        {
            auto w = must(Workshop::open(file));
            CHECK(title_of(*w) == "Den här filen");
            CHECK(w->db().scalar_int("SELECT count(*) FROM sqlite_schema WHERE name = 'leftover'") == 0);
            CHECK(w->db().scalar_text("PRAGMA integrity_check") == "ok");
            const auto& note = w->wal_note();
            CHECK(note.msgid.find("not written for this file") != std::string::npos);
            CHECK(note.msgid.find("set aside") != std::string::npos);
            REQUIRE(fs::exists(note.file));
            CHECK(note.file.filename().string().starts_with("trygghet.kartla-wal-set-aside-"));
            CHECK(bytes_of(note.file) == wal);  // renamed, never changed or deleted
        }
        CHECK(bytes_of(file) == before);  // opened and closed: the file as it was, byte for byte
        auto names = beside(file);
        REQUIRE(names.size() == 1);
        CHECK(names[0].starts_with("trygghet.kartla-wal-set-aside-"));
        CHECK(title_of(*must(Workshop::open(file))) == "Den här filen");  // and again: nothing comes back
    }
    SUBCASE("opened read-only (kartla info): not read, left where it is") {
        auto w = must(Workshop::open(file, OpenMode::ReadOnly));
        CHECK(title_of(*w) == "Den här filen");
        CHECK(w->wal_note().msgid.find("was not read") != std::string::npos);
        CHECK(bytes_of(wal_owner::wal_of(file)) == wal);
        CHECK(bytes_of(file) == before);
    }
}

TEST_CASE("kartla's own WAL after a kill belongs to its file and is applied") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    make_workshop(file, "Före");
    killed_after_edit(file, "Sparat strax före kill");
    CHECK(wal_owner::belongs(file));
    auto w = must(Workshop::open(file));
    CHECK(title_of(*w) == "Sparat strax före kill");
    CHECK(w->wal_note().empty());
}

TEST_CASE("a file replaced after kartla was killed opens as the replacement, and the old session's WAL is set aside") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    make_workshop(file, "Före");
    fs::copy_file(file, dir / "synkad.kartla");  // what a sync client will bring back: the file as it was
    killed_after_edit(file, "Den gamla sessionen");
    auto old_wal = bytes_of(wal_owner::wal_of(file));
    fs::rename(dir / "synkad.kartla", file);  // written beside and renamed over it, as sync clients do
    auto replacement = bytes_of(file);
    {
        auto w = must(Workshop::open(file));
        CHECK(title_of(*w) == "Före");
        REQUIRE_FALSE(w->wal_note().empty());
        CHECK(bytes_of(w->wal_note().file) == old_wal);
    }
    CHECK(bytes_of(file) == replacement);
}

TEST_CASE("a file moved while open gets everything saved into it, and nothing stays beside the old name") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    auto w = open_with_unfinished_edit(file, "Före flytten");
    auto moved = dir / "flyttad.kartla";
    fs::rename(file, moved);
    CHECK(w->file_change() == Workshop::FileChange::MovedOrDeleted);
    CHECK(w->wal_note().msgid.find("is in the moved file") != std::string::npos);
    CHECK(beside(file).empty());  // no -wal, -shm or record left for a file that comes to this name
    CHECK(title_of(*w) == "Före flytten");  // the open connection still reads it all
    // The moved file alone (no WAL beside it) holds the edit.
    Database alone(sqlite_settings::read_only_uri(moved), SQLITE_OPEN_READONLY);
    CHECK(core_data::meta(alone, "title") == "Före flytten");
    // Moved back, it stays "gone" for this connection: its WAL is no longer beside the file.
    fs::rename(moved, file);
    CHECK(w->file_change() == Workshop::FileChange::MovedOrDeleted);
    CHECK_FALSE(w->edit("title", [](Database& db) { core_data::set_meta(db, "title", "x"); }).ok);
}

TEST_CASE("a file replaced while open, then closed: the replacement stays byte for byte, no WAL of the old session beside it") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    make_workshop(file, "Före");
    fs::copy_file(file, dir / "synkad.kartla");
    auto w = must(Workshop::open(file));
    for (int i = 0; i < 5; ++i)
        REQUIRE(w->edit("title", [&](Database& db) { core_data::set_meta(db, "title", "Gammal " + std::to_string(i)); }));
    fs::rename(dir / "synkad.kartla", file);
    auto replacement = bytes_of(file);
    SUBCASE("seen first") {
        CHECK(w->file_change() == Workshop::FileChange::Replaced);
        CHECK(w->wal_note().msgid.find("The new file was left as it is") != std::string::npos);
    }
    SUBCASE("closed before kartla looked") {}
    w.reset();
    CHECK(beside(file).empty());
    CHECK(bytes_of(file) == replacement);
    CHECK(title_of(*must(Workshop::open(file))) == "Före");
}

TEST_CASE("a file deleted while open leaves nothing beside its name, and a copy still gets every edit") {
    TempDir dir;
    auto file = dir / "trygghet.kartla";
    auto w = open_with_unfinished_edit(file, "Före borttagningen");
    fs::remove(file);
    CHECK(w->file_change() == Workshop::FileChange::MovedOrDeleted);
    CHECK(w->wal_note().empty());  // the banner says it; the copy is the way out
    CHECK(beside(file).empty());
    auto copy = dir / "kopia.kartla";
    REQUIRE(w->continue_in_copy(copy));
    CHECK(title_of(*must(Workshop::open(copy, OpenMode::ReadOnly))) == "Före borttagningen");
    REQUIRE(w->edit("title", [](Database& db) { core_data::set_meta(db, "title", "I kopian"); }));
    w.reset();
    CHECK(beside(copy).empty());  // closed cleanly: SQLite finished its WAL, kartla removed its record
    CHECK(title_of(*must(Workshop::open(copy))) == "I kopian");
}
