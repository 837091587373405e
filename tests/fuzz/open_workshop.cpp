// Arbitrary bytes as a .kartla file. Workshop::open must answer with a
// workshop or an OpenError, never throw or crash; a file it accepts must be
// readable (a read may throw SqliteError on damage quick_check cannot see),
// editable or refuse the edit with a message, undoable and copyable.
// The schema allow-list: a file that opens holds no trigger, view or virtual
// table; a read-only open and a refusal leave the bytes as they were; a file
// refused for foreign objects gets a cleaned copy that opens, or a message.
#include "fuzz_bodies.hpp"
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "host/runtime.hpp"
#include "storage/schema_guard.hpp"
#include "scratch_dir.hpp"
#include "storage/core_data_edits.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace kartla::fuzz {

namespace {

namespace fs = std::filesystem;
constexpr const char* kTarget = "open_workshop";

void remove_file_set(const fs::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".part"}) fs::remove(file.string() + suffix, ec);
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// What the real plugins' migrations create, as the window and the CLI check it.
const SchemaCatalog& plugins_schema() {
    static const SchemaCatalog catalog = [] {
        Runtime runtime;
        runtime.messages().echo_to_stderr = false;
        runtime.plugins().load_all({fs::path(KARTLA_FUZZ_PLUGIN_DIR)});
        return runtime.plugins().known_schema();
    }();
    return catalog;
}

void holds_no_code(Workshop& workshop) {
    try {
        auto code = workshop.db().scalar_int(
            "SELECT COUNT(*) FROM sqlite_schema WHERE type IN ('trigger', 'view') OR sql LIKE 'CREATE VIRTUAL%'");
        if (code != 0) fail(kTarget, "a file with a trigger, view or virtual table was opened");
    } catch (const SqliteError&) {
    }
}

// A refusal for foreign objects: the cleaned copy is written and opens, or says why not.
void clean_copy_opens(const fs::path& file, const fs::path& copy, const SchemaCatalog& known) {
    auto problem = schema_guard::write_cleaned_copy(file, copy, known);
    if (!problem.empty()) {
        if (std::filesystem::exists(copy)) fail(kTarget, "a failed cleaned copy was left behind");
        return;
    }
    auto opened = Workshop::open(copy, OpenMode::ReadWrite, false, known);
    if (auto* error = std::get_if<OpenError>(&opened))
        fail(kTarget, "the cleaned copy does not open: " + error->message);
    holds_no_code(*std::get<std::unique_ptr<Workshop>>(opened));
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
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    // Read-only first, as the core alone sees it (every plugin's tables unverified);
    // then as the window does, with the real plugins' schema.
    const SchemaCatalog core_only;
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
        const SchemaCatalog& known = mode == OpenMode::ReadOnly ? core_only : plugins_schema();
        auto opened = Workshop::open(file, mode, mode == OpenMode::ReadWrite, known);
        if (auto* error = std::get_if<OpenError>(&opened)) {
            if (error->message.empty()) fail(kTarget, "an open error without a message");
            if (read_file(file) != bytes) fail(kTarget, "a refused file was changed");
            if (error->problem == OpenProblem::ForeignSchema) {
                if (error->message.find("it was not opened") == std::string::npos)
                    fail(kTarget, "a foreign-schema refusal that names nothing: " + error->message);
                clean_copy_opens(file, copy, known);
                remove_file_set(copy);
            }
            continue;
        }
        auto& workshop = *std::get<std::unique_ptr<Workshop>>(opened);
        holds_no_code(workshop);
        read_everything(workshop);
        if (mode == OpenMode::ReadWrite) edit_undo_copy(workshop, copy);
        else {
            std::get<std::unique_ptr<Workshop>>(opened).reset();
            if (read_file(file) != bytes) fail(kTarget, "a read-only open changed the file");
        }
    }
    remove_file_set(file);
    remove_file_set(copy);
    return 0;
}

}  // namespace kartla::fuzz
