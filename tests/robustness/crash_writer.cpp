// Edits a workshop through the core as fast as it can, forever, and prints the
// number of each edit on stdout the moment Workshop::edit (or the undo/redo
// after it) has returned. A line on stdout is a promise: "this edit is saved".
// crash_harness kills this program at random moments and checks the promises.
//
// Usage: crash_writer FILE.kartla [--acknowledge-before-commit]
// The option makes a deliberately broken writer that promises each edit before
// saving it: the harness must then report lost edits (a check of the harness).
#include "crash_payload.hpp"
#include "kartla/core_data.hpp"
#include "kartla/workshop.hpp"
#include "storage/core_data_edits.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <random>
#include <string>

namespace {

using namespace kartla;

[[noreturn]] void die(const std::string& why, int code) {
    std::fprintf(stderr, "crash_writer: %s\n", why.c_str());
    std::_Exit(code);
}

void acknowledge(std::int64_t seq) {
    // Unbuffered: the line must be in the pipe before the next edit starts.
    std::string line = fmt::format("{}\n", seq);
    if (::write(STDOUT_FILENO, line.data(), line.size()) != ssize_t(line.size())) die("stdout is gone", 4);
}

std::int64_t next_seq(Database& db) {
    return db.scalar_int("SELECT coalesce(max(CAST(substr(role, 6) AS INTEGER)), 0) + 1 "
                         "FROM core_participant WHERE role LIKE 'edit-%'");
}

void one_edit(Database& db, std::int64_t seq, std::size_t length) {
    auto id = core_data::add_participant(db, crash::role_of(seq), crash::organisation_of(seq, 0, length));
    core_data::set_meta(db, "title", crash::role_of(seq));
    if (seq % 5 == 0) {  // a meeting with an attendance row: several tables in one transaction
        auto meeting = core_data::add_meeting(db, {0, "follow_up", fmt::format("Möte {}", seq), "2026-03-12", "", ""});
        db.run("INSERT INTO core_attendance(meeting_id, participant_id) VALUES (?, ?)", meeting, id);
    }
    if (seq % 7 == 0) {  // rewrite an older row in place
        std::int64_t older = seq / 2;
        db.run("UPDATE core_participant SET organisation = ? WHERE role = ?",
               crash::organisation_of(older, seq, length / 2), crash::role_of(older));
    }
    if (seq % 11 == 0)  // deletes free pages that later edits reuse
        db.run("DELETE FROM core_meeting WHERE id = (SELECT min(id) FROM core_meeting)");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) die("usage: crash_writer FILE.kartla [--acknowledge-before-commit]", 64);
    bool lie = argc == 3 && std::string_view(argv[2]) == "--acknowledge-before-commit";
    auto opened = Workshop::open(argv[1], OpenMode::ReadWrite, /*take_advisory_lock=*/true);
    if (auto* e = std::get_if<OpenError>(&opened)) die(e->message, 3);
    auto& workshop = *std::get<std::unique_ptr<Workshop>>(opened);
    std::mt19937_64 random(std::random_device{}());
    for (std::int64_t seq = next_seq(workshop.db());; ++seq) {
        // Mostly small rows, some that span many pages.
        std::size_t length = random() % 3 == 0 ? random() % 16000 : random() % 200;
        if (lie) {
            acknowledge(seq);
            // Widen the gap between the false promise and the commit: a kill while the
            // commit's fsync runs does not lose it (the kernel has the bytes already).
            ::usleep(3000);
        }
        auto result = workshop.edit("crash test edit", [&](Database& db) { one_edit(db, seq, length); });
        if (!result) die(result.message, 2);
        if (seq % 13 == 0) {  // undo and redo are commits too
            if (auto undone = workshop.undo(); !undone) die(undone.message, 2);
            if (auto redone = workshop.redo(); !redone) die(redone.message, 2);
        }
        if (!lie) acknowledge(seq);
    }
}
