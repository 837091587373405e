// Arbitrary bytes as a .kartla file. Workshop::open must answer with a
// workshop or an OpenError, never throw or crash; a file it accepts must be
// readable (a read may throw SqliteError on damage quick_check cannot see),
// editable or refuse the edit with a message, undoable and copyable.
#include "fuzz_bodies.hpp"
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "scratch_dir.hpp"

#include <filesystem>
#include <fstream>

namespace kartla::fuzz {

namespace {

namespace fs = std::filesystem;
constexpr const char* kTarget = "open_workshop";

void remove_file_set(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".part"}) fs::remove(file.string() + suffix, ec);
}

void read_everything(Workshop& workshop) {
    auto& db = workshop.db();
    try {
        (void)core_data::participants(db);
        (void)core_data::meetings(db);
        (void)core_data::organisations(db);
        for (auto key : core_data::kMetaKeys) (void)core_data::meta(db, key);
        (void)core_data::links_from(db, {"problem", 1}, "actor", "owns");
        (void)core_data::links_to(db, {"problem", 1}, "measure", "addresses");
        (void)workshop.plugin_schema_version("problem_map");
    } catch (const SqliteError&) {
        // A damaged page found while reading: reported to the caller as an error, not a crash.
    }
}

void edit_undo_copy(Workshop& workshop, const fs::path& copy) {
    auto edited = workshop.edit("fuzz edit", [](Database& db) {
        auto id = core_data::add_participant(db, "Fältsekreterare", "Socialförvaltningen");
        core_data::set_meta(db, "title", "Östra Höjden");
        core_data::add_link(db, {"actor", id}, {"problem", 1}, "owns");
        core_data::remove_participant(db, id);
    });
    if (!edited && edited.message.empty()) fail(kTarget, "a failed edit came without a message");
    if (edited && workshop.can_undo()) {
        if (auto undone = workshop.undo(); !undone && undone.message.empty()) fail(kTarget, "undo failed silently");
        if (workshop.can_redo())
            if (auto redone = workshop.redo(); !redone && redone.message.empty()) fail(kTarget, "redo failed silently");
    }
    if (workshop.db().in_transaction()) fail(kTarget, "a transaction was left open");
    auto copied = workshop.save_copy(copy);
    if (!copied && copied.message.empty()) fail(kTarget, "save_copy failed silently");
}

}  // namespace

int open_workshop(const std::uint8_t* data, std::size_t size) {
    fs::path file = scratch_dir() / "input.kartla";
    fs::path copy = scratch_dir() / "copy.kartla";
    remove_file_set(file);
    remove_file_set(copy);
    {
        std::ofstream out(file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    // Read-only first, as `kartla info` would; then as the window would.
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
        auto opened = Workshop::open(file, mode, mode == OpenMode::ReadWrite);
        if (auto* error = std::get_if<OpenError>(&opened)) {
            if (error->message.empty()) fail(kTarget, "an open error without a message");
            continue;
        }
        auto& workshop = *std::get<std::unique_ptr<Workshop>>(opened);
        read_everything(workshop);
        if (mode == OpenMode::ReadWrite) edit_undo_copy(workshop, copy);
    }
    remove_file_set(file);
    remove_file_set(copy);
    return 0;
}

}  // namespace kartla::fuzz
